package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.RatingScale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * {@code csat(rating)} and {@code ces(rating)}: the core's CSAT or CES of a column of ratings on a
 * {@link RatingScale}, exactly as {@code Csat.of} and {@code Ces.of} compute it on the same rows.
 *
 * <p>Null ratings are skipped and counted ({@code nulls} in the result). A rating off the scale
 * fails the query with an {@link IllegalArgumentException} naming it.
 *
 * @param <R> the result type, {@link CsatResult} or {@link CesResult}
 */
public final class RatingAggregator<R> extends Aggregator<Integer, RatingBuffer, R> {
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
  private final SerializableFunction<RatingBuffer, R> finish;

  /** The result's bean class. */
  private final Class<R> resultType;

  /** A supplier that Spark can ship to executors. */
  interface SerializableSupplier<T> extends Supplier<T>, java.io.Serializable {}

  /** A function that Spark can ship to executors. */
  interface SerializableFunction<T, U> extends Function<T, U>, java.io.Serializable {}

  RatingAggregator(
      String name,
      RatingScale scale,
      SerializableSupplier<RatingBuffer> zero,
      SerializableFunction<RatingBuffer, R> finish,
      Class<R> resultType) {
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
  public RatingBuffer reduce(RatingBuffer buffer, Integer rating) {
    if (rating == null) {
      buffer.nulls++;
    } else if (rating < min || rating > max) {
      throw new IllegalArgumentException(
          name + ": rating " + rating + " is outside the rating scale " + RatingScale.of(min, max));
    } else {
      buffer.accept(rating);
    }
    return buffer;
  }

  @Override
  public RatingBuffer merge(RatingBuffer a, RatingBuffer b) {
    a.combine(b);
    return a;
  }

  @Override
  public R finish(RatingBuffer buffer) {
    return finish.apply(buffer);
  }

  @Override
  public Encoder<RatingBuffer> bufferEncoder() {
    return Encoders.javaSerialization(RatingBuffer.class);
  }

  @Override
  public Encoder<R> outputEncoder() {
    return Encoders.bean(resultType);
  }
}
