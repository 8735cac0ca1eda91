package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.ValueRange;

/**
 * A closed scale of integer ratings {@code [min, max]}, such as the 1 to 5 CSAT scale or the 1 to 7
 * CES scale.
 *
 * <p>A scale has at least two points and at most {@value #MAX_POINTS}, since metrics on it keep a
 * count for every point.
 */
public final class RatingScale {
  /** The largest number of points a scale may have. */
  public static final int MAX_POINTS = 1001;

  /** The scale 1..5, the common CSAT and CES scale. */
  public static final RatingScale ONE_TO_FIVE = new RatingScale(1, 5);

  /** The scale 1..7, used by CES 2.0 and 7-point CSAT surveys. */
  public static final RatingScale ONE_TO_SEVEN = new RatingScale(1, 7);

  private final int min;
  private final int max;
  private final ValueRange range;

  private RatingScale(int min, int max) {
    this.min = min;
    this.max = max;
    this.range = ValueRange.of("rating", "the rating scale " + this, this::hint);
  }

  /**
   * {@return the scale {@code [min, max]}}
   *
   * @param min the lowest rating
   * @param max the highest rating, {@code > min}
   * @throws IllegalArgumentException if {@code min >= max} or the scale has more than {@value
   *     #MAX_POINTS} points, naming both ends
   */
  public static RatingScale of(int min, int max) {
    if (min >= max) {
      throw new IllegalArgumentException(
          "rating scale [" + min + ", " + max + "] must have min < max");
    }
    if ((long) max - min + 1 > MAX_POINTS) {
      throw new IllegalArgumentException(
          "rating scale [" + min + ", " + max + "] has more than " + MAX_POINTS + " points");
    }
    return new RatingScale(min, max);
  }

  /** {@return the lowest rating} */
  public int min() {
    return min;
  }

  /** {@return the highest rating} */
  public int max() {
    return max;
  }

  /** {@return the number of points, {@code max - min + 1}} */
  public int points() {
    return max - min + 1;
  }

  /**
   * {@return the midpoint {@code (min + max) / 2}, in points of the scale; a rating only on
   * odd-sized scales}
   */
  public double midpoint() {
    return ((double) min + max) / 2;
  }

  /**
   * {@return whether {@code rating} lies on the scale}
   *
   * @param rating a rating
   */
  public boolean contains(int rating) {
    return min <= rating && rating <= max;
  }

  /** What the counting kernels say of a rating off this scale. */
  ValueRange range() {
    return range;
  }

  /**
   * A hint for a rating off this scale: the first common scale that holds both this scale and the
   * rating ({@code 1..5}, {@code 1..7}, {@code 1..10}, {@code 0..10}), or nothing.
   */
  private String hint(long rating) {
    if (min >= 1 && max <= 5 && rating >= 1 && rating <= 5) {
      return "; for 1..5 ratings use RatingScale.ONE_TO_FIVE";
    }
    if (min >= 1 && max <= 7 && rating >= 1 && rating <= 7) {
      return "; for 1..7 ratings use RatingScale.ONE_TO_SEVEN";
    }
    if (min >= 1 && max <= 10 && rating >= 1 && rating <= 10) {
      return "; for 1..10 ratings use RatingScale.of(1, 10)";
    }
    if (min >= 0 && max <= 10 && rating >= 0 && rating <= 10) {
      return "; for 0..10 ratings use RatingScale.of(0, 10)";
    }
    return "";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingScale other && min == other.min && max == other.max;
  }

  @Override
  public int hashCode() {
    return 31 * min + max;
  }

  /** Returns e.g. {@code [1, 5]}. */
  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
