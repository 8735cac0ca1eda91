package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;

/**
 * Interval formulas for a net score {@code p - d} of two multinomial proportions, shared by {@link
 * Nps} and {@link WeightedNps}; results in NPS points (times 100), clipped to [-100, 100].
 */
final class NpsIntervals {
  /** Rocks (2016): pseudo-answers added to the promoters and to the detractors. */
  static final double PSEUDO_COUNT = 0.75;

  /** Rocks (2016): pseudo-answers added in all ({@code 3/4 + 3/2 + 3/4}). */
  static final double PSEUDO_TOTAL = 3;

  private NpsIntervals() {}

  static double z(double level) {
    return Critical.z(level);
  }

  /** {@code sqrt((p + d - (p - d)^2) / n)}, on the -1..1 scale; never NaN for p, d in [0, 1]. */
  static double standardError(double p, double d, double n) {
    double net = p - d;
    return Math.sqrt(Math.max(0, p + d - net * net) / n);
  }

  /** {@code score ± 100 z SE}, centred on the score in points so that it always contains it. */
  static Interval wald(double score, double p, double d, double n, double level) {
    double half = 100 * z(level) * standardError(p, d, n);
    return new Interval(
        Math.max(-100, score - half), Math.min(100, score + half), level, Unit.NPS_POINTS);
  }

  static Interval adjustedWald(double promoters, double detractors, double n, double level) {
    double adjustedN = n + PSEUDO_TOTAL;
    double p = (promoters + PSEUDO_COUNT) / adjustedN;
    double d = (detractors + PSEUDO_COUNT) / adjustedN;
    double half = z(level) * standardError(p, d, adjustedN);
    return clipped(p - d, half, level);
  }

  /**
   * The adjusted-Wald test basis of Lewis and Sauro (2021), in NPS points: the adjusted score
   * {@code 100 (p~ - d~)} and its standard error {@code 100 sqrt((p~ + d~ - (p~ - d~)^2) / n~)},
   * with the pseudo-counts of {@link #adjustedWald}; the standard error is never 0.
   */
  static TestBasis testBasis(double promoters, double detractors, double n) {
    double adjustedN = n + PSEUDO_TOTAL;
    double p = (promoters + PSEUDO_COUNT) / adjustedN;
    double d = (detractors + PSEUDO_COUNT) / adjustedN;
    return new TestBasis(100 * (p - d), 100 * standardError(p, d, adjustedN));
  }

  private static Interval clipped(double centre, double half, double level) {
    double lower = Math.max(-100, 100 * (centre - half));
    double upper = Math.min(100, 100 * (centre + half));
    return new Interval(lower, upper, level, Unit.NPS_POINTS);
  }
}
