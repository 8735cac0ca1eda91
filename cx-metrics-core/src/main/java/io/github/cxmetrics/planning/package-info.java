/**
 * Survey planning: how many responses a margin of error or a comparison of two groups needs, the
 * power of a design and the difference it can detect ({@link
 * io.github.cxmetrics.planning.SamplePlan}). Tests against a target are {@link
 * io.github.cxmetrics.stats.TargetTest}; control charts on a trend, {@link
 * io.github.cxmetrics.breakdown.ControlChart}.
 */
package io.github.cxmetrics.planning;
