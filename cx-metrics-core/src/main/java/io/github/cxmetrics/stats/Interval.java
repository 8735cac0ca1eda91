package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;

/**
 * A closed confidence interval {@code [lower, upper]} at a confidence level in (0, 1), in a {@link
 * Unit}.
 *
 * <p>The producing method's documentation states the method (Wilson, adjusted Wald, Student t).
 *
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite and {@code >= lower}
 * @param level the confidence level, in (0, 1)
 * @param unit the unit of the bounds
 */
public record Interval(double lower, double upper, double level, Unit unit) {

  /**
   * Creates an interval, checking its bounds and level.
   *
   * @param lower the lower bound, finite
   * @param upper the upper bound, finite and {@code >= lower}
   * @param level the confidence level, in (0, 1)
   * @param unit the unit of the bounds
   * @throws NullPointerException if {@code unit} is null
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
    Objects.requireNonNull(unit, "unit");
  }

  /**
   * Returns whether {@code value} lies in the closed interval; false for NaN.
   *
   * @param value any double, in the interval's unit
   * @return {@code lower <= value && value <= upper}
   */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /**
   * Returns {@code upper - lower}, in the interval's unit; 0 for a degenerate interval.
   *
   * @return the width, {@code >= 0}
   */
  public double width() {
    return upper - lower;
  }

  /**
   * Returns this interval with both bounds multiplied by {@code factor > 0}, in {@code unit}: e.g.
   * a fraction as percent.
   *
   * @param factor the scale factor, finite and {@code > 0}
   * @param unit the unit of the scaled bounds
   * @return the scaled interval at the same level
   * @throws NullPointerException if {@code unit} is null
   * @throws IllegalArgumentException if {@code factor} is not finite and positive
   */
  public Interval scaled(double factor, Unit unit) {
    Checks.checkPositive("factor", factor);
    return new Interval(lower * factor, upper * factor, level, unit);
  }
}
