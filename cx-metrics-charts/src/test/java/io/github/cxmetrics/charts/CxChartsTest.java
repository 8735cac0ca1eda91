package io.github.cxmetrics.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CalibrationHoldout;
import io.github.cxmetrics.value.ConditionalExpectation;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.FitDiagnostics;
import io.github.cxmetrics.value.FrequencyBin;
import io.github.cxmetrics.value.FrequencyTable;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ProjectedSurvivors;
import io.github.cxmetrics.value.TrackingPeriod;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every chart rendered headless to PNG and SVG: the PNG has the chart's size and is not blank, the
 * SVG carries the title, the axis titles, the series and the category names as text (in its title
 * and description: XChart draws the visible words as outlines), and the series hold the library's
 * values (read back from the XChart series and compared with the values the chart was drawn from,
 * or with hand computations where the chart derives a number).
 */
class CxChartsTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** Renders to PNG and SVG and checks both; returns the SVG text. */
  private static String rendersReadably(Chart<?, ?> chart, String... texts) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    CxCharts.write(chart, png, ChartFormat.PNG);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    assertThat(image.getWidth()).isEqualTo(chart.getWidth());
    assertThat(image.getHeight()).isEqualTo(chart.getHeight());
    long drawn = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          drawn++;
        }
      }
    }
    double share = (double) drawn / ((long) image.getWidth() * image.getHeight());
    assertThat(share).as("share of pixels that are not background").isGreaterThan(0.03);
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    CxCharts.write(chart, svg, ChartFormat.SVG);
    String text = unescape(svg.toString(StandardCharsets.UTF_8));
    assertThat(text).startsWith("<?xml").contains("<svg");
    assertThat(text).contains("<title>" + chart.getTitle() + "</title>");
    String description = text.substring(text.indexOf("<desc>"), text.indexOf("</desc>"));
    assertThat(description).contains(chart.getXAxisTitle(), chart.getYAxisTitle());
    if (texts.length > 0) {
      assertThat(description + text).contains(texts);
    }
    return text;
  }

  private static String unescape(String xml) {
    return xml.replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static double[] values(Collection<? extends Number> numbers) {
    return numbers.stream().mapToDouble(Number::doubleValue).toArray();
  }

  // --- survey scores --------------------------------------------------------------------------

  @Test
  void aTrendDrawsEachPeriodsScoreAndItsIntervalAsABand() throws IOException {
    Trend<Nps> trend = Examples.monthlyNps();
    XYChart chart = CxCharts.trend("NPS by month", trend, 0.95);
    rendersReadably(chart, "score", "95% interval");
    assertThat(chart.getYAxisTitle()).isEqualTo("NPS points");
    List<PeriodValue<Nps>> periods = trend.periods();
    XYSeries score = chart.getSeriesMap().get("score");
    assertThat(score.getXData()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    for (int i = 0; i < periods.size(); i++) {
      assertThat(score.getYData()[i]).isEqualTo(periods.get(i).value().score());
    }
    // one polygon: the upper bounds forwards, then the lower bounds backwards
    XYSeries band = chart.getSeriesMap().get("95% interval");
    assertThat(band.getYData()).hasSize(24);
    for (int i = 0; i < periods.size(); i++) {
      Interval interval = periods.get(i).value().confidenceInterval(0.95);
      assertThat(band.getYData()[i]).isEqualTo(interval.upper());
      assertThat(band.getYData()[23 - i]).isEqualTo(interval.lower());
      assertThat(band.getXData()[23 - i]).isEqualTo(i);
    }
  }

  @Test
  void aControlChartAddsItsCentreLimitsAndSignals() throws IOException {
    Trend<Nps> trend = Examples.monthlyNps();
    ControlChart control = ControlChart.shewhart(trend, 3);
    XYChart chart = CxCharts.trend("NPS with control limits", trend, 0.9, control);
    rendersReadably(chart, "centre", "control limits", "signal", "90% interval");
    Map<String, XYSeries> series = chart.getSeriesMap();
    List<ControlChart.Point> points = control.points();
    for (int i = 0; i < points.size(); i++) {
      assertThat(series.get("centre").getYData()[i]).isEqualTo(points.get(i).centre());
      assertThat(series.get("control limits").getYData()[i]).isEqualTo(points.get(i).lower());
      assertThat(series.get("upper control limit").getYData()[i]).isEqualTo(points.get(i).upper());
    }
    List<Double> signalled = new ArrayList<>();
    for (ControlChart.Point point : control.signals()) {
      signalled.add(point.statistic());
    }
    assertThat(signalled).isNotEmpty(); // the simulated dip in September
    assertThat(series.get("signal").getYData()).containsExactly(values(signalled));
    assertThat(series).doesNotContainKey("EWMA");
    // an EWMA chart draws its statistic too
    ControlChart ewma = ControlChart.ewma(trend, 0.3, 3, ControlChart.Limits.EXACT);
    XYChart smoothed = CxCharts.trend("NPS with an EWMA", trend, 0.95, ewma);
    double[] statistic = smoothed.getSeriesMap().get("EWMA").getYData();
    for (int i = 0; i < statistic.length; i++) {
      assertThat(statistic[i]).isEqualTo(ewma.points().get(i).statistic());
    }
  }

  /** An estimate for the degenerate cases: a fixed score, and an interval only when given one. */
  private record Fixed(long count, double score, Interval interval) implements Estimate {
    @Override
    public boolean isEmpty() {
      return count == 0;
    }

    @Override
    public double score() {
      if (count == 0) {
        throw new IllegalStateException("empty");
      }
      return score;
    }

    @Override
    public double standardError() {
      throw new IllegalStateException("too small");
    }

    @Override
    public Interval confidenceInterval(double level) {
      if (interval == null) {
        throw new IllegalStateException("too few responses for an interval");
      }
      return interval;
    }

    @Override
    public Unit unit() {
      return Unit.PERCENT;
    }

    @Override
    public TestBasis testBasis() {
      throw new IllegalStateException("too small");
    }
  }

  private record Dated(LocalDate day, Fixed value) {}

  private static Trend<Fixed> trendOf(List<Dated> values) {
    Collector<Dated, ?, Fixed> last =
        Collector.of(
            () -> new Fixed[1],
            (box, d) -> box[0] = d.value(),
            (a, b) -> b[0] == null ? a : b,
            box -> box[0]);
    return Trend.of(
        values,
        d -> d.day().atStartOfDay(ZoneOffset.UTC).toInstant(),
        ZoneOffset.UTC,
        PeriodUnit.MONTH,
        last);
  }

  @Test
  void periodsWithoutAScoreOrAnIntervalAreLeftOutAndTheLegendSaysSo() throws IOException {
    Interval a = new Interval(40, 60, 0.95, Unit.PERCENT);
    List<Dated> values =
        List.of(
            new Dated(LocalDate.of(2025, 1, 5), new Fixed(50, 50, a)),
            new Dated(LocalDate.of(2025, 2, 5), new Fixed(60, 55, a)),
            new Dated(LocalDate.of(2025, 3, 5), new Fixed(1, 70, null)), // no interval
            new Dated(LocalDate.of(2025, 4, 5), new Fixed(0, 0, null)), // no score
            new Dated(LocalDate.of(2025, 5, 5), new Fixed(40, 52, a)),
            new Dated(LocalDate.of(2025, 7, 5), new Fixed(40, 51, a))); // June missing
    XYChart chart = CxCharts.trend("Degenerate periods", trendOf(values), 0.95);
    // April has no score (so no interval either), March a score but no interval
    rendersReadably(chart, "score (none for 1 period)", "95% interval (none for 1 period)");
    XYSeries score = chart.getSeriesMap().get("score (none for 1 period)");
    assertThat(score.getXData()).containsExactly(0, 1, 2, 4, 6); // April left out, June a gap
    assertThat(score.getYData()).containsExactly(50, 55, 70, 52, 51);
    // the band breaks where an interval is missing and at June, which has no records:
    // January-February, then May alone, then July alone
    XYSeries first = chart.getSeriesMap().get("95% interval (none for 1 period)");
    assertThat(first.getXData()).containsExactly(0, 1, 1, 0);
    assertThat(first.isShowInLegend()).isTrue();
    XYSeries second = chart.getSeriesMap().get("95% interval (none for 1 period) 2");
    assertThat(second.getXData()).containsExactly(4, 4);
    assertThat(second.getYData()).containsExactly(60, 40);
    assertThat(second.isShowInLegend()).isFalse();
    assertThat(chart.getSeriesMap()).containsKey("95% interval (none for 1 period) 3");
  }

  @Test
  void aBreakdownRanksTheGroupsAndDrawsTheirIntervalsExactly() throws IOException {
    Breakdown<String, Nps> breakdown = Examples.npsByChannel();
    CategoryChart chart = CxCharts.breakdown("NPS by channel", breakdown, 0.95);
    rendersReadably(chart, "app", "web", "phone", "email", "chat", "overall");
    CategorySeries score = chart.getSeriesMap().get("score");
    List<String> order = new ArrayList<>();
    for (Object key : score.getXData()) {
      order.add((String) key);
    }
    double[] scores = values(score.getYData());
    for (int i = 0; i < order.size(); i++) {
      assertThat(scores[i]).isEqualTo(breakdown.group(order.get(i)).orElseThrow().score());
      if (i > 0) {
        assertThat(scores[i]).isLessThanOrEqualTo(scores[i - 1]);
      }
    }
    // midpoint -+ half-width gives back each group's (asymmetric) adjusted-Wald bounds
    CategorySeries whiskers = chart.getSeriesMap().get("95% interval (whiskers)");
    double[] mid = values(whiskers.getYData());
    double[] half = values(whiskers.getExtraValues());
    for (int i = 0; i < order.size(); i++) {
      Interval interval = breakdown.group(order.get(i)).orElseThrow().confidenceInterval(0.95);
      assertThat(mid[i] - half[i]).isCloseTo(interval.lower(), within(1e-12));
      assertThat(mid[i] + half[i]).isCloseTo(interval.upper(), within(1e-12));
    }
    String overall = "overall " + Look.number(breakdown.overall().score(), 1);
    assertThat(values(chart.getSeriesMap().get(overall).getYData()))
        .containsOnly(breakdown.overall().score());
  }

  @Test
  void emptyValuesAreRefusedByName() {
    Trend<Nps> noPeriod =
        Trend.of(
            List.<Examples.Response>of(),
            Examples.Response::at,
            ZoneOffset.UTC,
            PeriodUnit.MONTH,
            Nps.toNps(Examples.Response::score));
    assertThatThrownBy(() -> CxCharts.trend("t", noPeriod, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the trend has no period");
    Breakdown<String, Nps> noGroup =
        Breakdown.of(
            List.<Examples.Response>of(),
            Examples.Response::channel,
            Nps.toNps(Examples.Response::score));
    assertThatThrownBy(() -> CxCharts.breakdown("b", noGroup, 0.95))
        .hasMessageContaining("the breakdown has no group");
    assertThatThrownBy(() -> CxCharts.funnel("f", Funnel.ofCounts(List.of("a", "b"), 0, 0)))
        .hasMessage("no customer reached the first stage (a): there is nothing to draw");
    CohortTable noCohort =
        CohortTable.of(
            List.<Examples.Activity>of(),
            Examples.Activity::customer,
            Examples.Activity::day,
            PeriodUnit.MONTH,
            LocalDate.of(2025, 1, 31));
    assertThatThrownBy(() -> CxCharts.cohortRetention("c", noCohort))
        .hasMessageContaining("the cohort table has no cohort");
    assertThatThrownBy(() -> CxCharts.tracking("t", List.of(), false))
        .hasMessageContaining("no tracking period");
    assertThatThrownBy(() -> CxCharts.survivors("s", List.of(), "year"))
        .hasMessageContaining("no projected period");
    assertThatThrownBy(
            () ->
                CxCharts.conditionalExpectations(
                    "c", List.of(new ConditionalExpectation(0, 0, 0, Double.NaN, Double.NaN))))
        .hasMessageContaining("no row has a customer (1 rows)");
    Trend<Nps> trend = Examples.monthlyNps();
    assertThatThrownBy(() -> CxCharts.trend(" ", trend, 0.95)).hasMessage("the title is blank");
    assertThatThrownBy(() -> CxCharts.trend("t", trend, 1.0))
        .hasMessage("level must be in (0, 1); it is 1.0");
    assertThatThrownBy(() -> CxCharts.trend(null, trend, 0.95))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("title");
  }

  // --- journey and retention ------------------------------------------------------------------

  @Test
  void aFunnelStacksTheLostOnTheReachedAndLabelsEachConversion() throws IOException {
    CategoryChart chart = CxCharts.funnel("Checkout", Examples.checkout());
    // conversions by hand: 14,650 / 24,000 = 61.04%, 4,120 / 14,650 = 28.12%,
    // 2,480 / 4,120 = 60.19%, 1,910 / 2,480 = 77.02%; overall 1,910 / 24,000 = 7.96%
    List<String> labels =
        List.of(
            "visit", "product view: 61.0%", "cart: 28.1%", "checkout: 60.2%", "purchase: 77.0%");
    rendersReadably(chart, labels.toArray(String[]::new));
    assertThat(chart.getXAxisTitle()).contains("overall 8.0%");
    CategorySeries reached = chart.getSeriesMap().get("reached");
    assertThat(new ArrayList<Object>(reached.getXData())).containsExactlyElementsOf(labels);
    assertThat(values(reached.getYData())).containsExactly(24_000, 14_650, 4_120, 2_480, 1_910);
    assertThat(values(chart.getSeriesMap().get("lost at this step").getYData()))
        .containsExactly(0, 9_350, 10_530, 1_640, 570);
  }

  @Test
  void aCohortHeatmapHasACellPerObservedPeriodAndTheAverageRow() throws IOException {
    CohortTable table = Examples.cohorts();
    HeatMapChart chart = CxCharts.cohortRetention("Cohorts", table);
    rendersReadably(chart, "2025-01 (340)", "2025-08 (620)", "average");
    HeatMapSeries series = chart.getSeriesMap().get("retention (%)");
    List<?> rows = series.getYData();
    assertThat(rows.get(0)).isEqualTo("average");
    List<Cohort> cohorts = table.cohorts();
    assertThat(rows).hasSize(cohorts.size() + 1);
    int cells = 0;
    for (Number[] cell : series.getHeatData()) {
      int column = cell[0].intValue();
      int row = cell[1].intValue();
      double expected =
          row == 0
              ? table.averageRetention(column)
              : cohorts.get(cohorts.size() - row).retentionRate(column);
      assertThat(cell[2].doubleValue()).isCloseTo(100 * expected, within(0.05));
      cells++;
    }
    // 8 cohorts observed for 8, 7, ..., 1 months, and the average over 8 months
    assertThat(cells).isEqualTo(36 + 8);
  }

  // --- purchase models ------------------------------------------------------------------------

  private static final CalibrationHoldout CDNOW = Examples.cdnowSplit();
  private static final ModelFit<BgNbd> FIT = Examples.cdnowFit(CDNOW);

  @Test
  void theFrequencyHistogramHoldsTheTablesCounts() throws IOException {
    FrequencyTable table =
        FitDiagnostics.frequencies(FIT, CustomerSummaries.of(CDNOW.calibration()), 8);
    CategoryChart chart = CxCharts.frequencies("CDNOW frequencies", table);
    rendersReadably(chart, "0", "7+", "observed", "chi-square");
    List<FrequencyBin> bins = table.bins();
    double[] observed = values(chart.getSeriesMap().get("observed").getYData());
    String expectedName =
        chart.getSeriesMap().keySet().stream()
            .filter(k -> k.startsWith("expected"))
            .findFirst()
            .orElseThrow();
    double[] expected = values(chart.getSeriesMap().get(expectedName).getYData());
    long customers = 0;
    for (int i = 0; i < bins.size(); i++) {
      assertThat(observed[i]).isEqualTo(bins.get(i).observed());
      assertThat(expected[i]).isEqualTo(bins.get(i).expected());
      customers += (long) observed[i];
    }
    assertThat(customers).isEqualTo(2357); // every CDNOW sample customer (its README)
    assertThat(expectedName).contains(table.degreesOfFreedom() + " df");
  }

  @Test
  void trackingDrawsWeeklyAndCumulativePurchasesWithTheHoldoutMarked() throws IOException {
    List<TrackingPeriod> periods = FitDiagnostics.tracking(FIT, CDNOW);
    XYChart weekly = CxCharts.tracking("CDNOW weekly", periods, false);
    rendersReadably(weekly, "actual", "expected");
    assertThat(weekly.getXAxisTitle()).isEqualTo("Period starting (a period is a week)");
    XYChart cumulative = CxCharts.tracking("CDNOW cumulative", periods, true);
    rendersReadably(cumulative, "actual", "expected");
    double[] perWeek = weekly.getSeriesMap().get("actual").getYData();
    double[] total = cumulative.getSeriesMap().get("actual").getYData();
    double running = 0;
    for (int i = 0; i < periods.size(); i++) {
      running += perWeek[i];
      assertThat(perWeek[i]).isEqualTo(periods.get(i).actual());
      assertThat(total[i]).isEqualTo(running); // the running total of the weekly series
      assertThat(cumulative.getSeriesMap().get("expected").getYData()[i])
          .isEqualTo(periods.get(i).cumulativeExpected());
    }
  }

  @Test
  void conditionalExpectationsLeaveOutEmptyRowsAndSaySo() throws IOException {
    List<ConditionalExpectation> rows = FitDiagnostics.conditionalExpectations(FIT, CDNOW, 8);
    CategoryChart chart = CxCharts.conditionalExpectations("CDNOW conditional", rows);
    rendersReadably(chart, "7+", "actual", "expected");
    assertThat(values(chart.getSeriesMap().get("actual").getYData()))
        .containsExactly(rows.stream().mapToDouble(ConditionalExpectation::actual).toArray());
    List<ConditionalExpectation> withEmpty = new ArrayList<>(rows);
    withEmpty.add(new ConditionalExpectation(20, 20, 0, Double.NaN, Double.NaN));
    CategoryChart short1 = CxCharts.conditionalExpectations("With an empty row", withEmpty);
    assertThat(short1.getSeriesMap()).containsKey("actual (1 row empty)");
    assertThat(short1.getSeriesMap().get("actual (1 row empty)").getXData()).hasSize(rows.size());
  }

  @Test
  void theProbabilityAliveMatrixHoldsTheModelsProbabilities() throws IOException {
    BgNbd model = FIT.model();
    HeatMapChart chart = CxCharts.probabilityAlive("P(alive)", model, 10, 39, "week");
    rendersReadably(chart, "Frequency: repeat purchases", "39");
    HeatMapSeries series = chart.getSeriesMap().get("P(alive)");
    assertThat(series.getXData()).hasSize(40);
    assertThat(series.getYData()).hasSize(11);
    // x = 0 at recency 0, and x = 1..10 at recency 1..39
    assertThat(series.getHeatData()).hasSize(1 + 10 * 39);
    for (Number[] cell : series.getHeatData()) {
      int recency = cell[0].intValue();
      int x = cell[1].intValue();
      assertThat(cell[2].doubleValue()).isEqualTo(model.probabilityAlive(x, recency, 39));
      assertThat(cell[2].doubleValue()).isBetween(0.0, 1.0);
    }
    assertThatThrownBy(() -> CxCharts.probabilityAlive("p", model, 0, 39, "week"))
        .hasMessage("maxFrequency must be at least 1; it is 0");
    assertThatThrownBy(() -> CxCharts.probabilityAlive("p", model, 5, Double.NaN, "week"))
        .hasMessage("age must be finite and at least 1; it is NaN");
  }

  @Test
  void theExpectedPurchasesMatrixHoldsTheModelsConditionalExpectations() throws IOException {
    BgNbd model = FIT.model();
    HeatMapChart chart = CxCharts.expectedPurchases("Next 39 weeks", model, 39, 5, 39, "week");
    rendersReadably(chart, "Recency: week of the last purchase (age 39.0)");
    HeatMapSeries series = chart.getSeriesMap().get("expected purchases in the next 39.0 weeks");
    double largest = 0;
    for (Number[] cell : series.getHeatData()) {
      int recency = cell[0].intValue();
      int x = cell[1].intValue();
      assertThat(cell[2].doubleValue())
          .isEqualTo(model.conditionalExpectedPurchases(39, x, recency, 39));
      largest = Math.max(largest, cell[2].doubleValue());
    }
    assertThat(series.getHeatData()).hasSize(1 + 5 * 39);
    // the largest cell is the most frequent, most recent customer, and the colour scale ends on
    // the multiple of 0.5 just above it
    assertThat(largest).isEqualTo(model.conditionalExpectedPurchases(39, 5, 39, 39));
    double end = chart.getStyler().getMax();
    assertThat(end).isGreaterThanOrEqualTo(largest).isLessThan(largest + 0.5);
    assertThat(end * 2).isEqualTo(Math.rint(end * 2));
    assertThat(CxCharts.niceCeiling(13.63)).isEqualTo(15.0);
    assertThat(CxCharts.niceCeiling(3.38)).isEqualTo(3.5);
    assertThat(CxCharts.niceCeiling(0.42)).isCloseTo(0.45, within(1e-12));
    assertThat(CxCharts.niceCeiling(2.0)).isEqualTo(2.0);
    assertThat(CxCharts.niceCeiling(0)).isEqualTo(1.0);
    assertThatThrownBy(() -> CxCharts.expectedPurchases("e", model, 0, 5, 39, "week"))
        .hasMessage("horizon must be finite and positive; it is 0.0");
  }

  @Test
  void survivorsDrawTheProjectionAndTheObservedCounts() throws IOException {
    List<ProjectedSurvivors> rows = Examples.regularProjection();
    XYChart chart = CxCharts.survivors("Regular", rows, "year");
    rendersReadably(chart, "model", "observed", "Years since acquisition");
    assertThat(chart.getSeriesMap().get("model").getYData())
        .containsExactly(rows.stream().mapToDouble(ProjectedSurvivors::expected).toArray());
    // Fader and Hardie (2007), Table 1: the Regular cohort as published
    assertThat(chart.getSeriesMap().get("observed").getYData())
        .containsExactly(1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173);
  }

  @Test
  void theDriverQuadrantPlacesEachDriverAtItsImportanceAndRating() throws IOException {
    DriverImportance importance = Examples.drivers();
    XYChart chart = CxCharts.driverQuadrant("Drivers", importance, 1, 5);
    rendersReadably(chart, "ease of use", "support", "price");
    for (DriverImportance.Quadrant point : importance.quadrant()) {
      XYSeries series = chart.getSeriesMap().get(point.driver());
      assertThat(series.getXData()).containsExactly(point.importance());
      assertThat(series.getYData()).containsExactly(point.meanRating());
    }
    assertThatThrownBy(() -> CxCharts.driverQuadrant("Drivers", importance, 3, 5))
        .hasMessageContaining("of driver ease of use is outside the scale [3.0, 5.0]");
    assertThatThrownBy(() -> CxCharts.driverQuadrant("Drivers", importance, 5, 5))
        .hasMessageContaining("lowest < highest");
  }

  // --- output ---------------------------------------------------------------------------------

  @Test
  void saveWritesAPngAndAnSvgFile(@TempDir Path directory) throws IOException {
    XYChart chart = CxCharts.trend("Saved", Examples.monthlyNps(), 0.95);
    Path png = directory.resolve("chart.png");
    Path svg = directory.resolve("chart.svg");
    CxCharts.save(chart, png, ChartFormat.PNG);
    CxCharts.save(chart, svg, ChartFormat.SVG);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(CxCharts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(CxCharts.HEIGHT);
    assertThat(Files.readString(svg)).contains("<svg", "Saved");
  }

  @Test
  void theGalleryDrawsEveryChart() throws IOException {
    Map<String, Chart<?, ?>> charts = Gallery.charts();
    assertThat(charts).hasSize(12);
    for (Chart<?, ?> chart : charts.values()) {
      rendersReadably(chart);
    }
  }
}
