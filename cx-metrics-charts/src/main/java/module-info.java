/**
 * Charts of the values of {@code io.github.cxmetrics.core}, drawn with XChart: see {@link
 * io.github.cxmetrics.charts.CxCharts}.
 *
 * <p>XChart is an automatic module (its jar names itself {@code org.knowm.xchart} in its manifest
 * but has no module descriptor); the charts this module returns are XChart types, so it is required
 * transitively. The two lint warnings about requiring an automatic module are suppressed for that
 * reason.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.cxmetrics.charts {
  requires transitive io.github.cxmetrics.core;
  requires transitive org.knowm.xchart;
  requires transitive java.desktop;

  exports io.github.cxmetrics.charts;
}
