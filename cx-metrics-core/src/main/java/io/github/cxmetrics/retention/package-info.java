/**
 * Relationship metrics over time: retention and churn over a period ({@link
 * io.github.cxmetrics.retention.Retention}, {@link io.github.cxmetrics.retention.CustomerChanges},
 * {@link io.github.cxmetrics.retention.ChurnRates}), revenue retention ({@link
 * io.github.cxmetrics.retention.RevenueRetention}), cohort retention tables ({@link
 * io.github.cxmetrics.retention.CohortTable}), and retention on timestamped events ({@link
 * io.github.cxmetrics.retention.EventRetention}: N-period and unbounded retention in calendar
 * periods or rolling windows, stickiness and lifecycle counts).
 *
 * <p>Rates are fractions in [0, 1] per period; every value holds counts (or exact sums) and derives
 * its rates, so values of disjoint groups merge by adding their counts, never by averaging rates.
 */
package io.github.cxmetrics.retention;
