package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import java.util.Objects;

/**
 * The difference of two independent estimates, {@code first - second}, with the standard error, z
 * statistic, two-sided p-value and confidence interval of a large-sample test of the difference.
 *
 * <p>Formulas, for independent estimates with {@link TestBasis test bases} {@code (e1, s1)} and
 * {@code (e2, s2)}:
 *
 * <ul>
 *   <li>{@link #difference()}: the difference of the reported scores, {@code score1 - score2};
 *   <li>{@link #adjustedDifference()}: {@code e1 - e2}, what the test and the interval centre on;
 *       it equals the difference for means and for {@link #ofIndependent}, and differs from it by
 *       the pseudo-count adjustment for shares and net scores (see {@link TestBasis}), by less the
 *       larger the samples;
 *   <li>standard error {@code SE = sqrt(s1^2 + s2^2)} (the variance of a difference of independent
 *       variables is the sum of their variances);
 *   <li>{@code z = (e1 - e2) / SE}; p-value {@code 2 * (1 - Phi(|z|))}, Phi the standard normal
 *       CDF; interval {@code (e1 - e2) ± z_level * SE}.
 * </ul>
 *
 * <p>Edge cases of {@link #ofIndependent}: when {@code SE = 0}, {@code z} is 0 and the p-value 1 if
 * the difference is 0, and {@code z} is infinite with the sign of the difference and the p-value 0
 * otherwise. {@link #of} refuses a difference with {@code SE = 0} instead.
 *
 * <p>References: A. Agresti and B. Caffo, The American Statistician 54(4), 280-288, 2000, <a
 * href="https://doi.org/10.1080/00031305.2000.10474560">doi:10.1080/00031305.2000.10474560</a>; J.
 * R. Lewis and J. Sauro, "How to Statistically Compare Two Net Promoter Scores", MeasuringU, 2021,
 * <a href="https://measuringu.com/nps-significance-test/">measuringu.com/nps-significance-test</a>.
 *
 * @param difference {@code score1 - score2}, finite
 * @param adjustedDifference the difference the test centres on, finite
 * @param standardError the standard error of the difference, finite and {@code >= 0}
 * @param unit the unit of the two estimates and so of the difference
 */
public record Comparison(
    double difference, double adjustedDifference, double standardError, Unit unit) {

  /**
   * Creates a comparison, checking its components.
   *
   * @param difference {@code score1 - score2}, finite
   * @param adjustedDifference the difference the test centres on, finite
   * @param standardError the standard error of the difference, finite and {@code >= 0}
   * @param unit the unit of the difference
   * @throws NullPointerException if {@code unit} is null
   * @throws IllegalArgumentException if a difference is not finite or {@code standardError} is
   *     negative, NaN or infinite
   */
  public Comparison {
    Checks.checkFinite("difference", difference);
    Checks.checkFinite("adjusted difference", adjustedDifference);
    Checks.checkNonNegative("standard error", standardError);
    Objects.requireNonNull(unit, "unit");
  }

  /**
   * Compares two independent estimates of the same kind and unit: the difference of their scores,
   * tested on their {@link Estimate#testBasis() test bases}.
   *
   * @param first the first estimate
   * @param second the second estimate
   * @return the comparison {@code first - second}, in the estimates' unit
   * @throws NullPointerException if an estimate is null
   * @throws IllegalArgumentException if the two are of different classes or units, naming both
   * @throws IllegalStateException if either estimate is empty or too small for a test, or if
   *     neither varies (a standard error of 0, possible only for means), naming both
   */
  public static Comparison of(Estimate first, Estimate second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.getClass() != second.getClass() || !first.unit().equals(second.unit())) {
      throw new IllegalArgumentException(
          "cannot compare " + describe(first) + " with " + describe(second));
    }
    double difference = first.score() - second.score();
    TestBasis a = first.testBasis();
    TestBasis b = second.testBasis();
    double se = Math.hypot(a.standardError(), b.standardError());
    if (se == 0) {
      throw new IllegalStateException(
          "the difference of "
              + first
              + " and "
              + second
              + " cannot be tested: neither sample varies, so its standard error is 0");
    }
    return new Comparison(difference, a.estimate() - b.estimate(), se, first.unit());
  }

  private static String describe(Estimate estimate) {
    return estimate.getClass().getSimpleName() + " (in " + estimate.unit() + ")";
  }

  /**
   * Compares two independent estimates given by their values and standard errors, without
   * adjustment: {@code D = first - second}, {@code SE = sqrt(firstSe^2 + secondSe^2)}.
   *
   * @param first the first estimate
   * @param firstStandardError the standard error of the first estimate, finite and {@code >= 0}
   * @param second the second estimate
   * @param secondStandardError the standard error of the second estimate, finite and {@code >= 0}
   * @param unit the unit of both estimates
   * @return the comparison, with {@code adjustedDifference() == difference()}
   * @throws NullPointerException if {@code unit} is null
   * @throws IllegalArgumentException if an estimate is not finite or a standard error is negative,
   *     NaN or infinite
   */
  public static Comparison ofIndependent(
      double first,
      double firstStandardError,
      double second,
      double secondStandardError,
      Unit unit) {
    double difference = first - second;
    double se =
        Math.hypot(
            Checks.checkNonNegative("standard error", firstStandardError),
            Checks.checkNonNegative("standard error", secondStandardError));
    return new Comparison(difference, difference, se, unit);
  }

  /**
   * Returns {@code z = adjustedDifference / SE}; see the class documentation for {@code SE = 0}.
   *
   * @return the z statistic, dimensionless, possibly infinite, never NaN
   */
  public double z() {
    if (standardError == 0) {
      return adjustedDifference == 0
          ? 0
          : Math.copySign(Double.POSITIVE_INFINITY, adjustedDifference);
    }
    return adjustedDifference / standardError;
  }

  /**
   * Returns the two-sided p-value {@code 2 * (1 - Phi(|z|))} of the hypothesis that the two
   * underlying values are equal.
   *
   * @return a probability in [0, 1]
   */
  public double pValue() {
    return Math.min(1.0, Critical.twoSidedNormalP(z()));
  }

  /**
   * Returns whether the difference is significant at the given level: {@code pValue() < 1 - level}.
   *
   * @param level the confidence level, in (0, 1), e.g. 0.95 for a 5% test
   * @return whether the p-value is below {@code 1 - level}
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public boolean isSignificant(double level) {
    return pValue() < 1 - Checks.checkLevel(level);
  }

  /**
   * Returns the Wald interval {@code adjustedDifference ± z * SE} for the difference, in {@link
   * #unit()}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval of the difference
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public Interval confidenceInterval(double level) {
    double half = Critical.z(level) * standardError;
    return new Interval(adjustedDifference - half, adjustedDifference + half, level, unit);
  }
}
