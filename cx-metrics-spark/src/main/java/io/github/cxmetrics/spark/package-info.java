/**
 * Spark SQL aggregate functions over the exact, mergeable aggregates of cx-metrics-core: {@code
 * nps(score)}, {@code csat(rating)}, {@code ces(rating)} and {@code weighted_nps(score, weight)},
 * registered by {@link io.github.cxmetrics.spark.CxFunctions#register}.
 *
 * <p>Each function's aggregation buffer is the core's value, and travels between executors in the
 * core's byte encoding (versioned, checksummed), so a partial aggregate is exactly what {@code
 * cx-metrics-core} computes on the same rows. Results are structs of the score, the counts, the
 * standard error and the confidence interval.
 */
package io.github.cxmetrics.spark;
