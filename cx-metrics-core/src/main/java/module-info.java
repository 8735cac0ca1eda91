/**
 * Customer-experience metrics: survey scores (NPS, CSAT, CES) with their statistics, as immutable
 * aggregates of counts and sums that merge exactly.
 *
 * <p>Exported packages:
 *
 * <ul>
 *   <li>{@link io.github.cxmetrics.survey}: Net Promoter Score, customer satisfaction and customer
 *       effort, unweighted and weighted;
 *   <li>{@link io.github.cxmetrics.retention}: retention and churn over a period, revenue
 *       retention, cohort tables, retention, stickiness and lifecycle on timestamped events;
 *   <li>{@link io.github.cxmetrics.value}: customer lifetime value, purchase summaries, the BG/NBD,
 *       MBG/NBD, Pareto/NBD and Gamma-Gamma models of purchases and their value, the BG/BB model of
 *       discrete opportunities, and the sBG and BdW models of subscription lifetimes;
 *   <li>{@link io.github.cxmetrics.journey}: journey stages and conversion funnels;
 *   <li>{@link io.github.cxmetrics.breakdown}: any metric by segment, channel or stage, with
 *       significance and consistency across groups;
 *   <li>{@link io.github.cxmetrics.stats}: what every estimate shares, intervals, comparisons of
 *       two estimates, proportions;
 *   <li>{@link io.github.cxmetrics.planning}: sample sizes, margins of error and power;
 *   <li>{@link io.github.cxmetrics.drivers}: key-driver analysis from exact co-moments;
 *   <li>{@link io.github.cxmetrics.calendar}: calendar periods (day, ISO week, month, quarter).
 * </ul>
 */
module io.github.cxmetrics.core {
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.numbers.gamma;
  requires org.apache.commons.rng.sampling;
  requires transitive org.apache.commons.rng.api;

  exports io.github.cxmetrics.survey;
  exports io.github.cxmetrics.stats;
  exports io.github.cxmetrics.retention;
  exports io.github.cxmetrics.value;
  exports io.github.cxmetrics.journey;
  exports io.github.cxmetrics.breakdown;
  exports io.github.cxmetrics.calendar;
  exports io.github.cxmetrics.planning;
  exports io.github.cxmetrics.drivers;
}
