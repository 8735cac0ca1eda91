package io.github.cxmetrics.breakdown;

import java.time.LocalDate;

/**
 * One period of a {@link Trend}: its first day and the metric of its records.
 *
 * @param <M> the type of the metric
 * @param start the first day of the period, in the trend's time zone
 * @param value the metric of the period's records (for a rolling window, of the window's)
 */
public record PeriodValue<M>(LocalDate start, M value) {}
