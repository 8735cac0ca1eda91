/**
 * Interval estimates and comparisons of two estimates, shared by every metric.
 *
 * <p>{@link io.github.cxmetrics.stats.Interval} is a closed interval with its confidence level;
 * {@link io.github.cxmetrics.stats.Comparison} is the difference of two independent estimates with
 * its standard error, z statistic and two-sided p-value.
 */
package io.github.cxmetrics.stats;
