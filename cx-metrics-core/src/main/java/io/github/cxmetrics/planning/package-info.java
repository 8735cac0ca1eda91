/**
 * Survey planning and monitoring: how many responses a margin of error or a comparison needs
 * ({@link io.github.cxmetrics.planning.SamplePlan}), and control charts that tell a period's change
 * from noise with the metric's own standard error ({@link
 * io.github.cxmetrics.planning.ControlChart}).
 */
package io.github.cxmetrics.planning;
