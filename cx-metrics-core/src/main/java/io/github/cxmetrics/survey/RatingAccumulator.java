package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Histograms;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The mutable counts of ratings behind {@link CsatAccumulator} and {@link CesAccumulator}: one
 * count per point of the definition's scale.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 *
 * @param <V> the value it makes
 * @param <A> the accumulator itself
 */
abstract class RatingAccumulator<V extends RatingValue<V>, A extends RatingAccumulator<V, A>>
    implements IntConsumer {
  private final RatingDefinition<V, A> definition;
  private final long[] counts;
  private long count;

  RatingAccumulator(RatingDefinition<V, A> definition) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.counts = new long[definition.scale().points()];
  }

  /**
   * Counts one rating.
   *
   * @param rating a rating on the definition's scale
   * @throws IllegalArgumentException if {@code rating} is off the scale, naming it and its index
   *     among the ratings this accumulator has counted (in a parallel stream, among those of its
   *     chunk), with a hint when it fits a common larger scale; the accumulator is then unchanged
   */
  @Override
  public void accept(int rating) {
    accept(rating, count);
  }

  void accept(int rating, long index) {
    RatingScale scale = definition.scale();
    if (!scale.contains(rating)) {
      throw scale.range().outside(rating, index);
    }
    counts[rating - scale.min()]++;
    count++;
  }

  /**
   * Counts every rating of {@code ratings}, validating all of them first.
   *
   * @param ratings the ratings, each on the scale; empty changes nothing
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index in
   *     {@code ratings}; the accumulator is then unchanged
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public void addAll(int[] ratings) {
    long[] batch = new long[counts.length];
    Histograms.count(
        ratings, definition.scale().min(), batch, "ratings", definition.scale().range());
    add(batch, ratings.length);
  }

  /**
   * Counts every rating of {@code ratings}, read as signed bytes; otherwise as {@link
   * #addAll(int[])}.
   *
   * @param ratings the ratings, each on the scale; empty changes nothing
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public void addAll(byte[] ratings) {
    long[] batch = new long[counts.length];
    Histograms.count(
        ratings, definition.scale().min(), batch, "ratings", definition.scale().range());
    add(batch, ratings.length);
  }

  /**
   * Adds everything {@code other} has counted.
   *
   * @param other an accumulator of the same definition; it is not changed
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two have different definitions, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @SuppressWarnings("unchecked")
  public A combine(A other) {
    Objects.requireNonNull(other, "other");
    RatingAccumulator<V, A> that = other;
    if (!definition.equals(that.definition)) {
      throw new IllegalArgumentException(
          "cannot combine " + definition + " with " + that.definition);
    }
    add(that.counts, that.count);
    return (A) this;
  }

  /**
   * Adds the counts of an already aggregated value, e.g. one read back with {@code fromByteArray}.
   *
   * @param value a value of the same definition
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value has another definition, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public void add(V value) {
    Objects.requireNonNull(value, "value");
    if (!definition.equals(value.definition())) {
      throw new IllegalArgumentException("cannot add " + value.definition() + " to " + definition);
    }
    add(value.histogram().counts(), value.count());
  }

  private void add(long[] batch, long size) {
    for (int k = 0; k < counts.length; k++) {
      counts[k] = Checks.addCounts("rating count", counts[k], batch[k]);
    }
    count = Checks.addCounts("rating count", count, size);
  }

  /** {@return the number of ratings counted so far} */
  public long count() {
    return count;
  }

  /** {@return the value of everything counted so far; the accumulator stays usable} */
  public V snapshot() {
    return definition.value(RatingHistogram.ofCounts(definition.scale(), counts));
  }
}
