package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;

/**
 * What every estimate of the library shares: its sample size, its score in its {@link Unit}, the
 * standard error and confidence intervals of the score, and the basis of a {@link Comparison test
 * of difference} between two estimates of one kind.
 *
 * <p>{@link Comparison#of}, {@code Breakdown.againstRest(level)}, {@code
 * Breakdown.pairwise(level)}, {@code Breakdown.spread(level)} and {@code Trend.changes()} work on
 * any estimate through this interface.
 *
 * <p>Empty samples: {@link #count()} and {@link #isEmpty()} always work; {@link #score()} and every
 * statistic throw {@link IllegalStateException}, never a sentinel such as 0 or NaN.
 */
public interface Estimate {
  /** {@return the sample size: answers, ratings or customers, as the estimate defines it} */
  long count();

  /** {@return whether there is no data: {@code count() == 0}} */
  boolean isEmpty();

  /**
   * Returns the score, in {@link #unit()}.
   *
   * @return a finite number in the range the estimate documents
   * @throws IllegalStateException if the estimate is {@linkplain #isEmpty() empty}, or its data
   *     define no score (a weighted sample whose weights are all 0)
   */
  double score();

  /**
   * Returns the standard error of {@link #score()}, in {@link #unit()}.
   *
   * @return a finite number {@code >= 0}
   * @throws IllegalStateException if the sample is too small for a standard error
   */
  double standardError();

  /**
   * Returns the margin of error {@code z * SE} at {@code level}, in {@link #unit()}, with {@code z}
   * the two-sided standard normal critical value of the level: the half-width of the Wald interval.
   *
   * @param level the confidence level, in (0, 1)
   * @return the margin of error, {@code >= 0}
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), checked before the sample
   * @throws IllegalStateException if the sample is too small for a standard error
   */
  default double marginOfError(double level) {
    double z = Critical.z(Checks.checkLevel(level));
    return z * standardError();
  }

  /**
   * Returns the estimate's default confidence interval for the score at {@code level}, in {@link
   * #unit()}; the implementing class names its method.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), checked before the sample
   * @throws IllegalStateException if the sample is too small for an interval
   */
  Interval confidenceInterval(double level);

  /** {@return the unit of the score, its standard error and its intervals} */
  Unit unit();

  /**
   * Returns the estimate and standard error that a test of difference between two estimates of this
   * kind uses (see {@link TestBasis}).
   *
   * @return the basis, in {@link #unit()}
   * @throws IllegalStateException if the sample is too small for a test
   */
  TestBasis testBasis();
}
