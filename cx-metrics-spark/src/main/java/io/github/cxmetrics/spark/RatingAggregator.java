package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.RatingScale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.StructType;

/**
 * The typed aggregator of {@code csat(rating)} and {@code ces(rating)} (registered under those
 * names on sessions that are not classic; see {@link CxFunctions}), and of other rating scales: the
 * core's CSAT or CES of a column of ratings on a {@link RatingScale}, exactly as {@code Csat.of}
 * and {@code Ces.of} compute it on the same rows.
 *
 * <p>The result of {@code csat} is a struct of {@code score} (percent satisfied), {@code mean},
 * {@code n}, {@code satisfied}, {@code nulls}, {@code standard_error} (percentage points) and the
 * Wilson interval {@code lower}, {@code upper}; that of {@code ces} of {@code mean}, {@code
 * low_effort_share} (a fraction), {@code n}, {@code nulls}, {@code standard_deviation} and the
 * Student t interval of the mean {@code lower}, {@code upper}. Statistics that need one rating (two
 * for the spread and the t interval) are null on a group with fewer.
 *
 * <p>Null ratings are skipped and counted ({@code nulls} in the result). Spark passes the column as
 * a double: an integral value is its integer; a value that is not a whole number ({@code 4.5},
 * {@code NaN}) or is off the scale fails the query with an {@link IllegalArgumentException} naming
 * it.
 */
public final class RatingAggregator extends Aggregator<Double, RatingBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The SQL name of the function, for messages. */
  private final String name;

  /** The lowest rating of the scale (the scale itself is not serializable). */
  private final int min;

  /** The highest rating of the scale. */
  private final int max;

  /** Makes an empty buffer. */
  private final SerializableSupplier<RatingBuffer> zero;

  /** Turns a buffer into the result. */
  private final SerializableFunction<RatingBuffer, Row> finish;

  /** The result's struct. */
  private final StructType resultType;

  /** A supplier that Spark can ship to executors. */
  interface SerializableSupplier<T> extends Supplier<T>, java.io.Serializable {}

  /** A function that Spark can ship to executors. */
  interface SerializableFunction<T, U> extends Function<T, U>, java.io.Serializable {}

  RatingAggregator(
      String name,
      RatingScale scale,
      SerializableSupplier<RatingBuffer> zero,
      SerializableFunction<RatingBuffer, Row> finish,
      StructType resultType) {
    this.name = name;
    this.min = scale.min();
    this.max = scale.max();
    this.zero = zero;
    this.finish = finish;
    this.resultType = resultType;
  }

  @Override
  public RatingBuffer zero() {
    return zero.get();
  }

  @Override
  public RatingBuffer reduce(RatingBuffer buffer, Double rating) {
    if (rating == null) {
      buffer.nulls++;
    } else {
      buffer.accept(
          Buffers.onScale(
              name, "rating", rating, min, max, "the rating scale " + RatingScale.of(min, max)));
    }
    return buffer;
  }

  @Override
  public RatingBuffer merge(RatingBuffer a, RatingBuffer b) {
    a.combine(b);
    return a;
  }

  @Override
  public Row finish(RatingBuffer buffer) {
    return finish.apply(buffer);
  }

  @Override
  public Encoder<RatingBuffer> bufferEncoder() {
    return Encoders.javaSerialization(RatingBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(resultType);
  }
}
