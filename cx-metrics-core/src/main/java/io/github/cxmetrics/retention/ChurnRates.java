package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.Checks;

/**
 * Conversions of churn rates between period lengths, under a constant per-period churn rate (each
 * customer independently survives each period with probability {@code 1 - m}).
 *
 * <ul>
 *   <li>over {@code k} periods: {@code 1 - (1 - m)^k} (e.g. monthly to annual with {@code k = 12});
 *   <li>per period from a rate over {@code k} periods: {@code 1 - (1 - a)^(1/k)};
 *   <li>expected lifetime {@code 1 / m} periods, the mean of the geometric distribution.
 * </ul>
 *
 * <p>Computed as {@code -expm1(k * log1p(-m))} so that small rates keep their precision.
 */
public final class ChurnRates {
  private ChurnRates() {}

  /**
   * Returns the churn over {@code periods} periods of a per-period churn rate: {@code 1 - (1 -
   * m)^k}.
   *
   * @param ratePerPeriod the churn rate of one period, in [0, 1]
   * @param periods how many periods, finite and {@code > 0} (fractions allowed)
   * @return the churn rate over the periods, in [0, 1]
   * @throws IllegalArgumentException if the rate is outside [0, 1] or NaN, or {@code periods} is
   *     not finite and positive
   */
  public static double compound(double ratePerPeriod, double periods) {
    checkRate(ratePerPeriod);
    checkPeriods(periods);
    return -Math.expm1(periods * Math.log1p(-ratePerPeriod));
  }

  /**
   * Returns the per-period churn rate that compounds to {@code rateOverPeriods} over {@code
   * periods} periods: {@code 1 - (1 - a)^(1/k)}, the inverse of {@link #compound}.
   *
   * @param rateOverPeriods the churn rate over all the periods, in [0, 1]
   * @param periods how many periods, finite and {@code > 0}
   * @return the per-period churn rate, a fraction in [0, 1]
   * @throws IllegalArgumentException if the rate is outside [0, 1] or NaN, or {@code periods} is
   *     not finite and positive
   */
  public static double perPeriod(double rateOverPeriods, double periods) {
    checkRate(rateOverPeriods);
    checkPeriods(periods);
    return -Math.expm1(Math.log1p(-rateOverPeriods) / periods);
  }

  /**
   * Returns the expected customer lifetime {@code 1 / m} in periods for a constant churn rate.
   *
   * @param churnRate the per-period churn rate, in [0, 1]
   * @return the lifetime in periods, {@code >= 1}; positive infinity for a churn rate of 0
   * @throws IllegalArgumentException if the rate is outside [0, 1] or NaN
   */
  public static double expectedLifetime(double churnRate) {
    checkRate(churnRate);
    return 1 / churnRate;
  }

  static double checkRate(double rate) {
    return Checks.checkProbability("churn rate", rate);
  }

  private static void checkPeriods(double periods) {
    Checks.checkPositive("periods", periods);
  }
}
