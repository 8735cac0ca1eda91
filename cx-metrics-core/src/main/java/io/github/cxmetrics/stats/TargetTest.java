package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A one-sample test of an estimate against a target or benchmark value ("is our NPS at least 30?"),
 * on the estimate's {@link TestBasis}: {@code z = (b - target) / SE_b}, with {@code b} and {@code
 * SE_b} the basis's estimate and standard error (the adjusted-Wald estimate for NPS and
 * proportions, Lewis and Sauro 2021; the mean and its standard error for means), and the p-value of
 * the chosen alternative from the standard normal distribution.
 *
 * <p>A basis with a standard error of 0 (means of identical ratings) gives {@code z} of infinite
 * magnitude in the direction of the difference, or 0 when the basis equals the target.
 *
 * @param estimate the basis's estimate, in the estimate's unit
 * @param target the target, in the same unit
 * @param standardError the basis's standard error
 * @param alternative what the test looks for
 * @param z the test statistic
 * @param pValue the p-value, in [0, 1]
 */
public record TargetTest(
    double estimate,
    double target,
    double standardError,
    Alternative alternative,
    double z,
    double pValue) {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** The alternative hypothesis, about the true score. */
  public enum Alternative {
    /** The true score is above the target: {@code p = P(Z >= z)}. */
    ABOVE,
    /** The true score is below the target: {@code p = P(Z <= z)}. */
    BELOW,
    /** The true score differs from the target: {@code p = 2 P(Z >= |z|)}. */
    DIFFERENT
  }

  /**
   * Creates a test result, checking its components.
   *
   * @param estimate the basis's estimate, finite
   * @param target the target, finite
   * @param standardError the basis's standard error, finite and {@code >= 0}
   * @param alternative the alternative, not null
   * @param z the statistic, not NaN
   * @param pValue the p-value, in [0, 1]
   * @throws NullPointerException if {@code alternative} is null
   * @throws IllegalArgumentException if a component is out of range, naming it
   */
  public TargetTest {
    Checks.checkFinite("estimate", estimate);
    Checks.checkFinite("target", target);
    Checks.checkNonNegative("standard error", standardError);
    Objects.requireNonNull(alternative, "alternative");
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z must not be NaN");
    }
    Checks.checkProbability("p-value", pValue);
  }

  /**
   * Tests an estimate against a target.
   *
   * @param estimate the estimate, not empty
   * @param target the target, in the estimate's {@link Estimate#unit() unit}, finite
   * @param alternative what the test looks for
   * @return the test
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the target is not finite
   * @throws IllegalStateException if the estimate is empty or too small for a test
   */
  public static TargetTest of(Estimate estimate, double target, Alternative alternative) {
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(alternative, "alternative");
    Checks.checkFinite("target", target);
    TestBasis basis = estimate.testBasis();
    double difference = basis.estimate() - target;
    double z =
        basis.standardError() > 0
            ? difference / basis.standardError()
            : difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
    double p =
        switch (alternative) {
          case ABOVE -> STANDARD_NORMAL.survivalProbability(z);
          case BELOW -> STANDARD_NORMAL.cumulativeProbability(z);
          case DIFFERENT -> Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
        };
    return new TargetTest(basis.estimate(), target, basis.standardError(), alternative, z, p);
  }

  /**
   * Returns whether the test rejects at a confidence level: {@code pValue < 1 - level}.
   *
   * @param level the confidence level, in (0, 1)
   * @return whether the alternative is supported
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public boolean isSignificant(double level) {
    return pValue < 1 - Checks.checkLevel(level);
  }
}
