package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;

/**
 * The difference of two independent estimates, {@code first - second}, with its standard error, z
 * statistic and two-sided p-value under the normal approximation.
 *
 * <p>Formulas, for independent estimates {@code e1, e2} with standard errors {@code s1, s2}:
 *
 * <ul>
 *   <li>difference {@code D = e1 - e2};
 *   <li>standard error {@code SE = sqrt(s1^2 + s2^2)} (the variance of a difference of independent
 *       variables is the sum of their variances);
 *   <li>{@code z = D / SE}; p-value {@code 2 * (1 - Phi(|z|))}, Phi the standard normal CDF.
 * </ul>
 *
 * <p>Edge cases: when {@code SE = 0} (both samples without variance), {@code z} is 0 and the
 * p-value 1 if {@code D = 0}, and {@code z} is infinite with the sign of {@code D} and the p-value
 * 0 otherwise.
 *
 * <p>Reference: any introductory text, e.g. Agresti &amp; Franklin, <i>Statistics: The Art and
 * Science of Learning from Data</i>, section on comparing two means or proportions.
 *
 * @param difference {@code first - second}, finite
 * @param standardError the standard error of the difference, finite and {@code >= 0}
 */
public record Comparison(double difference, double standardError) {

  /**
   * Creates a comparison, checking its components.
   *
   * @param difference {@code first - second}, finite
   * @param standardError the standard error of the difference, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code difference} is not finite or {@code standardError}
   *     is negative, NaN or infinite
   */
  public Comparison {
    if (!Double.isFinite(difference)) {
      throw new IllegalArgumentException("difference (" + difference + ") must be finite");
    }
    if (!(standardError >= 0 && standardError < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "standard error (" + standardError + ") must be finite and >= 0");
    }
  }

  /**
   * Compares two independent estimates: {@code D = first - second}, {@code SE = sqrt(firstSe^2 +
   * secondSe^2)}.
   *
   * @param first the first estimate
   * @param firstStandardError the standard error of the first estimate, finite and {@code >= 0}
   * @param second the second estimate
   * @param secondStandardError the standard error of the second estimate, finite and {@code >= 0}
   * @return the comparison, in the unit of the scores
   * @throws IllegalArgumentException if an estimate is not finite or a standard error is negative,
   *     NaN or infinite
   */
  public static Comparison ofIndependent(
      double first, double firstStandardError, double second, double secondStandardError) {
    return new Comparison(
        first - second, Math.hypot(checkSe(firstStandardError), checkSe(secondStandardError)));
  }

  private static double checkSe(double se) {
    if (!(se >= 0 && se < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("standard error (" + se + ") must be finite and >= 0");
    }
    return se;
  }

  /**
   * Returns {@code z = D / SE}; see the class documentation for {@code SE = 0}.
   *
   * @return the z statistic, possibly infinite, never NaN
   */
  public double z() {
    if (standardError == 0) {
      return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
    }
    return difference / standardError;
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
   * Returns whether the difference is significant at the given level, i.e. {@code pValue() < 1 -
   * level}.
   *
   * @param level the confidence level, in (0, 1), e.g. 0.95 for a 5% test
   * @return whether {@code pValue() < 1 - level}
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public boolean isSignificant(double level) {
    return pValue() < 1 - Checks.checkLevel(level);
  }

  /**
   * Returns the Wald interval {@code D ± z * SE} for the difference.
   *
   * @param level the confidence level, in (0, 1)
   * @return the Wald interval {@code D ± z * SE} for the difference
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public Interval confidenceInterval(double level) {
    double half = Critical.z(level) * standardError;
    return new Interval(difference - half, difference + half, level);
  }
}
