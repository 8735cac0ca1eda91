package io.github.cxmetrics.value;

import java.time.LocalDate;

/**
 * One period of the tracking of a fit (Fader, Hardie and Lee 2005, Figures 3 and 5): the repeat
 * purchases of the calibration base in the period, observed and expected, and their running totals
 * from the base's first purchase day.
 *
 * @param start the first day of the period
 * @param end the last day of the period (inclusive)
 * @param holdout whether the period is after the calibration end (a period that straddles it counts
 *     as calibration)
 * @param actual the repeat purchases observed in the period
 * @param expected the repeat purchases the model expects in it
 * @param cumulativeActual the repeat purchases observed up to the period's end
 * @param cumulativeExpected the repeat purchases expected up to the period's end
 */
public record TrackingPeriod(
    LocalDate start,
    LocalDate end,
    boolean holdout,
    long actual,
    double expected,
    long cumulativeActual,
    double cumulativeExpected) {}
