/**
 * The customer journey: its stages ({@link io.github.cxmetrics.journey.JourneyStage}) and
 * conversion funnels over them or over any ordered stages of the user's ({@link
 * io.github.cxmetrics.journey.Funnel}); funnels over timestamped events with a conversion window
 * ({@link io.github.cxmetrics.journey.WindowedFunnel}, giving a {@link
 * io.github.cxmetrics.journey.FunnelResult} with the customers still in progress and the {@link
 * io.github.cxmetrics.journey.ConversionTimes} of each step).
 *
 * <p>To attach a metric to a stage or a touchpoint (CSAT after the purchase step, NPS per support
 * channel), group the survey records by it with {@link io.github.cxmetrics.breakdown.Breakdown}.
 */
package io.github.cxmetrics.journey;
