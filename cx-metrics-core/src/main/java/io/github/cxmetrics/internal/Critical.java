package io.github.cxmetrics.internal;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sided critical values and tail probabilities, from Apache Commons Statistics.
 *
 * <p>For a confidence level {@code c}, the two-sided critical value is the quantile at {@code 1 -
 * (1 - c) / 2} of the reference distribution.
 */
public final class Critical {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private Critical() {}

  /**
   * Returns z such that P(|Z| &le; z) = level for a standard normal Z.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static double z(double level) {
    Checks.checkLevel(level);
    // the upper quantile, computed from the survival side to keep precision near level -> 1
    return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
  }

  /**
   * Returns t such that P(|T| &le; t) = level for Student's t with {@code df} degrees of freedom.
   *
   * @throws IllegalArgumentException if {@code level} is outside (0, 1) or {@code df} is not
   *     positive
   */
  public static double t(double level, double df) {
    Checks.checkLevel(level);
    if (!(df > 0)) {
      throw new IllegalArgumentException("degrees of freedom (" + df + ") must be > 0");
    }
    return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
  }

  /** Returns the two-sided p-value P(|Z| &ge; |z|) for a standard normal Z. */
  public static double twoSidedNormalP(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
  }
}
