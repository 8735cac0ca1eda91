package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.WeightedNps;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import scala.Tuple2;

/**
 * {@code weighted_nps(score, weight)}: the weighted NPS of a column of answers 0..10 with survey
 * weights, exactly as {@link WeightedNps#of(int[], double[])} computes it on the same rows (its
 * weight sums are exact, so the partition of the rows does not matter).
 *
 * <p>The result is a struct of {@code score}, {@code n}, {@code total_weight}, {@code
 * effective_sample_size} (Kish), {@code nulls}, {@code standard_error} and the adjusted Wald
 * interval {@code lower}, {@code upper}; the statistics are null when the total weight is 0.
 *
 * <p>Rows with a null score or a null weight are skipped and counted ({@code nulls} in the result).
 * A score that is not a whole number ({@code 9.5}; integral doubles such as {@code 9.0} are their
 * integer) or is outside 0..10, and a weight that is negative, NaN or infinite, fail the query with
 * an {@link IllegalArgumentException} naming it.
 */
public final class WeightedNpsAggregator
    extends Aggregator<Tuple2<Double, Double>, WeightedNpsBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The confidence level of the result's interval. */
  private final double level;

  /**
   * Creates the aggregator.
   *
   * @param level the confidence level of the result's interval, in (0, 1)
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public WeightedNpsAggregator(double level) {
    this.level = Buffers.checkLevel(level);
  }

  @Override
  public WeightedNpsBuffer zero() {
    return new WeightedNpsBuffer();
  }

  @Override
  public WeightedNpsBuffer reduce(WeightedNpsBuffer buffer, Tuple2<Double, Double> row) {
    Double score = row._1();
    Double weight = row._2();
    if (score == null || weight == null) {
      buffer.nulls++;
      return buffer;
    }
    int answer =
        Buffers.onScale(
            "weighted_nps",
            "score",
            score,
            Nps.MIN_RESPONSE,
            Nps.MAX_RESPONSE,
            "the NPS scale [0, 10]");
    if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "weighted_nps: weight " + weight + " must be finite and >= 0");
    }
    buffer.pending.accept(answer, weight);
    return buffer;
  }

  @Override
  public WeightedNpsBuffer merge(WeightedNpsBuffer a, WeightedNpsBuffer b) {
    a.base = a.base.merge(b.base);
    a.pending.combine(b.pending);
    a.nulls = Math.addExact(a.nulls, b.nulls);
    return a;
  }

  @Override
  public Row finish(WeightedNpsBuffer buffer) {
    return Results.weightedNps(buffer.value(), buffer.nulls, level);
  }

  @Override
  public Encoder<WeightedNpsBuffer> bufferEncoder() {
    return Encoders.javaSerialization(WeightedNpsBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(Results.WEIGHTED_NPS);
  }
}
