package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.Nps;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed aggregator of {@code nps(score)} (registered under that name on sessions that are not
 * classic; see {@link CxFunctions}): the Net Promoter Score of a column of answers 0..10, exactly
 * as {@link Nps#of(int...)} computes it on the same rows.
 *
 * <p>The result is a struct of {@code score} (NPS points in [-100, 100]), {@code n}, {@code
 * promoters}, {@code passives}, {@code detractors}, {@code nulls}, {@code standard_error} and the
 * adjusted Wald interval (Rocks 2016) {@code lower}, {@code upper} at the registered level; the
 * score, standard error and bounds are null on a group with no non-null score.
 *
 * <p>Null scores are skipped and counted ({@code nulls} in the result). Spark passes the column as
 * a double: an integral value ({@code 9}, {@code 9.0}) is its integer; a value that is not a whole
 * number ({@code 10.99}, {@code NaN}) or is outside 0..10 fails the query with an {@link
 * IllegalArgumentException} naming it.
 */
public final class NpsAggregator extends Aggregator<Double, NpsBuffer, Row> {
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
  public NpsBuffer reduce(NpsBuffer buffer, Double score) {
    if (score == null) {
      buffer.nulls++;
    } else {
      buffer.counts.accept(
          Buffers.onScale(
              "nps", "score", score, Nps.MIN_RESPONSE, Nps.MAX_RESPONSE, "the NPS scale [0, 10]"));
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
  public Row finish(NpsBuffer buffer) {
    return Results.nps(buffer.counts.snapshot(), buffer.nulls, level);
  }

  @Override
  public Encoder<NpsBuffer> bufferEncoder() {
    return Encoders.javaSerialization(NpsBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(Results.NPS);
  }
}
