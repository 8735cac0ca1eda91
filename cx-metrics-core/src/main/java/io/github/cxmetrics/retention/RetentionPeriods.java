package io.github.cxmetrics.retention;

import io.github.cxmetrics.calendar.PeriodUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How an event-based {@link RetentionTable} measures the periods after a customer's start: calendar
 * periods, or rolling windows of a fixed length from each customer's own start instant. Either way,
 * cohorts are the calendar periods of the start in a time zone.
 *
 * <ul>
 *   <li>{@link #calendar calendar}: period {@code k} of a customer who started in calendar period
 *       {@code c} is calendar period {@code c + k} in the zone (a customer who starts at 23:45 and
 *       comes back at 00:05 is back in day 1); days that daylight saving time makes 23 or 25 hours
 *       long are one period each;
 *   <li>{@link #rolling rolling}: period {@code k} of a customer who started at instant {@code s}
 *       is the half-open window {@code [s + k W, s + (k + 1) W)} of elapsed time (with {@code W} =
 *       24 hours, the customer above is still in period 0).
 * </ul>
 */
public final class RetentionPeriods {
  private final PeriodUnit unit;
  private final ZoneId zone;
  private final Duration window;

  private RetentionPeriods(PeriodUnit unit, ZoneId zone, Duration window) {
    this.unit = unit;
    this.zone = zone;
    this.window = window;
  }

  /**
   * Returns calendar periods of {@code unit} in {@code zone}, for cohorts and for the periods after
   * the start.
   *
   * @param unit the period unit
   * @param zone the time zone whose calendar dates the events
   * @return the periods
   * @throws NullPointerException if an argument is null
   */
  public static RetentionPeriods calendar(PeriodUnit unit, ZoneId zone) {
    return new RetentionPeriods(
        Objects.requireNonNull(unit, "unit"), Objects.requireNonNull(zone, "zone"), null);
  }

  /**
   * Returns rolling windows of length {@code window} from each customer's start, with cohorts by
   * the calendar period of {@code cohortUnit} in {@code zone} that holds the start.
   *
   * @param window the length of every period after the start, positive
   * @param cohortUnit the calendar unit cohorts are grouped by
   * @param zone the time zone of the cohorts' calendar
   * @return the periods
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code window} is zero or negative, naming it
   */
  public static RetentionPeriods rolling(Duration window, PeriodUnit cohortUnit, ZoneId zone) {
    Objects.requireNonNull(window, "window");
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window (" + window + ") must be positive");
    }
    return new RetentionPeriods(
        Objects.requireNonNull(cohortUnit, "cohortUnit"),
        Objects.requireNonNull(zone, "zone"),
        window);
  }

  /** {@return the calendar unit of the cohorts (and, for calendar periods, of every period)} */
  public PeriodUnit unit() {
    return unit;
  }

  /** {@return the time zone of the calendar} */
  public ZoneId zone() {
    return zone;
  }

  /** {@return the length of a rolling period; empty for calendar periods} */
  public Optional<Duration> window() {
    return Optional.ofNullable(window);
  }

  /** {@return the index of the calendar period holding {@code instant} in the zone} */
  long period(Instant instant) {
    return unit.index(LocalDate.ofInstant(instant, zone));
  }

  /** {@return the first instant of calendar period {@code index} in the zone} */
  Instant startOf(long index) {
    return unit.start(index).atStartOfDay(zone).toInstant();
  }

  /**
   * Returns the period after the start that holds an instant: {@code floor((at - start) / W)} for
   * rolling windows, the difference of calendar period indexes otherwise; negative before the
   * start's period.
   */
  long offset(Instant start, Instant at) {
    if (window == null) {
      return period(at) - period(start);
    }
    return at.isBefore(start) ? -1 : Duration.between(start, at).dividedBy(window);
  }

  /**
   * Returns the number of periods after a start that are complete at {@code end}: the calendar
   * periods from the start's to the last that ends at or before {@code end}, or the whole windows
   * between the start and {@code end}.
   */
  long completePeriods(Instant start, Instant end) {
    if (window == null) {
      return Math.max(0, period(end) - period(start));
    }
    return Duration.between(start, end).dividedBy(window);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetentionPeriods other
        && unit == other.unit
        && zone.equals(other.zone)
        && Objects.equals(window, other.window);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, zone, window);
  }

  /**
   * Returns e.g. {@code RetentionPeriods[calendar DAY in Europe/Berlin]} or {@code
   * RetentionPeriods[rolling PT24H, cohorts by DAY in UTC]}.
   */
  @Override
  public String toString() {
    return "RetentionPeriods[" + describe() + "]";
  }

  /** {@return e.g. {@code calendar DAY in Europe/Berlin}, for messages and other values' text} */
  String describe() {
    return window == null
        ? "calendar " + unit + " in " + zone
        : "rolling " + window + ", cohorts by " + unit + " in " + zone;
  }
}
