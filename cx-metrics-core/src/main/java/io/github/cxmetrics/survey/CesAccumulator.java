package io.github.cxmetrics.survey;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A mutable counter of effort ratings whose {@link #snapshot()} is the {@link Ces} of everything it
 * was given.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 */
public final class CesAccumulator implements IntConsumer {
  private final RatingCounter counter;
  private final EffortDirection direction;

  /** Creates an accumulator on the default 1..5 scale, lower meaning less effort. */
  public CesAccumulator() {
    this(Ces.DEFAULT_SCALE, Ces.DEFAULT_DIRECTION);
  }

  /**
   * Creates an accumulator on {@code scale}, read in {@code direction}.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @throws NullPointerException if an argument is null
   */
  public CesAccumulator(RatingScale scale, EffortDirection direction) {
    this.direction = Objects.requireNonNull(direction, "direction");
    this.counter = new RatingCounter(scale, Ces.definition(scale, direction));
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
   * @throws IllegalArgumentException if the two differ in scale or direction
   */
  public CesAccumulator combine(CesAccumulator other) {
    counter.combine(Objects.requireNonNull(other, "other").counter);
    return this;
  }

  /**
   * Adds the counts of an already aggregated value, e.g. one read back with {@link
   * Ces#fromByteArray}.
   *
   * @param value a value of the same scale and direction
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value has another scale or direction, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public void add(Ces value) {
    Objects.requireNonNull(value, "value");
    counter.add(value.histogram(), Ces.definition(value.scale(), value.direction()));
  }

  /** {@return the number of ratings counted so far} */
  public long count() {
    return counter.count();
  }

  /** {@return the {@link Ces} of everything counted so far; the accumulator stays usable} */
  public Ces snapshot() {
    return Ces.of(counter.snapshot(), direction);
  }
}
