/**
 * Any metric broken down by a key taken from each record (segment, channel, journey stage,
 * touchpoint), with the overall value, each group's value, tests of each group against the rest and
 * of every pair with Holm's correction, and the spread of scores across groups ({@link
 * io.github.cxmetrics.breakdown.Breakdown}); a metric over calendar periods ({@link
 * io.github.cxmetrics.breakdown.Trend}) and its control charts ({@link
 * io.github.cxmetrics.breakdown.ControlChart}: Shewhart and EWMA limits from the metric's own
 * standard error, signals across segments adjusted for multiplicity).
 */
package io.github.cxmetrics.breakdown;
