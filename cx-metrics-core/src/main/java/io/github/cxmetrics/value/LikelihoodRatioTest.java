package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A likelihood-ratio test of a restricted model nested in a fuller one, fitted to the same data:
 * {@code statistic = 2 (LL_full - LL_restricted)}, asymptotically chi-square with as many degrees
 * of freedom as the restrictions, when the restricted value is inside the fuller model's parameter
 * space (S. S. Wilks, "The Large-Sample Distribution of the Likelihood Ratio for Testing Composite
 * Hypotheses", Annals of Mathematical Statistics 9(1), 60-62, 1938, <a
 * href="https://doi.org/10.1214/aoms/1177732360">doi:10.1214/aoms/1177732360</a>).
 *
 * @param restrictedLogLikelihood the maximised log-likelihood of the restricted model
 * @param fullLogLikelihood the maximised log-likelihood of the fuller model
 * @param degreesOfFreedom the number of restrictions, {@code >= 1}
 * @param statistic {@code 2 (LL_full - LL_restricted)}, dimensionless, {@code >= 0}
 * @param pValue the chi-square upper tail probability of the statistic, in [0, 1]
 */
public record LikelihoodRatioTest(
    double restrictedLogLikelihood,
    double fullLogLikelihood,
    int degreesOfFreedom,
    double statistic,
    double pValue) {

  /**
   * Returns the test of two maximised log-likelihoods. A fuller model that fits worse by rounding
   * (its maximum below the restricted one by less than {@code 1e-9} of it) gives statistic 0; by
   * more, the fuller fit did not reach its maximum, and the test refuses.
   *
   * @param restrictedLogLikelihood the restricted model's maximum, finite
   * @param fullLogLikelihood the fuller model's maximum, finite
   * @param degreesOfFreedom the number of restrictions, {@code >= 1}
   * @return the test
   * @throws IllegalArgumentException if a log-likelihood is not finite, the degrees of freedom are
   *     below 1, or the fuller model fits clearly worse, naming the values
   */
  public static LikelihoodRatioTest of(
      double restrictedLogLikelihood, double fullLogLikelihood, int degreesOfFreedom) {
    Checks.checkFinite("restrictedLogLikelihood", restrictedLogLikelihood);
    Checks.checkFinite("fullLogLikelihood", fullLogLikelihood);
    Checks.checkAtLeast("degreesOfFreedom", degreesOfFreedom, 1);
    double statistic = 2 * (fullLogLikelihood - restrictedLogLikelihood);
    if (statistic < 0) {
      if (-statistic > 2e-9 * Math.abs(restrictedLogLikelihood)) {
        throw new IllegalArgumentException(
            "the fuller model's log-likelihood ("
                + fullLogLikelihood
                + ") is below the restricted one's ("
                + restrictedLogLikelihood
                + "): the fuller fit did not reach its maximum");
      }
      statistic = 0;
    }
    double p = ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(statistic);
    return new LikelihoodRatioTest(
        restrictedLogLikelihood, fullLogLikelihood, degreesOfFreedom, statistic, p);
  }

  /**
   * Returns whether the fuller model fits significantly better at {@code level}: {@code pValue() <
   * 1 - level}, as {@link io.github.cxmetrics.stats.Comparison#isSignificant} decides.
   *
   * @param level the confidence level, in (0, 1), e.g. 0.95 for a 5% test
   * @return whether the test rejects the restricted model
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public boolean isSignificant(double level) {
    Checks.checkLevel(level);
    return pValue < 1 - level;
  }
}
