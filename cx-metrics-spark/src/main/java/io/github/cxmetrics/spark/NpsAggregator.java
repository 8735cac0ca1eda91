package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.Nps;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * {@code nps(score)}: the Net Promoter Score of a column of answers 0..10, exactly as {@link
 * Nps#of(int...)} computes it on the same rows.
 *
 * <p>Null scores are skipped and counted ({@code nulls} in the result). A score outside 0..10 fails
 * the query with an {@link IllegalArgumentException} naming it.
 */
public final class NpsAggregator extends Aggregator<Integer, NpsBuffer, NpsResult> {
  private static final long serialVersionUID = 1L;

  /** The confidence level of the result's interval. */
  private final double level;

  /**
   * Creates the aggregator.
   *
   * @param level the confidence level of the result's interval, in (0, 1)
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public NpsAggregator(double level) {
    this.level = Buffers.checkLevel(level);
  }

  @Override
  public NpsBuffer zero() {
    return new NpsBuffer();
  }

  @Override
  public NpsBuffer reduce(NpsBuffer buffer, Integer score) {
    if (score == null) {
      buffer.nulls++;
    } else if (score < Nps.MIN_RESPONSE || score > Nps.MAX_RESPONSE) {
      throw new IllegalArgumentException(
          "nps: score " + score + " is outside the NPS scale [0, 10]");
    } else {
      buffer.counts.accept(score);
    }
    return buffer;
  }

  @Override
  public NpsBuffer merge(NpsBuffer a, NpsBuffer b) {
    a.counts.combine(b.counts);
    a.nulls = Math.addExact(a.nulls, b.nulls);
    return a;
  }

  @Override
  public NpsResult finish(NpsBuffer buffer) {
    return NpsResult.of(buffer.counts.snapshot(), buffer.nulls, level);
  }

  @Override
  public Encoder<NpsBuffer> bufferEncoder() {
    return Encoders.javaSerialization(NpsBuffer.class);
  }

  @Override
  public Encoder<NpsResult> outputEncoder() {
    return Encoders.bean(NpsResult.class);
  }
}
