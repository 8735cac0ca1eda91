package io.github.cxmetrics.charts;

import io.github.cxmetrics.breakdown.ControlChart;
import io.github.cxmetrics.breakdown.Trend;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CalibrationHoldout;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.FitDiagnostics;
import io.github.cxmetrics.value.ModelFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws the README's gallery into a directory (PNG): {@code mvn -B -pl cx-metrics-charts -am
 * -DskipTests test-compile exec:exec} writes {@code docs/charts}.
 */
public final class Gallery {
  private Gallery() {}

  /** {@return every gallery chart by file name, in the README's order} */
  static Map<String, Chart<?, ?>> charts() {
    Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
    Trend<Nps> trend = Examples.monthlyNps();
    charts.put(
        "nps-trend",
        CxCharts.trend(
            "NPS by month, 2025, with its 95% interval and Shewhart limits",
            trend, 0.95, ControlChart.shewhart(trend, 3)));
    charts.put(
        "nps-by-channel",
        CxCharts.breakdown("NPS by channel, 2025", Examples.npsByChannel(), 0.95));
    charts.put("funnel", CxCharts.funnel("Checkout funnel, June 2025", Examples.checkout()));
    charts.put(
        "cohorts",
        CxCharts.cohortRetention("Monthly retention by acquisition cohort", Examples.cohorts()));
    CalibrationHoldout data = Examples.cdnowSplit();
    ModelFit<BgNbd> fit = Examples.cdnowFit(data);
    charts.put(
        "bgnbd-frequencies",
        CxCharts.frequencies(
            "CDNOW: repeat purchases in the 39 calibration weeks, BG/NBD fit",
            FitDiagnostics.frequencies(fit, CustomerSummaries.of(data.calibration()), 8)));
    charts.put(
        "bgnbd-tracking",
        CxCharts.tracking(
            "CDNOW: weekly repeat purchases, actual and BG/NBD",
            FitDiagnostics.tracking(fit, data),
            false));
    charts.put(
        "bgnbd-cumulative",
        CxCharts.tracking(
            "CDNOW: cumulative repeat purchases, actual and BG/NBD",
            FitDiagnostics.tracking(fit, data),
            true));
    charts.put(
        "bgnbd-conditional",
        CxCharts.conditionalExpectations(
            "CDNOW: holdout purchases by calibration frequency, actual and BG/NBD",
            FitDiagnostics.conditionalExpectations(fit, data, 8)));
    charts.put(
        "p-alive",
        CxCharts.probabilityAlive(
            "CDNOW: probability a customer is alive after 39 weeks (BG/NBD)",
            fit.model(),
            20,
            39,
            "week"));
    charts.put(
        "expected-purchases",
        CxCharts.expectedPurchases(
            "CDNOW: repeat purchases expected in the next 39 weeks (BG/NBD)",
            fit.model(),
            39,
            20,
            39,
            "week"));
    charts.put(
        "sbg-survivors",
        CxCharts.survivors(
            "Regular customers: sBG fitted to years 1-7, projected to year 12",
            Examples.regularProjection(),
            "year"));
    charts.put(
        "drivers-quadrant",
        CxCharts.driverQuadrant(
            "Key drivers of recommendation: importance against performance",
            Examples.drivers(),
            1,
            5));
    return charts;
  }

  /**
   * Writes the gallery.
   *
   * @param args the output directory (default {@code docs/charts})
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "docs/charts");
    Files.createDirectories(directory);
    for (Map.Entry<String, Chart<?, ?>> chart : charts().entrySet()) {
      Path file = directory.resolve(chart.getKey() + ".png");
      CxCharts.save(chart.getValue(), file, ChartFormat.PNG);
      System.out.println(file);
    }
  }
}
