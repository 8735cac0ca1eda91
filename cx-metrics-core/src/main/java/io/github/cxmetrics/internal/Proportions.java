package io.github.cxmetrics.internal;

import io.github.cxmetrics.stats.Interval;

/** The Wilson score interval for a binomial proportion, shared by every share-like metric. */
public final class Proportions {
  private Proportions() {}

  /**
   * Returns the Wilson (1927) score interval for {@code successes} out of {@code trials}, on the
   * 0..1 scale: with {@code p = successes / trials} and {@code z} the two-sided normal critical
   * value, centre {@code (p + z^2 / 2n) / (1 + z^2 / n)} and half-width {@code z / (1 + z^2 / n) *
   * sqrt(p (1 - p) / n + z^2 / 4n^2)}; the bound at a boundary proportion is exactly 0 or 1.
   *
   * @param successes a count in {@code [0, trials]}
   * @param trials a count {@code > 0}
   * @param level the confidence level, in (0, 1)
   * @return the interval, within [0, 1]
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static Interval wilson(long successes, long trials, double level) {
    double n = trials;
    double z = Critical.z(level);
    double p = successes / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
    // at p = 0 (p = 1) the lower (upper) bound is exactly 0 (1): centre = half there, which
    // rounding would blur
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new Interval(lower, upper, level);
  }

  /**
   * Returns the standard error {@code sqrt(p (1 - p) / n)} of a proportion, on the 0..1 scale.
   *
   * @param successes a count in {@code [0, trials]}
   * @param trials a count {@code > 0}
   * @return the standard error, 0 at p = 0 or 1
   */
  public static double standardError(long successes, long trials) {
    double p = (double) successes / trials;
    return Math.sqrt(p * (1 - p) / trials);
  }
}
