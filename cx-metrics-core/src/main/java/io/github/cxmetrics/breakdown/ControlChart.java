package io.github.cxmetrics.breakdown;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.MultipleComparisons;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A control chart of a metric over periods: for each period its score, the plotted statistic, the
 * centre line and control limits from the metric's own standard error at that period's sample size,
 * and whether the period signals (the statistic outside its limits).
 *
 * <p>Definitions, with a baseline estimate {@code B} (by default all periods merged: Shewhart's
 * phase I), centre {@code mu = B.score()}, the standard deviation of one response {@code sigma =
 * SE(B) sqrt(n_B)}, and for period {@code i} with score {@code x_i} and {@code n_i} responses the
 * standard error {@code s_i = sigma / sqrt(n_i)} (varying sample sizes give varying limits):
 *
 * <ul>
 *   <li>Shewhart ({@link #shewhart}): the statistic is {@code x_i}, the limits {@code mu +- L s_i};
 *       on proportions with {@code L = 3} this is the p-chart with variable sample size (D. C.
 *       Montgomery, Introduction to Statistical Quality Control, 6th ed., Wiley 2009, section 7.2);
 *   <li>EWMA ({@link #ewma}): the statistic is {@code z_i = lambda x_i + (1 - lambda) z_(i-1)},
 *       {@code z_0 = mu}, its variance {@code V_i = (1 - lambda)^2 V_(i-1) + lambda^2 s_i^2} with
 *       {@code V_0 = 0} ({@link Limits#EXACT}; for equal {@code s_i} this is Montgomery's {@code
 *       lambda / (2 - lambda) (1 - (1 - lambda)^(2i)) s^2}, section 9.2), or {@code lambda / (2 -
 *       lambda) s_i^2} ({@link Limits#STEADY_STATE}, the limits of J. M. Lucas and M. S. Saccucci,
 *       "Exponentially Weighted Moving Average Control Schemes", Technometrics 32(1), 1-12, 1990);
 *       the limits {@code mu +- L sqrt(V_i)}.
 * </ul>
 *
 * <p>The limits are not clipped to the score's range (a p-chart's negative lower limit is simply
 * never crossed). A period's standard error follows from its response count; for a weighted metric
 * this takes its design effect to be the baseline's.
 */
public final class ControlChart {
  private final double centre;
  private final List<Point> points;

  private ControlChart(double centre, List<Point> points) {
    this.centre = centre;
    this.points = points;
  }

  /** How the EWMA limits grow with the periods. */
  public enum Limits {
    /** From the exact variance of the statistic: narrow at first, widening to the steady state. */
    EXACT,
    /** From the statistic's variance after many periods: constant for a constant sample size. */
    STEADY_STATE
  }

  /**
   * One period of a chart.
   *
   * @param period the first day of the period
   * @param score the period's score
   * @param count the period's responses
   * @param statistic the plotted statistic: the score (Shewhart) or the EWMA
   * @param standardError the statistic's standard error: {@code s_i} or {@code sqrt(V_i)}
   * @param centre the centre line
   * @param lower the lower control limit
   * @param upper the upper control limit
   * @param signal whether the statistic is outside the limits
   */
  public record Point(
      LocalDate period,
      double score,
      long count,
      double statistic,
      double standardError,
      double centre,
      double lower,
      double upper,
      boolean signal) {
    /**
     * {@return the statistic's distance from the centre in standard errors; 0 when both are 0, of
     * infinite magnitude when only the standard error is}
     */
    public double z() {
      double difference = statistic - centre;
      return standardError > 0
          ? difference / standardError
          : difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
    }
  }

  /**
   * A signal across segments: the latest period of one segment's chart, with its p-value (of the
   * statistic against the centre, two-sided normal) and Holm's adjustment across the segments.
   *
   * @param <K> the type of the segment keys
   * @param segment the segment
   * @param latest its chart's latest period
   * @param pValue the unadjusted p-value
   * @param adjustedPValue Holm's adjusted p-value across the segments
   * @param signal whether the adjusted p-value is below the significance level
   */
  public record SegmentSignal<K>(
      K segment, Point latest, double pValue, double adjustedPValue, boolean signal) {}

  /**
   * Returns the Shewhart chart of a trend, its baseline all its periods merged.
   *
   * @param <M> the metric
   * @param trend the trend, with at least one period
   * @param width the limits' width {@code L} in standard errors, finite and {@code > 0} (3 is the
   *     classic)
   * @return the chart
   * @throws NullPointerException if {@code trend} is null
   * @throws IllegalArgumentException if the trend has no period or {@code width} is not positive
   * @throws IllegalStateException if the merged baseline has no standard error
   */
  public static <M extends Estimate & Mergeable<M>> ControlChart shewhart(
      Trend<M> trend, double width) {
    List<PeriodValue<M>> periods = Objects.requireNonNull(trend, "trend").periods();
    return shewhart(periods, merged(periods), width);
  }

  /**
   * Returns the Shewhart chart of periods against a baseline (a reference period, or phase I's
   * in-control periods merged).
   *
   * @param <M> the metric
   * @param periods the periods in order, each with at least one response
   * @param baseline the baseline, with a standard error
   * @param width the limits' width in standard errors, finite and {@code > 0}
   * @return the chart; no points for no periods
   * @throws NullPointerException if an argument or a period is null
   * @throws IllegalArgumentException if {@code width} is not positive, or a period is empty (naming
   *     it)
   * @throws IllegalStateException if the baseline is empty or has no standard error
   */
  public static <M extends Estimate> ControlChart shewhart(
      List<PeriodValue<M>> periods, M baseline, double width) {
    return chart(periods, baseline, width, 1, Limits.EXACT);
  }

  /**
   * Returns the EWMA chart of a trend, its baseline all its periods merged.
   *
   * @param <M> the metric
   * @param trend the trend, with at least one period
   * @param lambda the smoothing constant, in (0, 1]
   * @param width the limits' width {@code L}, finite and {@code > 0}
   * @param limits exact or steady-state limits
   * @return the chart
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the trend has no period, or {@code lambda} or {@code width}
   *     is out of range
   * @throws IllegalStateException if the merged baseline has no standard error
   */
  public static <M extends Estimate & Mergeable<M>> ControlChart ewma(
      Trend<M> trend, double lambda, double width, Limits limits) {
    List<PeriodValue<M>> periods = Objects.requireNonNull(trend, "trend").periods();
    return ewma(periods, merged(periods), lambda, width, limits);
  }

  /**
   * Returns the EWMA chart of periods against a baseline.
   *
   * @param <M> the metric
   * @param periods the periods in order, each with at least one response
   * @param baseline the baseline, with a standard error
   * @param lambda the smoothing constant, in (0, 1] (1 is the Shewhart chart)
   * @param width the limits' width {@code L}, finite and {@code > 0}
   * @param limits exact or steady-state limits
   * @return the chart; no points for no periods
   * @throws NullPointerException if an argument or a period is null
   * @throws IllegalArgumentException if {@code lambda} or {@code width} is out of range, or a
   *     period is empty (naming it)
   * @throws IllegalStateException if the baseline is empty or has no standard error
   */
  public static <M extends Estimate> ControlChart ewma(
      List<PeriodValue<M>> periods, M baseline, double lambda, double width, Limits limits) {
    if (!(lambda > 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda (" + lambda + ") must be in (0, 1]");
    }
    return chart(periods, baseline, width, lambda, Objects.requireNonNull(limits, "limits"));
  }

  private static <M extends Estimate & Mergeable<M>> M merged(List<PeriodValue<M>> periods) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("the trend has no period to chart");
    }
    M all = periods.get(0).value();
    for (int i = 1; i < periods.size(); i++) {
      all = all.merge(periods.get(i).value());
    }
    return all;
  }

  private static <M extends Estimate> ControlChart chart(
      List<PeriodValue<M>> periods, M baseline, double width, double lambda, Limits limits) {
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(baseline, "baseline");
    Checks.checkAbove("width", width, 0);
    if (baseline.isEmpty()) {
      throw new IllegalStateException("the baseline is empty");
    }
    double mu = baseline.score();
    double sigma = baseline.standardError() * Math.sqrt(baseline.count());
    Ewma ewma = new Ewma(mu, lambda, limits == Limits.STEADY_STATE);
    List<Point> points = new ArrayList<>(periods.size());
    for (PeriodValue<M> period : periods) {
      Objects.requireNonNull(period, "period");
      M value = period.value();
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "the period from " + period.start() + " has no response to chart");
      }
      double se = sigma / Math.sqrt(value.count());
      double x = value.score();
      double statistic = ewma.next(x, se);
      double half = width * ewma.standardDeviation();
      points.add(
          new Point(
              period.start(),
              x,
              value.count(),
              statistic,
              ewma.standardDeviation(),
              mu,
              mu - half,
              mu + half,
              statistic < mu - half || statistic > mu + half));
    }
    return new ControlChart(mu, Collections.unmodifiableList(points));
  }

  /** The EWMA recursion and its variance; with lambda 1, the Shewhart chart. */
  static final class Ewma {
    private final double lambda;
    private final boolean steadyState;
    private double statistic;
    private double variance;

    Ewma(double start, double lambda, boolean steadyState) {
      this.statistic = start;
      this.lambda = lambda;
      this.steadyState = steadyState;
    }

    /** Adds a period's score and standard error; returns the statistic. */
    double next(double x, double se) {
      statistic = lambda * x + (1 - lambda) * statistic;
      double keep = (1 - lambda) * (1 - lambda);
      variance =
          steadyState
              ? lambda / (2 - lambda) * se * se
              : keep * variance + lambda * lambda * se * se;
      return statistic;
    }

    /** {@return the statistic's standard deviation after the last period} */
    double standardDeviation() {
      return Math.sqrt(variance);
    }
  }

  /** {@return the centre line: the baseline's score} */
  public double centre() {
    return centre;
  }

  /** {@return every period, in order} */
  public List<Point> points() {
    return points;
  }

  /** {@return the periods that signal, in order} */
  public List<Point> signals() {
    return points.stream().filter(Point::signal).toList();
  }

  /**
   * Tests the latest period of each segment's chart against its centre and adjusts the p-values for
   * the number of segments with Holm's method ({@link MultipleComparisons#holm}), as the
   * breakdown's tests are: with many segments, some would cross 3-sigma limits by chance.
   *
   * @param <K> the type of the segment keys
   * @param charts each segment's chart, with at least one period; any map order
   * @param level the confidence level, in (0, 1): a signal is an adjusted p-value below {@code 1 -
   *     level}
   * @return one signal per segment, in the map's order
   * @throws NullPointerException if an argument or a chart is null
   * @throws IllegalArgumentException if a chart has no period, or {@code level} is out of range
   */
  public static <K> List<SegmentSignal<K>> latestAcrossSegments(
      Map<K, ControlChart> charts, double level) {
    Objects.requireNonNull(charts, "charts");
    Checks.checkLevel(level);
    List<K> keys = new ArrayList<>(charts.keySet());
    double[] p = new double[keys.size()];
    List<Point> latest = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      ControlChart chart = Objects.requireNonNull(charts.get(keys.get(i)), "chart");
      if (chart.points.isEmpty()) {
        throw new IllegalArgumentException("the chart of " + keys.get(i) + " has no period");
      }
      Point last = chart.points.get(chart.points.size() - 1);
      latest.add(last);
      p[i] = Critical.twoSidedNormalP(last.z());
    }
    double[] adjusted = MultipleComparisons.holm(p);
    List<SegmentSignal<K>> signals = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      signals.add(
          new SegmentSignal<>(
              keys.get(i), latest.get(i), p[i], adjusted[i], adjusted[i] < 1 - level));
    }
    return Collections.unmodifiableList(signals);
  }

  @Override
  public String toString() {
    return "ControlChart[centre "
        + centre
        + ", "
        + points.size()
        + " periods, "
        + signals().size()
        + " signals]";
  }
}
