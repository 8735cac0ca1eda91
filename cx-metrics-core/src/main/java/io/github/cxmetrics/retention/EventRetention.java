package io.github.cxmetrics.retention;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Inputs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Retention from timestamped events: how events are read (customer and instant), which event starts
 * a customer's cohort and which counts as activity, and the three analyses on them: a {@link
 * RetentionTable} (N-period and unbounded retention by cohort, calendar or rolling periods), {@link
 * Stickiness} and {@link Lifecycle} counts.
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li>a customer's <i>start</i> is its earliest start event ({@link #startingWith}; by default
 *       every event starts); its cohort is the calendar period holding it;
 *   <li>an <i>activity</i> is an event that {@link #activeWhen} accepts (by default every event):
 *       the return that retention looks for, and the activity of stickiness and lifecycle. With a
 *       start event different from the return event ("signed up", then "purchased"), an event may
 *       be both or neither; events that are neither are not counted, by the caller's choice;
 *   <li>every event is at or before the observation end; a calendar period is complete when it has
 *       ended at or before it (the period holding the observation end is still running), and only
 *       complete periods are counted as observed.
 * </ul>
 *
 * <p>Periods are calendar periods in a {@link ZoneId}: the instant of an event becomes the date it
 * has in that zone, so a day that daylight saving time shortens to 23 hours is one day. Counting
 * holds every customer's start and activity instants (about 40 bytes an event and a map entry per
 * customer) and then counts each customer alone; results of disjoint customer sets merge, so
 * partition events by customer, count the parts and merge: a customer whose events are split across
 * parts would be counted in each, which no result can detect.
 *
 * <p>References: the N-period and unbounded ("on or after") retention definitions follow the
 * product-analytics tools (PostHog, Amplitude, Mixpanel); PostHog issue 13748 gives a three-user
 * example that the tests reproduce, <a
 * href="https://github.com/PostHog/posthog/issues/13748">github.com/PostHog/posthog/issues/13748</a>.
 * Lifecycle counts follow PostHog's lifecycle insight (new, returning, resurrecting, dormant).
 *
 * @param <T> the type of the events
 */
public final class EventRetention<T> {
  private final Function<? super T, ?> customer;
  private final Function<? super T, Instant> time;
  private final Predicate<? super T> start;
  private final Predicate<? super T> activity;

  private EventRetention(
      Function<? super T, ?> customer,
      Function<? super T, Instant> time,
      Predicate<? super T> start,
      Predicate<? super T> activity) {
    this.customer = customer;
    this.time = time;
    this.start = start;
    this.activity = activity;
  }

  /**
   * Returns the retention of events read by {@code customer} and {@code time}, in which every event
   * is both a start and an activity.
   *
   * @param <T> the type of the events
   * @param customer reads the customer identifier of an event (any type with {@code equals} and
   *     {@code hashCode})
   * @param time reads the instant of an event
   * @return the definition
   * @throws NullPointerException if an argument is null
   */
  public static <T> EventRetention<T> of(
      Function<? super T, ?> customer, Function<? super T, Instant> time) {
    return new EventRetention<>(
        Objects.requireNonNull(customer, "customer"),
        Objects.requireNonNull(time, "time"),
        e -> true,
        e -> true);
  }

  /**
   * Returns this definition with the events that start a customer's cohort: the customer's start is
   * the earliest event that {@code start} accepts.
   *
   * @param start accepts the start events
   * @return a new definition
   * @throws NullPointerException if {@code start} is null
   */
  public EventRetention<T> startingWith(Predicate<? super T> start) {
    return new EventRetention<>(customer, time, Objects.requireNonNull(start, "start"), activity);
  }

  /**
   * Returns this definition with the events that count as activity (the return of retention).
   *
   * @param activity accepts the activity events
   * @return a new definition
   * @throws NullPointerException if {@code activity} is null
   */
  public EventRetention<T> activeWhen(Predicate<? super T> activity) {
    return new EventRetention<>(
        customer, time, start, Objects.requireNonNull(activity, "activity"));
  }

  /**
   * Counts the retention table of {@code events}: every customer with a start event in the cohort
   * of its start, with the periods after it observed by {@code observationEnd}, the N-period and
   * the unbounded returns (see {@link RetentionTable}). Activity before the start, and in the
   * start's own period, is not a return.
   *
   * @param events the events, in any order
   * @param periods calendar periods or rolling windows
   * @param observationEnd the end of the observation; no event is after it
   * @return the table; no cohorts when no event starts
   * @throws NullPointerException if an argument, an event, its customer or its time is null, naming
   *     the event's index and field
   * @throws IllegalArgumentException if an event is after {@code observationEnd}, naming its index,
   *     or a customer has more than 1,000,000 periods observed
   * @throws java.time.DateTimeException if an instant has no date in the zone
   */
  public RetentionTable table(
      Iterable<T> events, RetentionPeriods periods, Instant observationEnd) {
    Objects.requireNonNull(periods, "periods");
    Map<Object, Customer> customers = group(events, observationEnd);
    RetentionTable.Builder table = new RetentionTable.Builder(periods, observationEnd);
    customers.forEach((id, c) -> table.add(id, c.start, c.activity));
    return table.build();
  }

