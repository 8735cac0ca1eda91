package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * A closed confidence interval {@code [lower, upper]} at a confidence level in (0, 1).
 *
 * <p>The bounds are in the unit of the metric that produced the interval (NPS points, percent,
 * scale points); the producing method's documentation states the unit and the method.
 *
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite and {@code >= lower}
 * @param level the confidence level, in (0, 1)
 */
public record Interval(double lower, double upper, double level) {

  /**
   * Creates an interval, checking its bounds and level.
   *
   * @param lower the lower bound, finite
   * @param upper the upper bound, finite and {@code >= lower}
   * @param level the confidence level, in (0, 1)
   * @throws IllegalArgumentException if a bound is NaN or infinite, if {@code lower > upper}, or if
   *     {@code level} is outside (0, 1)
   */
  public Interval {
    if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException(
          "interval bounds (" + lower + ", " + upper + ") must be finite");
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "interval lower bound (" + lower + ") must be <= upper bound (" + upper + ")");
    }
    Checks.checkLevel(level);
  }

  /**
   * Returns whether {@code value} lies in the closed interval; false for NaN.
   *
   * @param value any double
   * @return {@code lower <= value && value <= upper}
   */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /**
   * Returns {@code upper - lower}, which is 0 for a degenerate interval.
   *
   * @return the width, {@code >= 0}
   */
  public double width() {
    return upper - lower;
  }
}
