package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import java.util.Objects;

/**
 * A binomial proportion: {@code successes} out of {@code trials}, such as the customers retained
 * out of those at the start, or those who reached a funnel stage out of those who entered the step.
 *
 * <p>Statistics, with {@code p = successes / trials} and {@code n = trials}, all as fractions in
 * [0, 1]:
 *
 * <ul>
 *   <li>standard error {@code sqrt(p (1 - p) / n)};
 *   <li>{@link #confidenceInterval Wilson score interval} (Wilson 1927);
 *   <li>{@link #testBasis() test basis} of Agresti and Caffo (2000): {@code p~ = (successes + 1) /
 *       (n + 2)} with standard error {@code sqrt(p~ (1 - p~) / (n + 2))}, which is never 0, so that
 *       a {@link Comparison} of two proportions is the Agresti-Caffo test of their difference.
 * </ul>
 *
 * <p>Proportions merge by adding successes and trials, with {@link #EMPTY} as identity. No trials:
 * {@link #count()} and {@link #isEmpty()} work, the score and statistics throw {@link
 * IllegalStateException}.
 *
 * <p>References:
 *
 * <ul>
 *   <li>E. B. Wilson, "Probable Inference, the Law of Succession, and Statistical Inference", JASA
 *       22(158), 209-212, 1927, <a
 *       href="https://doi.org/10.1080/01621459.1927.10502953">doi:10.1080/01621459.1927.10502953</a>.
 *   <li>A. Agresti and B. Caffo, "Simple and Effective Confidence Intervals for Proportions and
 *       Differences of Proportions Result from Adding Two Successes and Two Failures", The American
 *       Statistician 54(4), 280-288, 2000, <a
 *       href="https://doi.org/10.1080/00031305.2000.10474560">doi:10.1080/00031305.2000.10474560</a>.
 * </ul>
 */
public final class Proportion implements Estimate, Mergeable<Proportion> {
  /** No trials: the identity of {@link #merge}. */
  public static final Proportion EMPTY = new Proportion(0, 0);

  private final long successes;
  private final long trials;

  private Proportion(long successes, long trials) {
    this.successes = successes;
    this.trials = trials;
  }

  /**
   * Returns the proportion {@code successes / trials}.
   *
   * @param successes a count in {@code [0, trials]}
   * @param trials a count {@code >= 0}; 0 gives {@link #EMPTY}
   * @return the proportion
   * @throws IllegalArgumentException if a count is negative or {@code successes > trials}, naming
   *     both
   */
  public static Proportion of(long successes, long trials) {
    Checks.checkCount("successes", successes);
    Checks.checkCount("trials", trials);
    if (successes > trials) {
      throw new IllegalArgumentException(
          "successes (" + successes + ") must be <= trials (" + trials + ")");
    }
    return trials == 0 ? EMPTY : new Proportion(successes, trials);
  }

  /** {@return the number of successes} */
  public long successes() {
    return successes;
  }

  /** {@return the number of trials {@code n}} */
  public long trials() {
    return trials;
  }

  /** {@return the number of trials {@code n}} */
  @Override
  public long count() {
    return trials;
  }

  /** {@return whether there are no trials} */
  @Override
  public boolean isEmpty() {
    return trials == 0;
  }

  /**
   * Returns {@code p = successes / trials}.
   *
   * @return a fraction in [0, 1]
   * @throws IllegalStateException if there are no trials
   */
  @Override
  public double score() {
    return (double) successes / nonEmptyTrials();
  }

  /**
   * Returns the standard error {@code sqrt(p (1 - p) / n)}, a fraction; 0 when {@code p} is 0 or 1.
   *
   * @return the standard error, {@code >= 0}
   * @throws IllegalStateException if there are no trials
   */
  @Override
  public double standardError() {
    double n = nonEmptyTrials();
    double p = successes / n;
    return Math.sqrt(p * (1 - p) / n);
  }

  /**
   * Returns the Wilson score interval (Wilson 1927), as fractions: with {@code z} the two-sided
   * normal critical value, centre {@code (p + z^2 / 2n) / (1 + z^2 / n)} and half-width {@code z /
   * (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)}. It lies within [0, 1], its lower bound is
   * exactly 0 when {@code p = 0} and its upper bound exactly 1 when {@code p = 1}, and it never
   * collapses to a point.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, within [0, 1]
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), checked first
   * @throws IllegalStateException if there are no trials
   */
  @Override
  public Interval confidenceInterval(double level) {
    double z = Critical.z(level);
    double n = nonEmptyTrials();
    double p = successes / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
    // at p = 0 (p = 1) the lower (upper) bound is exactly 0 (1): centre = half there, which
    // rounding would blur
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new Interval(lower, upper, level, Unit.FRACTION);
  }

  /** {@return {@link Unit#FRACTION}} */
  @Override
  public Unit unit() {
    return Unit.FRACTION;
  }

  /**
   * Returns Agresti and Caffo's (2000) adjusted proportion {@code p~ = (successes + 1) / (n + 2)}
   * and its standard error {@code sqrt(p~ (1 - p~) / (n + 2))}, fractions; the standard error is
   * never 0.
   *
   * @return the test basis
   * @throws IllegalStateException if there are no trials
   */
  @Override
  public TestBasis testBasis() {
    double n = nonEmptyTrials() + 2.0;
    double p = (successes + 1) / n;
    return new TestBasis(p, Math.sqrt(p * (1 - p) / n));
  }

  /**
   * Returns the proportion of both samples together: successes and trials added.
   *
   * @param other another proportion
   * @return the merged proportion
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public Proportion merge(Proportion other) {
    Objects.requireNonNull(other, "other");
    return of(
        Checks.addCounts("successes", successes, other.successes),
        Checks.addCounts("trials", trials, other.trials));
  }

  private long nonEmptyTrials() {
    if (trials == 0) {
      throw new IllegalStateException("a proportion is undefined with no trials");
    }
    return trials;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Proportion other && successes == other.successes && trials == other.trials;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(successes) * 31 + Long.hashCode(trials);
  }

  /** Returns e.g. {@code Proportion[3/4]}. */
  @Override
  public String toString() {
    return "Proportion[" + successes + "/" + trials + "]";
  }
}