  /**
   * Counts the stickiness of {@code events} over the last {@code periods} complete calendar periods
   * before {@code observationEnd}: how many customers were active in exactly {@code j} of them.
   * Start events play no part.
   *
   * @param events the events, in any order
   * @param unit the calendar period unit
   * @param zone the time zone of the calendar
   * @param periods the number of periods counted, {@code >= 1}
   * @param observationEnd the end of the observation; no event is after it
   * @return the stickiness; no customers when none was active in the periods
   * @throws NullPointerException if an argument, an event, its customer or its time is null, naming
   *     the event's index and field
   * @throws IllegalArgumentException if {@code periods} is below 1 or above 1,000,000, or an event
   *     is after {@code observationEnd}, naming it
   * @throws java.time.DateTimeException if an instant has no date in the zone
   */
  public Stickiness stickiness(
      Iterable<T> events, PeriodUnit unit, ZoneId zone, int periods, Instant observationEnd) {
    RetentionPeriods calendar = RetentionPeriods.calendar(unit, zone);
    Checks.checkAtLeast("periods", periods, 1);
    if (periods > RetentionTable.MAX_PERIODS) {
      throw new IllegalArgumentException(
          "periods (" + periods + ") must be <= " + RetentionTable.MAX_PERIODS);
    }
    Map<Object, Customer> customers = group(events, observationEnd);
    long last = calendar.period(observationEnd) - 1;
    long first = last - periods + 1;
    long[] counts = new long[periods];
    for (Customer c : customers.values()) {
      long[] active = c.activePeriods(calendar);
      int in = 0;
      for (long t : active) {
        if (t >= first && t <= last) {
          in++;
        }
      }
      if (in > 0) {
        counts[in - 1]++;
      }
    }
    return new Stickiness(unit, zone, first, observationEnd, counts);
  }

  /**
   * Counts the lifecycle of {@code events} in calendar periods: for each complete period from the
   * first with activity to the last before {@code observationEnd}, the new, returning, resurrecting
   * and dormant customers (see {@link Lifecycle}). Start events play no part.
   *
   * @param events the events, in any order
   * @param unit the calendar period unit
   * @param zone the time zone of the calendar
   * @param observationEnd the end of the observation; no event is after it
   * @return the lifecycle; no periods when no customer was active in a complete period
   * @throws NullPointerException if an argument, an event, its customer or its time is null, naming
   *     the event's index and field
   * @throws IllegalArgumentException if an event is after {@code observationEnd}, naming its index,
   *     or the activity spans more than 1,000,000 periods
   * @throws java.time.DateTimeException if an instant has no date in the zone
   */
  public Lifecycle lifecycle(
      Iterable<T> events, PeriodUnit unit, ZoneId zone, Instant observationEnd) {
    RetentionPeriods calendar = RetentionPeriods.calendar(unit, zone);
    Map<Object, Customer> customers = group(events, observationEnd);
    Lifecycle.Builder lifecycle =
        new Lifecycle.Builder(unit, zone, observationEnd, calendar.period(observationEnd) - 1);
    for (Customer c : customers.values()) {
      lifecycle.add(c.activePeriods(calendar));
    }
    return lifecycle.build();
  }

  private Map<Object, Customer> group(Iterable<T> events, Instant observationEnd) {
    Objects.requireNonNull(observationEnd, "observationEnd");
    Map<Object, Customer> customers = new LinkedHashMap<>();
    Inputs.forEachIndexed(
        events,
        "events",
        (event, i) -> {
          Object id = Inputs.field(customer.apply(event), "event", i, "customer");
          Instant at = Inputs.field(time.apply(event), "event", i, "time");
          if (at.isAfter(observationEnd)) {
            throw new IllegalArgumentException(
                "event at index "
                    + i
                    + " of customer "
                    + id
                    + " at "
                    + at
                    + " is after the observation end "
                    + observationEnd);
          }
          Customer c = customers.computeIfAbsent(id, k -> new Customer());
          if (start.test(event) && (c.start == null || at.isBefore(c.start))) {
            c.start = at;
          }
          if (activity.test(event)) {
            c.activity.add(at);
          }
        });
    return customers;
  }

  /** One customer's start and activity. */
  private static final class Customer {
    Instant start;
    final List<Instant> activity = new ArrayList<>(2);

    /** {@return the distinct calendar periods with activity, ascending} */
    long[] activePeriods(RetentionPeriods calendar) {
      Map<Long, Boolean> seen = new HashMap<>();
      for (Instant at : activity) {
        seen.put(calendar.period(at), Boolean.TRUE);
      }
      return seen.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }
}
