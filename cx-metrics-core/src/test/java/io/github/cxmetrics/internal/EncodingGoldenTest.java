package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.drivers.DriverAccumulator;
import io.github.cxmetrics.drivers.DriverMoments;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.journey.JourneyStage;
import io.github.cxmetrics.retention.Retention;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingScale;
import io.github.cxmetrics.survey.WeightedNps;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The encodings against the golden files of format version 1 (test resources {@code golden/v1},
 * written from the documented layout by a separate script), and their rejection of every kind of
 * foreign or damaged buffer.
 */
class EncodingGoldenTest {
  record Golden(String file, Object value, Function<byte[], Object> read, Supplier<byte[]> write) {}

  private static final Nps NPS = Nps.ofCounts(4, 4, 2);
  private static final WeightedNps WEIGHTED =
      WeightedNps.of(new int[] {10, 7, 0}, new double[] {2, 1, 0.5});
  private static final Csat CSAT = Csat.definition(RatingScale.of(1, 5), 4).ofCounts(1, 2, 3, 4, 5);
  private static final Ces CES =
      Ces.definition(RatingScale.of(1, 7), EffortDirection.HIGHER_IS_LESS_EFFORT)
          .ofCounts(0, 1, 0, 2, 0, 0, 3);
  private static final Retention RETENTION = Retention.ofCounts(100, 105, 15);
  private static final Funnel<String> FUNNEL = Funnel.ofCounts(List.of("visit", "paid"), 10, 3);
  private static final DriverMoments DRIVERS =
      new DriverAccumulator(List.of("ease", "price"))
          .accept(9, 4, 5)
          .accept(6, 3, 2)
          .accept(10, 5, -1)
          .acceptWithMissing(7, null, 3)
          .snapshot();

  private static final List<Golden> GOLDEN =
      List.of(
          new Golden("nps.bin", NPS, Nps::fromByteArray, NPS::toByteArray),
          new Golden(
              "weighted-nps.bin", WEIGHTED, WeightedNps::fromByteArray, WEIGHTED::toByteArray),
          new Golden("csat.bin", CSAT, Csat::fromByteArray, CSAT::toByteArray),
          new Golden("ces.bin", CES, Ces::fromByteArray, CES::toByteArray),
          new Golden("retention.bin", RETENTION, Retention::fromByteArray, RETENTION::toByteArray),
          new Golden("funnel.bin", FUNNEL, Funnel::fromByteArray, FUNNEL::toByteArray),
          new Golden(
              "driver-moments.bin", DRIVERS, DriverMoments::fromByteArray, DRIVERS::toByteArray));

  /** A golden file of the current version. */
  private static byte[] golden(String file) {
    return golden(Encoding.VERSION, file);
  }

