package io.github.cxmetrics.charts;

import io.github.cxmetrics.breakdown.Breakdown;
import io.github.cxmetrics.breakdown.ControlChart;
import io.github.cxmetrics.breakdown.PeriodValue;
import io.github.cxmetrics.breakdown.Trend;
import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.drivers.DriverImportance;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.retention.Cohort;
import io.github.cxmetrics.retention.CohortTable;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.value.ConditionalExpectation;
import io.github.cxmetrics.value.FrequencyBin;
import io.github.cxmetrics.value.FrequencyTable;
import io.github.cxmetrics.value.ProjectedSurvivors;
import io.github.cxmetrics.value.TrackingPeriod;
import io.github.cxmetrics.value.TransactionModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The standard charts of customer-experience and customer-value analysis, drawn from the library's
 * own values with XChart. Each method returns the XChart chart, styled (titles, axis titles with
 * units, legend below the plot, the Okabe-Ito colour-blind-safe palette, numbers rounded for
 * reading) and sized {@value #WIDTH} x {@value #HEIGHT} pixels, a slide's proportions (the cohort
 * heatmap grows taller with its cohorts); restyle it through its styler and series, and write it
 * with {@link #save}. XChart fixes a chart's size when it is made: for a report, SVG scales without
 * loss, and XChart's {@code BitmapEncoder.saveBitmapWithDPI} writes a PNG of the same layout at a
 * higher resolution.
 *
 * <p>Every method fails with {@link NullPointerException} naming a null argument, and with {@link
 * IllegalArgumentException} when there is nothing to draw (no period, no group, no customer),
 * naming what is missing: an empty value never becomes an empty picture. A part of a value that has
 * no finite number to draw (a period too small for an interval, a group without responses) is left
 * out of the drawing, and the legend entry of its series says how many were left out.
 *
 * <p>Rendering needs no display: set {@code java.awt.headless=true} on a server.
 */
public final class CxCharts {
  /** The default width of a chart, in pixels. */
  public static final int WIDTH = 1200;

  /** The default height of a chart, in pixels. */
  public static final int HEIGHT = 700;

  private CxCharts() {}

  // ---------------------------------------------------------------------------------------------
  // Survey scores

  /**
   * Draws a metric by period: the score as a line with a point per period and its confidence
   * interval at {@code level} (the estimate's own default interval, e.g. adjusted Wald for NPS) as
   * a shaded band. The y-axis is titled with the estimate's unit ({@code Estimate.unit()}, e.g.
   * "NPS points"), the x-axis with the period unit; a period with no score (no responses, or
   * weights all 0) or no finite interval (too few responses) is left out of the line or the band,
   * and the legend says how many. The band breaks where a period is left out or has no records; the
   * line joins the periods it has.
   *
   * @param title the chart's title, not blank
   * @param trend the metric by period, with at least one period
   * @param level the confidence level of the band, in (0, 1)
   * @return the chart; series "score" and "{level} interval" (a polygon per run of consecutive
   *     periods with an interval, the first in the legend)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title is blank, {@code level} is outside (0, 1), the
   *     trend has no period, or no period has a score
   */
  public static XYChart trend(String title, Trend<? extends Estimate> trend, double level) {
    checkTitle(title);
    Objects.requireNonNull(trend, "trend");
    checkLevel(level);
    List<? extends PeriodValue<? extends Estimate>> periods = trend.periods();
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("the trend has no period: there is nothing to draw");
    }
    LocalDate first = periods.get(0).start();
    PeriodUnit periodUnit = trend.unit();
    List<Double> days = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    List<Double> intervalDays = new ArrayList<>();
    List<Interval> intervals = new ArrayList<>();
    List<Boolean> runStarts = new ArrayList<>();
    int withoutScore = 0;
    int withoutInterval = 0;
    String unit = null;
    for (PeriodValue<? extends Estimate> period : periods) {
      Estimate estimate = period.value();
      Double score = scoreOrNull(estimate);
      if (score == null) {
        withoutScore++;
        continue;
      }
      unit = estimate.unit().name();
      double day = periodIndex(first, period.start(), periodUnit);
      days.add(day);
      scores.add(score);
      Interval interval = intervalOrNull(estimate, level);
      if (interval == null) {
        withoutInterval++;
        continue;
      }
      // a band runs over consecutive calendar periods with an interval: a period without one,
      // without a score or without records breaks it
      runStarts.add(intervalDays.isEmpty() || day - intervalDays.get(intervalDays.size() - 1) > 1);
      intervalDays.add(day);
      intervals.add(interval);
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException(
          "no period of the trend has a score (" + periods.size() + " periods, all empty)");
    }
    XYChart chart = xyChart(title, periodAxisTitle(trend.unit()), Look.capitalized(unit));
    periodAxis(chart, first, periodUnit);
    String bandName =
        Look.level(level)
            + " interval"
            + (withoutInterval > 0 ? " (none for " + periodsText(withoutInterval) + ")" : "");
    addBands(chart, bandName, intervalDays, intervals, runStarts);
    XYSeries line =
        chart.addSeries(
            "score" + (withoutScore > 0 ? " (none for " + periodsText(withoutScore) + ")" : ""),
            days,
            scores);
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    line.setLineColor(Look.BLUE);
    line.setMarkerColor(Look.BLUE);
    line.setMarker(SeriesMarkers.CIRCLE);
    line.setLineStyle(Look.SOLID);
    return chart;
  }

  /**
   * Draws a metric by period as {@link #trend(String, Trend, double)} does, with a control chart
   * over it: its centre line, its lower and upper control limits, the plotted statistic when it is
   * not the score (an EWMA), and its signals marked.
   *
   * @param title the chart's title, not blank
   * @param trend the metric by period, with at least one period
   * @param level the confidence level of the band, in (0, 1)
   * @param control a control chart of the same periods ({@code ControlChart.shewhart} or {@code
   *     ewma} of the trend)
   * @return the chart; series "score", the band, "centre", "control limits", "EWMA" (for an EWMA
   *     chart) and "signal" (when there is one)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #trend(String, Trend, double)}, or if the control
   *     chart has a period the trend does not, naming it
   */
  public static XYChart trend(
      String title, Trend<? extends Estimate> trend, double level, ControlChart control) {
    Objects.requireNonNull(control, "control");
    XYChart chart = trend(title, trend, level);
    List<LocalDate> starts = new ArrayList<>();
    for (PeriodValue<? extends Estimate> period : trend.periods()) {
      starts.add(period.start());
    }
    LocalDate first = starts.get(0);
    List<Double> days = new ArrayList<>();
    List<Double> centre = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    List<Double> statistic = new ArrayList<>();
    List<Double> signalDays = new ArrayList<>();
    List<Double> signals = new ArrayList<>();
    boolean smoothed = false;
    for (ControlChart.Point point : control.points()) {
      if (!starts.contains(point.period())) {
        throw new IllegalArgumentException(
            "the control chart has the period " + point.period() + ", which the trend has not");
      }
      double day = periodIndex(first, point.period(), trend.unit());
      days.add(day);
      centre.add(point.centre());
      lower.add(point.lower());
      upper.add(point.upper());
      statistic.add(point.statistic());
      smoothed |= point.statistic() != point.score();
      if (point.signal()) {
        signalDays.add(day);
        signals.add(point.statistic());
      }
    }
    if (days.isEmpty()) {
      return chart;
    }
    XYSeries centreLine = chart.addSeries("centre", days, centre);
    style(centreLine, Look.BLACK, Look.DASHED);
    XYSeries lowerLine = chart.addSeries("control limits", days, lower);
    style(lowerLine, Look.VERMILLION, Look.DASHED);
    XYSeries upperLine = chart.addSeries("upper control limit", days, upper);
    style(upperLine, Look.VERMILLION, Look.DASHED);
    upperLine.setShowInLegend(false);
    if (smoothed) {
      XYSeries ewma = chart.addSeries("EWMA", days, statistic);
      style(ewma, Look.ORANGE, Look.SOLID);
    }
    if (!signalDays.isEmpty()) {
      points(
          chart.addSeries("signal", signalDays, signals), SeriesMarkers.DIAMOND, Look.VERMILLION);
    }
    return chart;
  }

  /**
   * Draws a metric by segment or channel as ranked bars, highest score first, each with a whisker
   * from the lower to the upper bound of its confidence interval at {@code level}, and the overall
   * score as a dashed line across. Groups with no score or no finite interval are left out of the
   * bars or the whiskers, and the legend names them.
   *
   * @param <K> the type of the group keys, drawn with {@code String.valueOf}
   * @param title the chart's title, not blank
   * @param breakdown the metric by group, with at least one group that has a score
   * @param level the confidence level of the whiskers, in (0, 1)
   * @return the chart; series "score", "{level} interval" (drawn at the interval's midpoint with
   *     its half-width as error bars, so that asymmetric intervals are drawn exactly) and "overall"
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title is blank, {@code level} is outside (0, 1), or no
   *     group has a score
   */
  public static <K> CategoryChart breakdown(
      String title, Breakdown<K, ? extends Estimate> breakdown, double level) {
    checkTitle(title);
    Objects.requireNonNull(breakdown, "breakdown");
    checkLevel(level);
    record Bar(String label, double score, Interval interval) {}
    List<Bar> bars = new ArrayList<>();
    List<String> withoutScore = new ArrayList<>();
    List<String> withoutInterval = new ArrayList<>();
    String unit = null;
    for (Map.Entry<K, ? extends Estimate> group : breakdown.groups().entrySet()) {
      String label = String.valueOf(group.getKey());
      Double score = scoreOrNull(group.getValue());
      if (score == null) {
        withoutScore.add(label);
        continue;
      }
      unit = group.getValue().unit().name();
      Interval interval = intervalOrNull(group.getValue(), level);
      if (interval == null) {
        withoutInterval.add(label);
      }
      bars.add(new Bar(label, score, interval));
    }
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(
          breakdown.groups().isEmpty()
              ? "the breakdown has no group: there is nothing to draw"
              : "no group of the breakdown has a score: " + withoutScore);
    }
    bars.sort(Comparator.comparingDouble(Bar::score).reversed().thenComparing(Bar::label));
    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    List<Double> midpoints = new ArrayList<>();
    List<Double> halfWidths = new ArrayList<>();
    for (Bar bar : bars) {
      labels.add(bar.label());
      scores.add(bar.score());
      Interval interval = bar.interval();
      midpoints.add(interval == null ? bar.score() : (interval.lower() + interval.upper()) / 2);
      halfWidths.add(interval == null ? 0 : (interval.upper() - interval.lower()) / 2);
    }
    CategoryChart chart = categoryChart(title, "Group, ranked by score", Look.capitalized(unit));
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setErrorBarsColor(Look.BLACK);
    chart.getStyler().setAvailableSpaceFill(0.6);
    CategorySeries bar =
        chart.addSeries(
            "score" + (withoutScore.isEmpty() ? "" : " (no score: " + join(withoutScore) + ")"),
            labels,
            scores);
    bar.setFillColor(Look.SKY_BLUE);
    CategorySeries whiskers =
        chart.addSeries(
            Look.level(level)
                + " interval (whiskers)"
                + (withoutInterval.isEmpty() ? "" : "; none for " + join(withoutInterval)),
            labels,
            midpoints,
            halfWidths);
    whiskers.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
    whiskers.setMarker(SeriesMarkers.NONE);
    whiskers.setMarkerColor(Look.BLACK);
    Double overall = scoreOrNull(breakdown.overall());
    if (overall != null) {
      CategorySeries line =
          chart.addSeries(
              "overall " + Look.number(overall, 1),
              labels,
              Collections.nCopies(labels.size(), overall));
      line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(Look.BLACK);
      line.setLineStyle(Look.DASHED);
    }
    return chart;
  }

  // ---------------------------------------------------------------------------------------------
  // Journey and retention

  /**
   * Draws a funnel: one bar per stage, the customers who reached it, with the customers lost since
   * the stage before stacked on top (so each bar is as tall as the stage before), and each stage's
   * step conversion ({@code Funnel.stepConversion}) in its label.
   *
   * @param <S> the type of the stages, drawn with {@code String.valueOf}
   * @param title the chart's title, not blank
   * @param funnel the funnel, with at least one customer at its first stage
   * @return the chart; series "reached" and "lost at this step", stacked
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title is blank or no customer reached the first stage
   */
  public static <S> CategoryChart funnel(String title, Funnel<S> funnel) {
    checkTitle(title);
    Objects.requireNonNull(funnel, "funnel");
    List<S> stages = funnel.stages();
    if (funnel.reached(stages.get(0)) == 0) {
      throw new IllegalArgumentException(
          "no customer reached the first stage (" + stages.get(0) + "): there is nothing to draw");
    }
    List<String> labels = new ArrayList<>();
    List<Long> reached = new ArrayList<>();
    List<Long> lost = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      long here = funnel.reached(stages.get(i));
      reached.add(here);
      if (i == 0) {
        labels.add(String.valueOf(stages.get(0)));
        lost.add(0L);
      } else {
        long before = funnel.reached(stages.get(i - 1));
        lost.add(before - here);
        String conversion = before == 0 ? "n/a" : Look.percent(funnel.stepConversion(i - 1));
        labels.add(stages.get(i) + ": " + conversion);
      }
    }
    CategoryChart chart =
        categoryChart(
            title,
            "Stage: conversion from the stage before (overall "
                + Look.percent(funnel.overallConversion())
                + ")",
            "Customers");
    chart.getStyler().setStacked(true);
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    CategorySeries reachedBars = chart.addSeries("reached", labels, reached);
    reachedBars.setFillColor(Look.BLUE);
    CategorySeries lostBars = chart.addSeries("lost at this step", labels, lost);
    lostBars.setFillColor(Look.ORANGE);
    return chart;
  }

  /**
   * Draws a cohort retention table as a heatmap: a row per cohort (oldest at the top), a column per
   * period since the cohort's first, each cell the cohort's retention rate in percent ({@code
   * Cohort.retentionRate}, written in the cell), and a last row "average", the size-weighted
   * average curve ({@code CohortTable.averageCurve}). Cells a cohort was not observed for are
   * blank.
   *
   * @param title the chart's title, not blank
   * @param table the table, with at least one cohort
   * @return the chart; one heatmap series "retention (%)"
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title is blank or the table has no cohort
   */
  public static HeatMapChart cohortRetention(String title, CohortTable table) {
    checkTitle(title);
    Objects.requireNonNull(table, "table");
    List<Cohort> cohorts = table.cohorts();
    if (cohorts.isEmpty()) {
      throw new IllegalArgumentException(
          "the cohort table has no cohort: there is nothing to draw");
    }
    double[] average = table.averageCurve();
    List<String> columns = new ArrayList<>();
    for (int k = 0; k < average.length; k++) {
      columns.add(Integer.toString(k));
    }
    // the y axis runs upwards: the average row first (at the bottom), then the newest cohort
    List<String> rows = new ArrayList<>();
    List<Number[]> cells = new ArrayList<>();
    rows.add("average");
    for (int k = 0; k < average.length; k++) {
      cells.add(new Number[] {k, 0, round1(100 * average[k])});
    }
    for (int c = cohorts.size() - 1; c >= 0; c--) {
      Cohort cohort = cohorts.get(c);
      int row = rows.size();
      rows.add(periodLabel(cohort.start(), table.unit()) + " (" + cohort.size() + ")");
      for (int k = 0; k < cohort.periodsObserved(); k++) {
        cells.add(new Number[] {k, row, round1(100 * cohort.retentionRate(k))});
      }
    }
    HeatMapChart chart =
        heatMapChart(
            title,
            Look.capitalized(unitName(table.unit()))
                + "s since the cohort's first (cells: % of the cohort active)",
            "Cohort (customers)",
            Math.max(HEIGHT, 120 + 34 * rows.size()));
    chart.getStyler().setShowValue(true);
    chart.getStyler().setHeatMapValueDecimalPattern("0");
    chart
        .getStyler()
        .setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
    chart.getStyler().setMax(100);
    chart.addSeries("retention (%)", columns, rows, cells);
    return chart;
  }

  // ---------------------------------------------------------------------------------------------
  // Purchase models

  /**
   * Draws the repeat-purchase histogram of a fit's calibration period, observed against expected
   * (Fader, Hardie and Lee 2005, Figure 2), with the chi-square test in the legend when there are
   * degrees of freedom for it.
   *
   * @param title the chart's title, not blank
   * @param table the table of {@code FitDiagnostics.frequencies}
   * @return the chart; series "observed" and "expected" (with the test's statistic and p-value)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title is blank
   */
  public static CategoryChart frequencies(String title, FrequencyTable table) {
    checkTitle(title);
    Objects.requireNonNull(table, "table");
    List<String> labels = new ArrayList<>();
    List<Long> observed = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    for (FrequencyBin bin : table.bins()) {
      labels.add(bin.label());
      observed.add(bin.observed());
      expected.add(bin.expected());
    }
    CategoryChart chart =
        categoryChart(title, "Repeat purchases in the calibration period", "Customers");
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setAvailableSpaceFill(0.7);
    String test =
        table.degreesOfFreedom() < 1
            ? " (too few bins for a chi-square test)"
            : " (chi-square "
                + Look.number(table.chiSquare(), 2)
                + ", "
                + table.degreesOfFreedom()
                + " df, p = "
                + Look.number(table.pValue(), 3)
                + ")";
    chart.addSeries("observed", labels, observed).setFillColor(Look.BLUE);
    chart.addSeries("expected" + test, labels, expected).setFillColor(Look.ORANGE);
    return chart;
  }

  /**
   * Draws the tracking of a fit: repeat purchases per period observed and expected (Fader, Hardie
   * and Lee 2005, Figure 3), or their running totals (Figure 5), with a vertical line where the
   * holdout begins.
   *
   * @param title the chart's title, not blank
   * @param periods the periods of {@code FitDiagnostics.tracking}, at least one
   * @param cumulative whether to draw the running totals
   * @return the chart; series "actual" and "expected"
   * @throws NullPointerException if an argument or a period is null
   * @throws IllegalArgumentException if the title is blank or there is no period
   */
  public static XYChart tracking(String title, List<TrackingPeriod> periods, boolean cumulative) {
    checkTitle(title);
    Objects.requireNonNull(periods, "periods");
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("there is no tracking period: there is nothing to draw");
    }
    List<Date> days = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    LocalDate holdoutStart = null;
    for (TrackingPeriod period : periods) {
      Objects.requireNonNull(period, "a tracking period");
      days.add(date(period.start()));
      actual.add((double) (cumulative ? period.cumulativeActual() : period.actual()));
      expected.add(cumulative ? period.cumulativeExpected() : period.expected());
      if (period.holdout() && holdoutStart == null) {
        holdoutStart = period.start();
      }
    }
    TrackingPeriod first = periods.get(0);
    long days0 = ChronoUnit.DAYS.between(first.start(), first.end()) + 1;
    String per = days0 == 7 ? "week" : days0 == 1 ? "day" : days0 + " days";
    XYChart chart =
        xyChart(
            title,
            "Period starting (a period is " + (days0 == 7 || days0 == 1 ? "a " : "") + per + ")",
            cumulative ? "Repeat purchases, running total" : "Repeat purchases per " + per);
    chart.getStyler().setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    chart.getStyler().setDatePattern("yyyy-MM-dd");
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    style(chart.addSeries("actual", days, actual), Look.BLUE, Look.SOLID);
    style(chart.addSeries("expected", days, expected), Look.ORANGE, Look.DASHED);
    if (holdoutStart != null) {
      double x = date(holdoutStart).getTime();
      chart.addAnnotation(new AnnotationLine(x, true, false));
      double top = Math.max(Collections.max(actual), Collections.max(expected));
      chart.addAnnotation(new AnnotationText("holdout from here", x, top, false));
      chart.getStyler().setAnnotationLineColor(Look.GREY);
      chart.getStyler().setAnnotationLineStroke(Look.DASHED);
    }
    return chart;
  }

  /**
   * Draws the conditional expectations of a fit: by calibration frequency, the customers' mean
   * number of holdout purchases against the mean the model predicted for them (Fader, Hardie and
   * Lee 2005, Figure 4). Rows without customers are left out, and the legend says how many.
   *
   * @param title the chart's title, not blank
   * @param rows the rows of {@code FitDiagnostics.conditionalExpectations}
   * @return the chart; series "actual" and "expected"
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the title is blank or no row has a customer
   */
  public static CategoryChart conditionalExpectations(
      String title, List<ConditionalExpectation> rows) {
    checkTitle(title);
    Objects.requireNonNull(rows, "rows");
    List<String> labels = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    int empty = 0;
    for (ConditionalExpectation row : rows) {
      Objects.requireNonNull(row, "a row");
      if (row.customers() == 0) {
        empty++;
        continue;
      }
      labels.add(
          row.to() == Integer.MAX_VALUE
              ? row.from() + "+"
              : row.from() == row.to()
                  ? Integer.toString(row.from())
                  : row.from() + "-" + row.to());
      actual.add(row.actual());
      expected.add(row.expected());
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException(
          "no row has a customer (" + rows.size() + " rows): there is nothing to draw");
    }
    CategoryChart chart =
        categoryChart(
            title,
            "Repeat purchases in the calibration period",
            "Mean purchases per customer in the holdout period");
    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    String note = empty > 0 ? " (" + empty + (empty == 1 ? " row" : " rows") + " empty)" : "";
    CategorySeries a = chart.addSeries("actual" + note, labels, actual);
    a.setLineColor(Look.BLUE);
    a.setMarkerColor(Look.BLUE);
    a.setLineStyle(Look.SOLID);
    CategorySeries e = chart.addSeries("expected", labels, expected);
    e.setLineColor(Look.ORANGE);
    e.setMarkerColor(Look.ORANGE);
    e.setLineStyle(Look.DASHED);
    return chart;
  }

  /**
   * Draws the probability that a customer is alive as a heatmap over frequency (rows) and recency
   * (columns), for customers of age {@code age} ({@code TransactionModel.probabilityAlive}, the
   * matrix of the {@code lifetimes} package): recencies {@code 0, 1, ..., floor(age)} in the
   * model's time unit. A customer with no repeat purchase has recency 0 and one with repeat
   * purchases a recency of at least 1 unit here, so the other cells are blank.
   *
   * @param title the chart's title, not blank
   * @param model the model
   * @param maxFrequency the largest frequency drawn, {@code >= 1}
   * @param age the customers' age {@code T}, finite and {@code >= 1}
   * @param unit the model's time unit, for the axis title (e.g. "week")
   * @return the chart; one heatmap series "P(alive)", values in [0, 1]
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title or unit is blank, {@code maxFrequency} is below 1
   *     or {@code age} is not finite or below 1
   */
  public static HeatMapChart probabilityAlive(
      String title, TransactionModel model, int maxFrequency, double age, String unit) {
    Objects.requireNonNull(model, "model");
    return frequencyRecencyMatrix(
        title,
        maxFrequency,
        age,
        unit,
        "P(alive)",
        1.0,
        (x, recency) -> model.probabilityAlive(x, recency, age));
  }

  /**
   * Draws the purchases a customer is expected to make in the next {@code horizon} units as a
   * heatmap over frequency (rows) and recency (columns), for customers of age {@code age} ({@code
   * TransactionModel.conditionalExpectedPurchases}, the frequency/recency matrix of the {@code
   * lifetimes} package); cells as in {@link #probabilityAlive}. The colour scale runs from 0 to the
   * largest expectation drawn, rounded up to a multiple of half its power of ten.
   *
   * @param title the chart's title, not blank
   * @param model the model
   * @param horizon the length of the future period, finite and {@code > 0}, in the model's unit
   * @param maxFrequency the largest frequency drawn, {@code >= 1}
   * @param age the customers' age {@code T}, finite and {@code >= 1}
   * @param unit the model's time unit, for the axis title (e.g. "week")
   * @return the chart; one heatmap series "expected purchases"
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title or unit is blank, {@code horizon} is not positive
   *     and finite, {@code maxFrequency} is below 1 or {@code age} is not finite or below 1
   */
  public static HeatMapChart expectedPurchases(
      String title,
      TransactionModel model,
      double horizon,
      int maxFrequency,
      double age,
      String unit) {
    Objects.requireNonNull(model, "model");
    if (!(horizon > 0) || Double.isInfinite(horizon)) {
      throw new IllegalArgumentException("horizon must be finite and positive; it is " + horizon);
    }
    return frequencyRecencyMatrix(
        title,
        maxFrequency,
        age,
        unit,
        "expected purchases in the next " + Look.number(horizon, 1) + " " + unit + "s",
        Double.NaN,
        (x, recency) -> model.conditionalExpectedPurchases(horizon, x, recency, age));
  }

  /**
   * {@code value > 0} rounded up to a multiple of half its power of ten (13.6 to 15, 3.38 to 3.5,
   * 0.42 to 0.45; 1 for 0), so that a scale ends on a round number near its largest value.
   */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double half = Math.pow(10, Math.floor(Math.log10(value))) / 2;
    return Math.ceil(value / half - 1e-9) * half;
  }

  /** A value of a customer of frequency {@code x} and recency {@code recency}. */
  private interface CustomerValue {
    double at(int x, double recency);
  }

  /**
   * The heatmap of a value over frequency and recency: x = 0 at recency 0 only, x >= 1 at recencies
   * 1 to floor(age); the scale from 0 to {@code max}, or to the largest value if NaN.
   */
  private static HeatMapChart frequencyRecencyMatrix(
      String title,
      int maxFrequency,
      double age,
      String unit,
      String series,
      double max,
      CustomerValue value) {
    checkTitle(title);
    Objects.requireNonNull(unit, "unit");
    if (unit.isBlank()) {
      throw new IllegalArgumentException("the unit is blank");
    }
    if (maxFrequency < 1) {
      throw new IllegalArgumentException("maxFrequency must be at least 1; it is " + maxFrequency);
    }
    if (!(age >= 1) || Double.isInfinite(age)) {
      throw new IllegalArgumentException("age must be finite and at least 1; it is " + age);
    }
    int recencies = (int) Math.floor(age);
    // categories as text: XChart spaces numeric categories by value and thins their labels
    List<String> columns = new ArrayList<>();
    for (int r = 0; r <= recencies; r++) {
      columns.add(Integer.toString(r));
    }
    List<String> rows = new ArrayList<>();
    for (int x = 0; x <= maxFrequency; x++) {
      rows.add(Integer.toString(x));
    }
    List<Number[]> cells = new ArrayList<>();
    double largest = value.at(0, 0);
    cells.add(new Number[] {0, 0, largest});
    for (int x = 1; x <= maxFrequency; x++) {
      for (int r = 1; r <= recencies; r++) {
        double v = value.at(x, r);
        largest = Math.max(largest, v);
        cells.add(new Number[] {r, x, v});
      }
    }
    HeatMapChart chart =
        heatMapChart(
            title,
            "Recency: " + unit + " of the last purchase (age " + Look.number(age, 1) + ")",
            "Frequency: repeat purchases",
            HEIGHT);
    chart.getStyler().setMax(Double.isNaN(max) ? niceCeiling(largest) : max);
    chart.getStyler().setShowValue(false);
    chart.getStyler().setDrawBorder(false);
    if (recencies > 20) {
      chart.getStyler().setXAxisLabelRotation(90); // upright labels would run together
    }
    chart.addSeries(series, columns, rows, cells);
    return chart;
  }

  /**
   * Draws a contractual model's projection of survivors against the observed ones ({@code
   * ContractualModel.project}; Fader and Hardie 2007, Figure 2): the expected survivors as a line
   * and the observed counts as points where there are some.
   *
   * @param title the chart's title, not blank
   * @param rows the rows of {@code project}, at least one
   * @param unit the name of a period, for the axis title (e.g. "year")
   * @return the chart; series "observed" and "model"
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the title or unit is blank or there is no row
   */
  public static XYChart survivors(String title, List<ProjectedSurvivors> rows, String unit) {
    checkTitle(title);
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(unit, "unit");
    if (unit.isBlank()) {
      throw new IllegalArgumentException("the unit is blank");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("there is no projected period: there is nothing to draw");
    }
    List<Integer> periods = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    List<Integer> observedPeriods = new ArrayList<>();
    List<Long> observed = new ArrayList<>();
    for (ProjectedSurvivors row : rows) {
      Objects.requireNonNull(row, "a row");
      periods.add(row.period());
      expected.add(row.expected());
      if (row.observed().isPresent()) {
        observedPeriods.add(row.period());
        observed.add(row.observed().getAsLong());
      }
    }
    XYChart chart =
        xyChart(title, Look.capitalized(unit) + "s since acquisition", "Customers still active");
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setXAxisDecimalPattern("0");
    XYSeries model = chart.addSeries("model", periods, expected);
    style(model, Look.ORANGE, Look.DASHED);
    if (!observed.isEmpty()) {
      points(
          chart.addSeries("observed", observedPeriods, observed), SeriesMarkers.CIRCLE, Look.BLUE);
    }
    return chart;
  }

  // ---------------------------------------------------------------------------------------------
  // Key drivers

  /**
   * Draws the importance-performance quadrant of a key-driver analysis ({@code
   * DriverImportance.quadrant}): each driver a point at its LMG importance (its share of R^2, a
   * fraction) and its mean rating, with a dashed line at the mean of each, which split the plane
   * into the four classic quadrants (act where importance is high and performance low, bottom
   * right).
   *
   * <p>The y-axis spans the rating scale, so that drivers rated alike look alike; the x-axis starts
   * at 0.
   *
   * @param title the chart's title, not blank
   * @param importance the importance of the drivers
   * @param lowestRating the lowest rating of the drivers' scale, finite
   * @param highestRating the highest, finite and above {@code lowestRating}
   * @return the chart; one series per driver, named after it
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the title is blank, the scale is empty or not finite, or a
   *     driver's mean rating is outside it (naming the driver)
   */
  public static XYChart driverQuadrant(
      String title, DriverImportance importance, double lowestRating, double highestRating) {
    checkTitle(title);
    Objects.requireNonNull(importance, "importance");
    if (!(Double.isFinite(lowestRating)
        && Double.isFinite(highestRating)
        && lowestRating < highestRating)) {
      throw new IllegalArgumentException(
          "the rating scale must be finite with lowest < highest; it is ["
              + lowestRating
              + ", "
              + highestRating
              + "]");
    }
    List<DriverImportance.Quadrant> points = importance.quadrant();
    XYChart chart =
        xyChart(
            title,
            "Importance: LMG, the driver's part of R^2 (R^2 = "
                + Look.number(importance.rSquared(), 3)
                + ")",
            "Performance: mean rating");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(14);
    chart.getStyler().setXAxisDecimalPattern("0.00");
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(lowestRating);
    chart.getStyler().setYAxisMax(highestRating);
    double importanceSum = 0;
    double ratingSum = 0;
    for (DriverImportance.Quadrant point : points) {
      if (point.meanRating() < lowestRating || point.meanRating() > highestRating) {
        throw new IllegalArgumentException(
            "the mean rating "
                + point.meanRating()
                + " of driver "
                + point.driver()
                + " is outside the scale ["
                + lowestRating
                + ", "
                + highestRating
                + "]");
      }
      importanceSum += point.importance();
      ratingSum += point.meanRating();
      chart.addSeries(
          point.driver(), new double[] {point.importance()}, new double[] {point.meanRating()});
    }
    chart.addAnnotation(new AnnotationLine(importanceSum / points.size(), true, false));
    chart.addAnnotation(new AnnotationLine(ratingSum / points.size(), false, false));
    chart.getStyler().setAnnotationLineColor(Look.GREY);
    chart.getStyler().setAnnotationLineStroke(Look.DASHED);
    return chart;
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /**
   * Writes a chart to a file at its size: PNG (pixels) or SVG (vector). XChart draws text as
   * outlines, so an SVG's words are shapes; the SVG written here therefore also carries them as
   * text for search and screen readers, in its {@code <title>} (the chart's title) and {@code
   * <desc>} (the axis titles, the series shown in the legend and the categories or heatmap rows and
   * columns). An existing file is replaced; the extension of {@code path} is not checked or added.
   *
   * @param chart the chart, from this class or any XChart chart
   * @param path the file
   * @param format the format
   * @throws NullPointerException if an argument is null
   * @throws IOException if the file cannot be written
   */
  public static void save(Chart<?, ?> chart, Path path, ChartFormat format) throws IOException {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    try (OutputStream out = Files.newOutputStream(path)) {
      write(chart, out, format);
    }
  }

  /**
   * Writes a chart to a stream at its size, as {@link #save} does; the stream is not closed.
   *
   * @param chart the chart
   * @param out the stream
   * @param format the format
   * @throws NullPointerException if an argument is null
   * @throws IOException if the stream cannot be written
   */
  public static void write(Chart<?, ?> chart, OutputStream out, ChartFormat format)
      throws IOException {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(format, "format");
    switch (format) {
      case PNG -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      case SVG -> {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(
            chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String text = svg.toString(StandardCharsets.UTF_8);
        int root = text.indexOf("<svg");
        int afterRoot = root < 0 ? -1 : text.indexOf('>', root) + 1;
        if (afterRoot <= 0) {
          throw new IOException("the SVG encoder wrote no <svg> element");
        }
        String described =
            text.substring(0, afterRoot)
                + "\n  <title>"
                + xml(chart.getTitle())
                + "</title>\n  <desc>"
                + xml(description(chart))
                + "</desc>"
                + text.substring(afterRoot);
        out.write(described.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** The words of a chart, for its SVG description. */
  static String description(Chart<?, ?> chart) {
    StringBuilder text = new StringBuilder();
    text.append("x axis: ").append(chart.getXAxisTitle());
    text.append("; y axis: ").append(chart.getYAxisTitle());
    List<String> shown = new ArrayList<>();
    for (Map.Entry<String, ? extends Series> series : chart.getSeriesMap().entrySet()) {
      if (series.getValue().isShowInLegend()) {
        shown.add(series.getKey());
      }
    }
    text.append("; series: ").append(String.join(", ", shown));
    if (chart instanceof CategoryChart category && !category.getSeriesMap().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Object x : category.getSeriesMap().values().iterator().next().getXData()) {
        names.add(String.valueOf(x));
      }
      text.append("; categories: ").append(String.join(", ", names));
    }
    if (chart instanceof HeatMapChart heat && heat.getHeatMapSeries() != null) {
      text.append("; columns: ").append(joined(heat.getHeatMapSeries().getXData()));
      text.append("; rows: ").append(joined(heat.getHeatMapSeries().getYData()));
    }
    return text.toString();
  }

  private static String joined(List<?> values) {
    List<String> names = new ArrayList<>();
    for (Object value : values) {
      names.add(String.valueOf(value));
    }
    return String.join(", ", names);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static XYChart xyChart(String title, String xAxis, String yAxis) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xAxis)
            .yAxisTitle(yAxis)
            .build();
    Look.apply(chart.getStyler());
    return chart;
  }

  private static CategoryChart categoryChart(String title, String xAxis, String yAxis) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xAxis)
            .yAxisTitle(yAxis)
            .build();
    Look.apply(chart.getStyler());
    return chart;
  }

  private static HeatMapChart heatMapChart(String title, String xAxis, String yAxis, int height) {
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(WIDTH)
            .height(height)
            .title(title)
            .xAxisTitle(xAxis)
            .yAxisTitle(yAxis)
            .build();
    Look.apply(chart.getStyler());
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setRangeColors(Look.SEQUENTIAL);
    chart.getStyler().setMin(0);
    return chart;
  }

  private static void checkTitle(String title) {
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("the title is blank");
    }
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1); it is " + level);
    }
  }

  /** The score, or null when the estimate has none (empty, or weights all 0). */
  private static Double scoreOrNull(Estimate estimate) {
    if (estimate == null || estimate.isEmpty()) {
      return null;
    }
    try {
      double score = estimate.score();
      return Double.isFinite(score) ? score : null;
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** The interval, or null when the sample is too small for one or a bound is not finite. */
  private static Interval intervalOrNull(Estimate estimate, double level) {
    try {
      Interval interval = estimate.confidenceInterval(level);
      return Double.isFinite(interval.lower()) && Double.isFinite(interval.upper())
          ? interval
          : null;
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** The bands: a polygon per run of consecutive periods with an interval, a bar for a lone one. */
  private static void addBands(
      XYChart chart,
      String name,
      List<Double> days,
      List<Interval> intervals,
      List<Boolean> runStarts) {
    int run = 0;
    for (int from = 0; from < days.size(); ) {
      int to = from + 1;
      while (to < days.size() && !runStarts.get(to)) {
        to++;
      }
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = from; i < to; i++) {
        x.add(days.get(i));
        y.add(intervals.get(i).upper());
      }
      for (int i = to - 1; i >= from; i--) {
        x.add(days.get(i));
        y.add(intervals.get(i).lower());
      }
      XYSeries band = chart.addSeries(run == 0 ? name : name + " " + (run + 1), x, y);
      band.setMarker(SeriesMarkers.NONE);
      if (to - from == 1) {
        // one period alone: its interval as a thick vertical bar
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        band.setLineColor(Look.BAND);
        band.setLineStyle(new java.awt.BasicStroke(8f));
      } else {
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(Look.BAND);
        band.setLineColor(Look.BAND);
      }
      band.setShowInLegend(run == 0);
      run++;
      from = to;
    }
  }

  /** Styles a series as points only. */
  private static void points(
      XYSeries series, org.knowm.xchart.style.markers.Marker marker, java.awt.Color colour) {
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    series.setMarker(marker);
    series.setMarkerColor(colour);
  }

  private static void style(XYSeries series, java.awt.Color colour, java.awt.BasicStroke stroke) {
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(colour);
    series.setLineStyle(stroke);
  }

  /**
   * A period axis: x is the number of periods since the first, so that each period sits on a tick
   * labelled with its start (ticks between periods are unlabelled) and a missing period leaves a
   * gap.
   */
  private static void periodAxis(XYChart chart, LocalDate first, PeriodUnit unit) {
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.setCustomXAxisTickLabelsFormatter(
        x -> {
          long k = Math.round(x);
          return Math.abs(x - k) > 1e-9 ? "" : periodLabel(periodStart(first, k, unit), unit);
        });
  }

  private static long periodIndex(LocalDate first, LocalDate start, PeriodUnit unit) {
    return switch (unit) {
      case DAY -> ChronoUnit.DAYS.between(first, start);
      case WEEK -> ChronoUnit.WEEKS.between(first, start);
      case MONTH -> ChronoUnit.MONTHS.between(first, start);
      case QUARTER -> ChronoUnit.MONTHS.between(first, start) / 3;
    };
  }

  private static LocalDate periodStart(LocalDate first, long index, PeriodUnit unit) {
    return switch (unit) {
      case DAY -> first.plusDays(index);
      case WEEK -> first.plusWeeks(index);
      case MONTH -> first.plusMonths(index);
      case QUARTER -> first.plusMonths(3 * index);
    };
  }

  /** A day as the {@code Date} of its start in UTC, the time zone of the charts' date axes. */
  static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String periodsText(int count) {
    return count + (count == 1 ? " period" : " periods");
  }

  private static String join(List<String> labels) {
    return String.join(", ", labels);
  }

  private static String unitName(PeriodUnit unit) {
    return switch (unit) {
      case DAY -> "day";
      case WEEK -> "week";
      case MONTH -> "month";
      case QUARTER -> "quarter";
    };
  }

  private static String periodAxisTitle(PeriodUnit unit) {
    return Look.capitalized(unitName(unit));
  }

  /** A period's label: the day, or the month or quarter it starts. */
  static String periodLabel(LocalDate start, PeriodUnit unit) {
    return switch (unit) {
      case DAY, WEEK -> start.toString();
      case MONTH -> start.toString().substring(0, 7);
      case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
    };
  }
}
