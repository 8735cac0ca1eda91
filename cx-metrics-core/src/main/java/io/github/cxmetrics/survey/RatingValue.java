package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What {@link Csat} and {@link Ces} share: the immutable count of every rating on the scale of
 * their definition, from which each statistic is derived, with merge, encoding and equality.
 *
 * @param <V> the value itself
 */
abstract class RatingValue<V extends RatingValue<V>> implements Estimate, Mergeable<V> {
  private final RatingHistogram histogram;

  RatingValue(RatingHistogram histogram) {
    this.histogram = histogram;
  }

  /** The definition that made this value. */
  abstract RatingDefinition<V, ?> definition();

  /** The short name of the metric, {@code "CSAT"} or {@code "CES"}, for messages. */
  private String metricName() {
    return definition().metric().name();
  }

  RatingHistogram histogram() {
    return histogram;
  }

  /** {@return the rating scale} */
  public RatingScale scale() {
    return histogram.scale();
  }

  /** {@return the number of ratings {@code n}} */
  @Override
  public long count() {
    return histogram.count();
  }

  /** {@return whether there are no ratings} */
  @Override
  public boolean isEmpty() {
    return histogram.count() == 0;
  }

  /**
   * Returns the number of ratings equal to {@code rating}.
   *
   * @param rating any integer
   * @return the count; 0 for a rating off the scale
   */
  public long countOf(int rating) {
    return histogram.countOf(rating);
  }

  /** {@return the count of every rating, from the scale's minimum up; a fresh array} */
  public long[] counts() {
    return histogram.counts();
  }

  /**
   * Returns the mean rating {@code sum(r_i) / n}, in points of the rating scale.
   *
   * @return a value in {@code [scale().min(), scale().max()]}
   * @throws IllegalStateException if the sample is empty
   */
  public double mean() {
    requireAtLeast(1);
    return histogram.mean();
  }

  /**
   * Returns the value of both samples together: the counts added.
   *
   * @param other a value of the same definition
   * @return the merged value
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two have different definitions, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public V merge(V other) {
    Objects.requireNonNull(other, "other");
    RatingValue<V> that = other;
    if (!definition().equals(that.definition())) {
      throw new IllegalArgumentException(
          "cannot merge " + definition() + " with " + that.definition());
    }
    return definition().value(histogram.merge(that.histogram));
  }

  /** Returns {@code n}, or throws the metric's exception for a sample of fewer than 1 or 2. */
  long requireAtLeast(long minimum) {
    long n = count();
    if (n < minimum) {
      throw new IllegalStateException(
          n == 0
              ? metricName() + " is undefined for an empty sample"
              : metricName() + " spread needs at least " + minimum + " ratings, not " + n);
    }
    return n;
  }

  /**
   * Returns the encoding of this value: a 4-byte header (format version 2, the metric id: 3 for
   * CSAT, 4 for CES, two zero bytes), then, little-endian, the scale's minimum and maximum and the
   * definition's field (CSAT: {@code satisfiedFrom}; CES: the direction, 0 for lower is less
   * effort, 1 for higher) as 4-byte integers, the count of every rating from the minimum up as
   * 8-byte counts, and a 4-byte CRC-32C of all the bytes before it.
   *
   * @return a new array of {@code 20 + 8 * points} bytes
   */
  public byte[] toByteArray() {
    return histogram.encode(definition().metric(), definition().field());
  }

  /**
   * Reads an encoding of {@code metric}, making its definition from the scale and field read.
   *
   * @throws IllegalArgumentException if the bytes are not a valid encoding of {@code metric}, or
   *     {@code definition} refuses the scale and field read
   */
  static <V extends RatingValue<V>> V decode(
      byte[] bytes,
      MetricId metric,
      BiFunction<RatingScale, Integer, ? extends RatingDefinition<V, ?>> definition) {
    RatingHistogram.Decoded decoded = RatingHistogram.decode(bytes, metric);
    RatingDefinition<V, ?> read;
    try {
      read = definition.apply(decoded.histogram().scale(), decoded.definition());
    } catch (IllegalArgumentException e) {
      throw Encoding.invalid(metric, e);
    }
    return read.value(decoded.histogram());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingValue<?> other
        && definition().equals(other.definition())
        && histogram.equals(other.histogram);
  }

  @Override
  public int hashCode() {
    return 31 * histogram.hashCode() + definition().hashCode();
  }

  /** Returns e.g. {@code Csat[score=70.0, n=10, CSAT on [1, 5] satisfied from 4]}. */
  @Override
  public String toString() {
    String name = getClass().getSimpleName();
    String rest = "n=" + count() + ", " + definition();
    return isEmpty() ? name + "[" + rest + "]" : name + "[score=" + score() + ", " + rest + "]";
  }
}
