package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.retention.Retention;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.WeightedNps;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Checksummed buffers whose payload is short, long or out of range are still rejected. */
class EncodingTest {
  private static byte[] counts(MetricId metric, long... values) {
    ByteBuffer buffer = Encoding.writer(metric, 8 * values.length);
    for (long v : values) {
      buffer.putLong(v);
    }
    return Encoding.finish(buffer);
  }

  @Test
  void shortPayloadsAreTruncatedNotMisread() {
    assertThatThrownBy(() -> Nps.fromByteArray(counts(MetricId.NPS, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated encoding: 24 bytes end before detractors at offset 20");
    assertThatThrownBy(() -> Nps.fromByteArray(counts(MetricId.NPS)))
        .hasMessageStartingWith("truncated encoding: 8 bytes end before promoters");
    assertThatThrownBy(() -> Retention.fromByteArray(counts(MetricId.RETENTION, 5)))
        .hasMessageStartingWith("truncated encoding");
    assertThatThrownBy(
            () ->
                Csat.fromByteArray(
                    Encoding.finish(Encoding.writer(MetricId.CSAT, 2).putShort((short) 1))))
        .hasMessageStartingWith("truncated encoding");
  }

  @Test
  void longPayloadsAreRejected() {
    assertThatThrownBy(() -> Nps.fromByteArray(counts(MetricId.NPS, 1, 2, 3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged NPS encoding: 8 bytes after the payload");
    assertThatThrownBy(() -> Retention.fromByteArray(counts(MetricId.RETENTION, 5, 5, 0, 0)))
        .hasMessage("damaged RETENTION encoding: 8 bytes after the payload");
    byte[] csat = Csat.of(5, 4).toByteArray();
    assertThatThrownBy(() -> Csat.fromByteArray(extended(csat, MetricId.CSAT)))
        .hasMessage("damaged CSAT encoding: 8 bytes after the payload");
    assertThatThrownBy(() -> Ces.fromByteArray(extended(Ces.of(1, 2).toByteArray(), MetricId.CES)))
        .hasMessage("damaged CES encoding: 8 bytes after the payload");
    byte[] weighted = WeightedNps.of(new int[] {9}, new double[] {1}).toByteArray();
    assertThatThrownBy(() -> WeightedNps.fromByteArray(extended(weighted, MetricId.WEIGHTED_NPS)))
        .hasMessage("damaged WEIGHTED_NPS encoding: 8 bytes after the payload");
    byte[] funnel = Funnel.ofCounts(java.util.List.of("a", "b"), 2, 1).toByteArray();
    assertThatThrownBy(() -> Funnel.fromByteArray(extended(funnel, MetricId.FUNNEL)))
        .hasMessage("damaged FUNNEL encoding: 8 bytes after the payload");
  }

  /** The payload of a valid encoding followed by 8 zero bytes, under a fresh checksum. */
  private static byte[] extended(byte[] encoding, MetricId metric) {
    int payload = encoding.length - Encoding.HEADER - Encoding.CHECKSUM;
    ByteBuffer buffer = Encoding.writer(metric, payload + 8);
    buffer.put(encoding, Encoding.HEADER, payload).putLong(0);
    return Encoding.finish(buffer);
  }

  @Test
  void outOfRangeDefinitionsAreRejected() {
    ByteBuffer scale = Encoding.writer(MetricId.CSAT, 12 + 16).putInt(1).putInt(2).putInt(2);
    byte[] okCsat = Encoding.finish(scale.putLong(3).putLong(4));
    assertThat(Csat.fromByteArray(okCsat).satisfied()).isEqualTo(4);
    ByteBuffer badThreshold = Encoding.writer(MetricId.CSAT, 12 + 16).putInt(1).putInt(2).putInt(1);
    assertThatThrownBy(
            () -> Csat.fromByteArray(Encoding.finish(badThreshold.putLong(3).putLong(4))))
        .hasMessage(
            "damaged CSAT encoding: satisfiedFrom (1) must be in (1, 2] for the rating scale [1, 2]");
    ByteBuffer badScale = Encoding.writer(MetricId.CES, 12).putInt(5).putInt(1).putInt(0);
    assertThatThrownBy(() -> Ces.fromByteArray(Encoding.finish(badScale)))
        .hasMessage("damaged CES encoding: rating scale [5, 1] must have min < max");
    ByteBuffer negativeDirection =
        Encoding.writer(MetricId.CES, 12 + 16).putInt(1).putInt(2).putInt(-1);
    assertThatThrownBy(
            () -> Ces.fromByteArray(Encoding.finish(negativeDirection.putLong(1).putLong(1))))
        .hasMessage("damaged CES encoding: direction -1 is neither 0 nor 1");
    ByteBuffer direction1 = Encoding.writer(MetricId.CES, 12 + 16).putInt(1).putInt(2).putInt(1);
    assertThat(Ces.fromByteArray(Encoding.finish(direction1.putLong(1).putLong(1))).direction())
        .isEqualTo(io.github.cxmetrics.survey.EffortDirection.HIGHER_IS_LESS_EFFORT);
    ByteBuffer negativeCount =
        Encoding.writer(MetricId.CSAT, 12 + 16).putInt(1).putInt(2).putInt(2);
    assertThatThrownBy(
            () -> Csat.fromByteArray(Encoding.finish(negativeCount.putLong(-3).putLong(4))))
        .hasMessage("damaged encoding: count of rating 1 is -3 < 0");
  }

  @Test
  void funnelsWithTooFewStagesOrBadNamesAreRejected() {
    ByteBuffer one = Encoding.writer(MetricId.FUNNEL, 4 + 5 + 8).putInt(1);
    Encoding.putString(one, "a");
    byte[] oneStage = Encoding.finish(one.putLong(3));
    assertThatThrownBy(() -> Funnel.fromByteArray(oneStage))
        .hasMessage("damaged FUNNEL encoding: 1 stages in 13 bytes");
    ByteBuffer bad = Encoding.writer(MetricId.FUNNEL, 4 + 2 * 5 + 16).putInt(2);
    bad.putInt(1).put((byte) 0xFF);
    Encoding.putString(bad, "b");
    byte[] notUtf8 = Encoding.finish(bad.putLong(2).putLong(1));
    assertThatThrownBy(() -> Funnel.fromByteArray(notUtf8))
        .hasMessage("damaged encoding: stage 0 is not UTF-8");
    ByteBuffer huge = Encoding.writer(MetricId.FUNNEL, 4 + 4).putInt(2).putInt(Integer.MAX_VALUE);
    assertThatThrownBy(() -> Funnel.fromByteArray(Encoding.finish(huge)))
        .isInstanceOf(IllegalArgumentException.class);
    ByteBuffer stringLength = Encoding.writer(MetricId.FUNNEL, 4 + 4 + 24).putInt(2).putInt(-1);
    byte[] negativeLength = Encoding.finish(stringLength.putLong(0).putLong(0).putLong(0));
    assertThatThrownBy(() -> Funnel.fromByteArray(negativeLength))
        .hasMessage("damaged encoding: stage 0 length -1 with 24 bytes left");
    Function<String, String> rejecting = name -> null;
    assertThatThrownBy(
            () ->
                Funnel.fromByteArray(
                    Funnel.ofCounts(java.util.List.of("a", "b"), 2, 1).toByteArray(), rejecting))
        .hasMessage("damaged FUNNEL encoding: stage a");
  }

  @Test
  void exactSumsRoundTripAtEveryLength() {
    for (int bits = 0; bits < 200; bits++) {
      // 2^bits - 1 shifted by 0 to 40 bits: its zero bytes below are written as a count
      for (int shift = 0; shift <= 40; shift += 4) {
        BigInteger value = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(shift);
        ByteBuffer buffer = Encoding.writer(MetricId.WEIGHTED_NPS, Encoding.exactLength(value));
        Encoding.putExact(buffer, value);
        byte[] bytes = Encoding.finish(buffer);
        ByteBuffer read = Encoding.reader(bytes, MetricId.WEIGHTED_NPS);
        assertThat(Encoding.exact(read, "sum")).isEqualTo(value);
        int zeroBytes = bits == 0 ? 0 : shift / 8;
        int significant = bits == 0 ? 0 : (bits + shift - 8 * zeroBytes + 7) / 8;
        assertThat(Encoding.exactLength(value)).isEqualTo(8 + significant);
        assertThat(ByteBuffer.wrap(bytes, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
            .isEqualTo(zeroBytes);
      }
    }
    assertThat(MetricId.FUNNEL.id()).isEqualTo(6);
  }
}
