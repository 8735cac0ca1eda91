package io.github.cxmetrics.survey;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A mutable counter of ratings whose {@link #snapshot()} is the {@link Csat} of everything it was
 * given.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 */
public final class CsatAccumulator implements IntConsumer {
  private final RatingCounter counter;
  private final int satisfiedFrom;

  /** Creates an accumulator on the default 1..5 scale, 4 and 5 satisfied. */
  public CsatAccumulator() {
    this(Csat.DEFAULT_SCALE, Csat.DEFAULT_SATISFIED_FROM);
  }

  /**
   * Creates an accumulator on {@code scale}, ratings from {@code satisfiedFrom} up satisfied.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @throws NullPointerException if {@code scale} is null
   * @throws IllegalArgumentException if {@code satisfiedFrom} is not in {@code (scale.min(),
   *     scale.max()]}
   */
  public CsatAccumulator(RatingScale scale, int satisfiedFrom) {
    this.satisfiedFrom = Csat.checkThreshold(scale, satisfiedFrom);
    this.counter = new RatingCounter(scale, Csat.definition(scale, satisfiedFrom));
  }

  /**
   * Counts one rating.
   *
   * @throws IllegalArgumentException if {@code rating} is off the scale, naming it; the accumulator
   *     is then unchanged
   */
  @Override
  public void accept(int rating) {
    counter.accept(rating, counter.count());
  }

  /**
   * Counts every rating of {@code ratings}, validating all of them first.
   *
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index;
   *     the accumulator is then unchanged
   */
  public void addAll(int[] ratings) {
    counter.addAll(ratings);
  }

  /**
   * Counts every rating of {@code ratings}, read as signed bytes; otherwise as {@link #addAll}.
   *
   * @param ratings the ratings, each on the scale; empty gives an empty value
   */
  public void addAll(byte[] ratings) {
    counter.addAll(ratings);
  }

  /**
   * Adds everything {@code other} has counted.
   *
   * @param other another accumulator; it is not changed
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in scale or threshold
   */
  public CsatAccumulator combine(CsatAccumulator other) {
    counter.combine(Objects.requireNonNull(other, "other").counter);
    return this;
  }

  /**
   * Adds the counts of an already aggregated value, e.g. one read back with {@link
   * Csat#fromByteArray}.
   *
   * @param value a value of the same scale and threshold
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value has another scale or threshold, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public void add(Csat value) {
    Objects.requireNonNull(value, "value");
    counter.add(value.histogram(), Csat.definition(value.scale(), value.satisfiedFrom()));
  }

  /** {@return the number of ratings counted so far} */
  public long count() {
    return counter.count();
  }

  /** {@return the {@link Csat} of everything counted so far; the accumulator stays usable} */
  public Csat snapshot() {
    return Csat.of(counter.snapshot(), satisfiedFrom);
  }
}