  private static byte[] golden(int version, String file) {
    try (InputStream in =
        EncodingGoldenTest.class.getResourceAsStream("/golden/v" + version + "/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void goldenFilesReadBackAndAreWrittenAgainByteForByte() {
    for (Golden g : GOLDEN) {
      byte[] bytes = golden(g.file());
      assertThat(g.read().apply(bytes)).as(g.file()).isEqualTo(g.value());
      assertThat(g.write().get()).as(g.file()).isEqualTo(bytes);
    }
  }

  @Test
  void version1FilesStillReadBack() {
    for (Golden g : GOLDEN) {
      byte[] bytes = golden(1, g.file());
      assertThat(bytes[0]).isEqualTo((byte) 1);
      assertThat(g.read().apply(bytes)).as("v1 %s", g.file()).isEqualTo(g.value());
    }
    // the version 1 weighted NPS wrote every low zero byte of its sums scaled by 2^2176
    assertThat(golden(1, "weighted-nps.bin")).hasSize(1123);
    assertThat(golden(2, "weighted-nps.bin")).hasSize(53);
  }

  @Test
  void everyTruncationBitFlipAndExtraByteIsRejected() {
    for (int version = 1; version <= Encoding.VERSION; version++) {
      for (Golden g : GOLDEN) {
        rejectsEveryDamage(g, golden(version, g.file()));
      }
    }
  }

  private static void rejectsEveryDamage(Golden g, byte[] bytes) {
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> g.read().apply(cut))
          .as("%s cut to %d bytes", g.file(), length)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> g.read().apply(flipped))
          .as("%s with bit %d flipped", g.file(), bit)
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> g.read().apply(longer)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void foreignEncodingsAreRejectedByName() {
    assertThatThrownBy(() -> Csat.fromByteArray(golden("nps.bin")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a CSAT encoding: metric id 1 (NPS), expected 3");
    assertThatThrownBy(() -> Nps.fromByteArray(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a cx-metrics encoding: 3 bytes, shorter than a header and a checksum");
    assertThatThrownBy(() -> Nps.fromByteArray(new byte[40]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a cx-metrics encoding, or a damaged one: the checksum does not match");
    assertThatThrownBy(() -> Nps.fromByteArray(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aFutureVersionIsRejectedEvenWithAValidChecksum() {
    byte[] bytes =
        Encoding.finish(Encoding.writer(MetricId.NPS, 24).putLong(1).putLong(1).putLong(1));
    bytes[0] = 3;
    byte[] resealed = reseal(bytes);
    assertThatThrownBy(() -> Nps.fromByteArray(resealed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unsupported cx-metrics encoding version 3; this library reads versions [1, 2]");
  }

  @Test
  void aReaderTellsItsVersionToPayloadReaders() {
    java.nio.ByteBuffer buffer = Encoding.reader(Nps.ofCounts(1, 2, 3).toByteArray(), MetricId.NPS);
    assertThat(Encoding.version(buffer)).isEqualTo(2);
    assertThat(buffer.position()).isEqualTo(Encoding.HEADER);
    assertThat(Encoding.READABLE).contains((int) Encoding.VERSION);
  }

  /** Recomputes the checksum of a payload edited by hand. */
  private static byte[] reseal(byte[] bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    java.nio.ByteBuffer.wrap(bytes)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }

  @Test
  void checksummedButImpossiblePayloadsAreRejected() {
    byte[] negative =
        Encoding.finish(Encoding.writer(MetricId.NPS, 24).putLong(1).putLong(-1).putLong(1));
    assertThatThrownBy(() -> Nps.fromByteArray(negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged encoding: passives is -1 < 0");
    byte[] overflow =
        Encoding.finish(
            Encoding.writer(MetricId.NPS, 24).putLong(Long.MAX_VALUE).putLong(1).putLong(0));
    assertThatThrownBy(() -> Nps.fromByteArray(overflow))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("damaged NPS encoding: NPS count overflows a long");
    byte[] impossible =
        Encoding.finish(Encoding.writer(MetricId.RETENTION, 24).putLong(10).putLong(5).putLong(6));
    assertThatThrownBy(() -> Retention.fromByteArray(impossible))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "damaged RETENTION encoding: acquired customers (6) cannot exceed customers at end (5)");
    java.nio.ByteBuffer ces = Encoding.writer(MetricId.CES, 12 + 16).putInt(1).putInt(2).putInt(7);
    byte[] badDirection = Encoding.finish(ces.putLong(1).putLong(1));
    assertThatThrownBy(() -> Ces.fromByteArray(badDirection))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged CES encoding: direction 7 is neither 0 nor 1");
    java.nio.ByteBuffer weighted =
        Encoding.writer(
                MetricId.WEIGHTED_NPS,
                8
                    + Encoding.exactLength(java.math.BigInteger.ONE)
                    + 3 * Encoding.exactLength(java.math.BigInteger.ZERO))
            .putLong(1);
    Encoding.putExact(weighted, java.math.BigInteger.ONE);
    Encoding.putExact(weighted, java.math.BigInteger.ZERO);
    Encoding.putExact(weighted, java.math.BigInteger.ZERO);
    Encoding.putExact(weighted, java.math.BigInteger.ZERO);
    byte[] inconsistent = Encoding.finish(weighted);
    assertThatThrownBy(() -> WeightedNps.fromByteArray(inconsistent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "damaged WEIGHTED_NPS encoding: the sums of 1 weights and of their squares are"
                + " inconsistent");
  }

  @Test
  void checksummedButImpossibleDriverMomentsAreRejected() {
    java.nio.ByteBuffer squares =
        Encoding.writer(MetricId.DRIVER_MOMENTS, 4 + 9 + 16 + 16 + 24).putInt(1);
    Encoding.putString(squares, "price");
    // two responses whose outcomes sum to 10 but whose squares sum to 40 < 10^2 / 2
    squares.putLong(2).putLong(0).putLong(10).putLong(6).putLong(40).putLong(30).putLong(20);
    byte[] bad = Encoding.finish(squares);
    assertThatThrownBy(() -> DriverMoments.fromByteArray(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "damaged DRIVER_MOMENTS encoding: the sums of variable 0 are impossible for 2"
                + " responses");
    java.nio.ByteBuffer empty =
        Encoding.writer(MetricId.DRIVER_MOMENTS, 4 + 9 + 16 + 16 + 24).putInt(1);
    Encoding.putString(empty, "price");
    empty.putLong(0).putLong(3).putLong(0).putLong(0).putLong(0).putLong(1).putLong(0);
    byte[] orphan = Encoding.finish(empty);
    assertThatThrownBy(() -> DriverMoments.fromByteArray(orphan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged DRIVER_MOMENTS encoding: non-zero sums without a complete response");
    java.nio.ByteBuffer twice =
        Encoding.writer(MetricId.DRIVER_MOMENTS, 4 + 10 + 16 + 24 + 48).putInt(2);
    Encoding.putString(twice, "a");
    Encoding.putString(twice, "a");
    for (int i = 0; i < 11; i++) {
      twice.putLong(0);
    }
    byte[] repeated = Encoding.finish(twice);
    assertThatThrownBy(() -> DriverMoments.fromByteArray(repeated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged DRIVER_MOMENTS encoding: driver a is named twice");
    byte[] none =
        Encoding.finish(Encoding.writer(MetricId.DRIVER_MOMENTS, 12).putInt(0).putLong(0));
    assertThatThrownBy(() -> DriverMoments.fromByteArray(none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged DRIVER_MOMENTS encoding: 0 drivers in 8 bytes");
    byte[] many =
        Encoding.finish(Encoding.writer(MetricId.DRIVER_MOMENTS, 12).putInt(3).putLong(0));
    assertThatThrownBy(() -> DriverMoments.fromByteArray(many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged DRIVER_MOMENTS encoding: 3 drivers in 8 bytes");
  }

  @Test
  void aNegativeCountOfZeroBytesIsRejected() {
    java.nio.ByteBuffer weighted = Encoding.writer(MetricId.WEIGHTED_NPS, 8 + 4 * 8).putLong(0);
    weighted.putInt(-1).putInt(0);
    for (int i = 0; i < 3; i++) {
      Encoding.putExact(weighted, java.math.BigInteger.ZERO);
    }
    byte[] bad = Encoding.finish(weighted);
    assertThatThrownBy(() -> WeightedNps.fromByteArray(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("damaged encoding: promoter weight has -1 zero bytes");
  }

  @Test
  void randomValuesRoundTrip() {
    qt().forAll(longs().between(0, 1L << 40), longs().between(0, 1L << 40), longs().all())
        .checkAssert(
            (a, b, seed) -> {
              Nps nps = Nps.ofCounts(a, b, a ^ b);
              assertThat(Nps.fromByteArray(nps.toByteArray())).isEqualTo(nps);
              SplittableRandom random = new SplittableRandom(seed);
              int n = random.nextInt(50);
              int[] answers = random.ints(n, 0, 11).toArray();
              double[] weights =
                  random.doubles(n).map(u -> Math.scalb(u, random.nextInt(-600, 600))).toArray();
              WeightedNps weighted = WeightedNps.of(answers, weights);
              assertThat(WeightedNps.fromByteArray(weighted.toByteArray())).isEqualTo(weighted);
              Csat csat = Csat.definition(RatingScale.of(0, 10), 9).of(answers);
              assertThat(Csat.fromByteArray(csat.toByteArray())).isEqualTo(csat);
              Ces ces =
                  Ces.definition(RatingScale.of(0, 10), EffortDirection.LOWER_IS_LESS_EFFORT)
                      .of(answers);
              assertThat(Ces.fromByteArray(ces.toByteArray())).isEqualTo(ces);
              long s = a + b;
              Retention retention = Retention.ofCounts(s, b + a / 2, a / 2);
              assertThat(Retention.fromByteArray(retention.toByteArray())).isEqualTo(retention);
            });
  }

  @Test
  void journeyFunnelsRoundTripWithTypedStages() {
    Funnel<JourneyStage> funnel = Funnel.ofJourneyCounts(100, 50, 20, 10, 5, 1);
    assertThat(Funnel.fromByteArray(funnel.toByteArray(), JourneyStage::valueOf)).isEqualTo(funnel);
    assertThatThrownBy(() -> Funnel.fromByteArray(FUNNEL.toByteArray(), JourneyStage::valueOf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("damaged FUNNEL encoding: No enum constant");
  }

  @Test
  void randomBytesOnlyEverGiveTheDocumentedException() {
    qt().forAll(longs().all(), integers().between(0, 200))
        .checkAssert(
            (seed, length) -> {
              SplittableRandom random = new SplittableRandom(seed);
              byte[] bytes = new byte[length];
              random.nextBytes(bytes);
              if (length > 0 && random.nextBoolean()) {
                bytes[0] = 1; // a plausible version
              }
              for (Function<byte[], Object> read :
                  List.<Function<byte[], Object>>of(
                      Nps::fromByteArray,
                      WeightedNps::fromByteArray,
                      Csat::fromByteArray,
                      Ces::fromByteArray,
                      Retention::fromByteArray,
                      Funnel::fromByteArray)) {
                assertThatThrownBy(() -> read.apply(bytes))
                    .isInstanceOf(IllegalArgumentException.class);
              }
            });
  }
}
