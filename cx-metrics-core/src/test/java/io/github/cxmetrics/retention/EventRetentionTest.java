package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRetentionTest {
  record Event(String customer, String name, Instant at) {}

  private static Event at(String customer, String name, String instant) {
    return new Event(customer, name, Instant.parse(instant));
  }

  private static final EventRetention<Event> ANY = EventRetention.of(Event::customer, Event::at);
  private static final RetentionPeriods UTC_DAYS =
      RetentionPeriods.calendar(PeriodUnit.DAY, ZoneOffset.UTC);
  private static final RetentionPeriods ROLLING_DAY =
      RetentionPeriods.rolling(Duration.ofHours(24), PeriodUnit.DAY, ZoneOffset.UTC);

  private static long[] returned(RetentionTable.Row row) {
    long[] r = new long[row.periodsObserved()];
    Arrays.setAll(r, row::returned);
    return r;
  }

  private static long[] returnedOrLater(RetentionTable.Row row) {
    long[] r = new long[row.periodsObserved()];
    Arrays.setAll(r, row::returnedOrLater);
    return r;
  }

  private static long[] observed(RetentionTable.Row row) {
    long[] r = new long[row.periodsObserved()];
    Arrays.setAll(r, row::observed);
    return r;
  }

  @Test
  void calendarDaysAndRollingWindowsDifferJustAfterMidnight() {
    // signs up at 23:45 on day 0 and is back 20 minutes later, on the next calendar day
    List<Event> events =
        List.of(at("u", "open", "2024-01-01T23:45:00Z"), at("u", "open", "2024-01-02T00:05:00Z"));
    Instant end = Instant.parse("2024-01-04T00:00:00Z");
    RetentionTable.Row calendar = ANY.table(events, UTC_DAYS, end).cohorts().get(0);
    // days 1, 2 and 3 (Jan 1, 2, 3) are complete: 3 periods observed
    assertThat(calendar.start()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(observed(calendar)).containsExactly(1, 1, 1);
    assertThat(returned(calendar)).containsExactly(1, 1, 0);
    // rolling: windows [23:45 + 24h k, 23:45 + 24h (k + 1)); 48h15m to the end holds 2 whole
    // windows, and the return 20 minutes in is still window 0
    RetentionTable.Row rolling = ANY.table(events, ROLLING_DAY, end).cohorts().get(0);
    assertThat(observed(rolling)).containsExactly(1, 1);
    assertThat(returned(rolling)).containsExactly(1, 0);
    assertThat(returnedOrLater(rolling)).containsExactly(1, 0);
  }

  @Test
  void aRollingWindowIsHalfOpenAndAWindowEndingAtTheObservationEndIsObserved() {
    List<Event> events =
        List.of(
            at("u", "open", "2024-01-01T10:00:00Z"),
            at("u", "open", "2024-01-02T10:00:00Z"), // exactly 24h: window 1
            at("v", "open", "2024-01-01T10:00:00Z"),
            at("v", "open", "2024-01-03T09:59:59.999999999Z"), // 1 ns before 48h: window 1
            at("w", "open", "2024-01-01T10:00:00Z"),
            at("w", "open", "2024-01-03T10:00:00Z")); // exactly 48h: window 2
    // the end is exactly 72h after the starts: windows 0, 1 and 2 are all observed
    RetentionTable table = ANY.table(events, ROLLING_DAY, Instant.parse("2024-01-04T10:00:00Z"));
    RetentionTable.Row row = table.cohorts().get(0);
    assertThat(observed(row)).containsExactly(3, 3, 3);
    assertThat(returned(row)).containsExactly(3, 2, 1);
    assertThat(returnedOrLater(row)).containsExactly(3, 3, 1);
    // one nanosecond earlier, window 2 is still running
    RetentionTable earlier =
        ANY.table(events, ROLLING_DAY, Instant.parse("2024-01-04T09:59:59.999999999Z"));
    assertThat(observed(earlier.cohorts().get(0))).containsExactly(3, 3);
  }

  @Test
  void theTimeZoneDecidesTheDayAndDaylightSavingTimeShortensOne() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // 2024-03-31 00:30 in Berlin (CET, +1) is 2024-03-30T23:30Z; clocks go forward at 02:00, and
    // 2024-04-01 00:15 in Berlin (CEST, +2) is 2024-03-31T22:15Z: 22h45m later, one Berlin day on
    List<Event> events =
        List.of(at("u", "open", "2024-03-30T23:30:00Z"), at("u", "open", "2024-03-31T22:15:00Z"));
    Instant end = Instant.parse("2024-04-03T00:00:00Z");
    RetentionTable inBerlin =
        ANY.table(events, RetentionPeriods.calendar(PeriodUnit.DAY, berlin), end);
    RetentionTable.Row row = inBerlin.cohorts().get(0);
    assertThat(row.start()).isEqualTo(LocalDate.parse("2024-03-31"));
    // Berlin days 03-31, 04-01 and 04-02 are complete at 2024-04-03T00:00Z (02:00 in Berlin)
    assertThat(returned(row)).containsExactly(1, 1, 0);
    // in UTC the start is on 03-30 and the return on 03-31: also day 1, of a different cohort
    RetentionTable.Row utc = ANY.table(events, UTC_DAYS, end).cohorts().get(0);
    assertThat(utc.start()).isEqualTo(LocalDate.parse("2024-03-30"));
    assertThat(returned(utc)).containsExactly(1, 1, 0, 0);
    // 24-hour windows: 22h45m is window 0, not a return
    RetentionTable.Row rolling =
        ANY.table(
                events, RetentionPeriods.rolling(Duration.ofHours(24), PeriodUnit.DAY, berlin), end)
            .cohorts()
            .get(0);
    assertThat(returned(rolling)).containsExactly(1, 0, 0);
    // a Berlin morning event is on the same Berlin day as one late the previous UTC evening
    List<Event> sameDay =
        List.of(at("v", "open", "2024-03-30T23:30:00Z"), at("v", "open", "2024-03-31T20:00:00Z"));
    assertThat(
            returned(
                ANY.table(sameDay, RetentionPeriods.calendar(PeriodUnit.DAY, berlin), end)
                    .cohorts()
                    .get(0)))
        .containsExactly(1, 0, 0);
  }

  @Test
  void aStartEventDifferentFromTheReturnEvent() {
    EventRetention<Event> signupThenPurchase =
        ANY.startingWith(e -> e.name().equals("signup")).activeWhen(e -> e.name().equals("buy"));
    List<Event> events =
        List.of(
            at("x", "buy", "2024-01-01T12:00:00Z"), // before x's signup: not a return
            at("x", "signup", "2024-01-02T12:00:00Z"),
            at("x", "buy", "2024-01-04T12:00:00Z"), // day 2 after the signup
            at("z", "signup", "2024-01-04T08:00:00Z"),
            at("z", "signup", "2024-01-02T08:00:00Z"), // z's earliest signup, given later
            at("z", "view", "2024-01-03T08:00:00Z"), // neither start nor return
            at("z", "buy", "2024-01-02T09:00:00Z"), // the signup day: period 0, not a return
            at("y", "buy", "2024-01-03T12:00:00Z")); // no signup: in no cohort
    RetentionTable table =
        signupThenPurchase.table(events, UTC_DAYS, Instant.parse("2024-01-06T00:00:00Z"));
    assertThat(table.customers()).isEqualTo(2);
    assertThat(table.customersWithoutStart()).isEqualTo(1);
    RetentionTable.Row row = table.cohorts().get(0);
    assertThat(row.start()).isEqualTo(LocalDate.parse("2024-01-02"));
    assertThat(row.customers()).isEqualTo(2);
    // Jan 2 to Jan 5 are complete: four periods
    assertThat(returned(row)).containsExactly(2, 0, 1, 0);
    assertThat(returnedOrLater(row)).containsExactly(2, 1, 1, 0);
  }

  @Test
  void equalTimesAndOutOfOrderInputAndACohortStillRunning() {
    List<Event> events =
        List.of(
            at("b", "open", "2024-01-03T10:00:00Z"),
            at("a", "open", "2024-01-03T07:00:00Z"),
            at("a", "open", "2024-01-01T07:00:00Z"), // a's start, given after its return
            at("a", "open", "2024-01-01T07:00:00Z"), // the same instant twice
            at("c", "open", "2024-01-04T01:00:00Z")); // in the running day
    RetentionTable table = ANY.table(events, UTC_DAYS, Instant.parse("2024-01-04T06:00:00Z"));
    List<RetentionTable.Row> rows = table.cohorts();
    assertThat(rows)
        .extracting(RetentionTable.Row::start)
        .containsExactly(
            LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-01-03"),
            LocalDate.parse("2024-01-04"));
    assertThat(returned(rows.get(0))).containsExactly(1, 0, 1);
    assertThat(returned(rows.get(1))).containsExactly(1);
    assertThat(rows.get(2).customers()).isEqualTo(1);
    assertThat(rows.get(2).periodsObserved()).isZero();
    // period 0 is observed for a and b only; period 2 for a only
    assertThat(table.retention(0)).isEqualTo(Proportion.of(2, 2));
    assertThat(table.retention(2)).isEqualTo(Proportion.of(1, 1));
    assertThat(table.retention(3)).isEqualTo(Proportion.EMPTY);
    assertThat(table.retentionCurve()).hasSize(3);
    assertThat(table.customers()).isEqualTo(3);
  }

  @Test
  void stickinessCountsActivePeriodsInTheLastCompleteOnes() {
    List<Event> events = new ArrayList<>();
    events.add(at("a", "open", "2024-01-01T09:00:00Z"));
    events.add(at("a", "open", "2024-01-02T09:00:00Z"));
    events.add(at("a", "open", "2024-01-02T19:00:00Z")); // twice on one day: one period
    events.add(at("a", "open", "2024-01-03T09:00:00Z"));
    events.add(at("b", "open", "2024-01-07T09:00:00Z"));
    events.add(at("b", "open", "2024-01-08T01:00:00Z")); // the running day: not counted
    events.add(at("c", "open", "2023-12-31T09:00:00Z")); // before the seven days
    for (int d = 1; d <= 7; d++) {
      events.add(at("d", "open", "2024-01-0" + d + "T12:00:00Z"));
    }
    Stickiness s =
        ANY.stickiness(
            events, PeriodUnit.DAY, ZoneOffset.UTC, 7, Instant.parse("2024-01-08T03:00:00Z"));
    assertThat(s.firstPeriod()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(s.periods()).isEqualTo(7);
    long[] counts = new long[7];
    Arrays.setAll(counts, j -> s.customersActiveIn(j + 1));
    assertThat(counts).containsExactly(1, 0, 1, 0, 0, 0, 1);
    assertThat(s.customers()).isEqualTo(3);
    assertThat(s.customersActiveInAtLeast(3)).isEqualTo(2);
    assertThat(s.meanActivePeriods()).isCloseTo((1 + 3 + 7) / 3.0, within(1e-15));
    assertThat(s.ratio()).isCloseTo((1 + 3 + 7) / 21.0, within(1e-15));
    assertThatThrownBy(() -> s.customersActiveIn(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activePeriods (0) must be in [1, 7]");
    Stickiness none =
        ANY.stickiness(
            List.of(), PeriodUnit.DAY, ZoneOffset.UTC, 7, Instant.parse("2024-01-08T03:00:00Z"));
    assertThat(none.customers()).isZero();
    assertThatThrownBy(none::ratio)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no active customer");
  }

  @Test
  void lifecycleCountsNewReturningResurrectingAndDormant() {
    List<Event> events =
        List.of(
            at("a", "open", "2024-01-01T09:00:00Z"),
            at("a", "open", "2024-01-02T09:00:00Z"),
            at("a", "open", "2024-01-04T09:00:00Z"),
            at("b", "open", "2024-01-02T09:00:00Z"),
            at("b", "open", "2024-01-03T09:00:00Z"),
            at("c", "open", "2024-01-05T09:00:00Z"),
            at("d", "open", "2024-01-06T01:00:00Z")); // the running day: d is not in it
    Lifecycle lifecycle =
        ANY.lifecycle(
            events, PeriodUnit.DAY, ZoneOffset.UTC, Instant.parse("2024-01-06T02:00:00Z"));
    // by hand: Jan 1 a new; Jan 2 a returning, b new; Jan 3 b returning, a dormant; Jan 4 a
    // resurrecting, b dormant; Jan 5 c new, a dormant
    assertThat(lifecycle.periods())
        .containsExactly(
            new Lifecycle.Period(LocalDate.parse("2024-01-01"), 1, 0, 0, 0),
            new Lifecycle.Period(LocalDate.parse("2024-01-02"), 1, 1, 0, 0),
            new Lifecycle.Period(LocalDate.parse("2024-01-03"), 0, 1, 0, 1),
            new Lifecycle.Period(LocalDate.parse("2024-01-04"), 0, 0, 1, 1),
            new Lifecycle.Period(LocalDate.parse("2024-01-05"), 1, 0, 0, 1));
    assertThat(lifecycle.periods().get(1).active()).isEqualTo(2);
    assertThat(lifecycle.periods().get(4).quickRatio()).isEqualTo(1.0);
    assertThat(lifecycle.periods().get(0).quickRatio()).isEqualTo(Double.POSITIVE_INFINITY);
    Lifecycle empty =
        ANY.lifecycle(
            List.of(), PeriodUnit.DAY, ZoneOffset.UTC, Instant.parse("2024-01-06T02:00:00Z"));
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.merge(lifecycle)).isEqualTo(lifecycle);
    assertThatThrownBy(() -> new Lifecycle.Period(LocalDate.EPOCH, 0, 3, 0, 0).quickRatio())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing gained or lost");
  }

  @Test
  void badInputIsRefusedNamingTheEventAndField() {
    Instant end = Instant.parse("2024-01-06T00:00:00Z");
    List<Event> nullCustomer =
        Arrays.asList(at("a", "open", "2024-01-01T00:00:00Z"), new Event(null, "open", end));
    assertThatThrownBy(() -> ANY.table(nullCustomer, UTC_DAYS, end))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("event at index 1 has a null customer");
    List<Event> nullTime = Arrays.asList(new Event("a", "open", null));
    assertThatThrownBy(() -> ANY.lifecycle(nullTime, PeriodUnit.DAY, ZoneOffset.UTC, end))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("event at index 0 has a null time");
    List<Event> nullEvent = Arrays.asList(at("a", "open", "2024-01-01T00:00:00Z"), null);
    assertThatThrownBy(() -> ANY.table(nullEvent, UTC_DAYS, end))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("events contains null at index 1");
    List<Event> late = List.of(at("a", "open", "2024-01-06T00:00:00.001Z"));
    assertThatThrownBy(() -> ANY.table(late, UTC_DAYS, end))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "event at index 0 of customer a at 2024-01-06T00:00:00.001Z is after the observation"
                + " end 2024-01-06T00:00:00Z");
    assertThatThrownBy(() -> ANY.stickiness(List.of(), PeriodUnit.DAY, ZoneOffset.UTC, 0, end))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periods (0)");
    assertThatThrownBy(
            () -> RetentionPeriods.rolling(Duration.ZERO, PeriodUnit.DAY, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window (PT0S) must be positive");
    assertThatThrownBy(() -> ANY.table(List.of(), null, end))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("periods");
    assertThatThrownBy(() -> ANY.table(List.of(), UTC_DAYS, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("observationEnd");
    // a start a century before the end in one-second windows is refused, not allocated
    List<Event> old = List.of(at("a", "open", "1924-01-01T00:00:00Z"));
    assertThatThrownBy(
            () ->
                ANY.table(
                    old,
                    RetentionPeriods.rolling(Duration.ofSeconds(1), PeriodUnit.DAY, ZoneOffset.UTC),
                    end))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1000000; use a longer period");
  }

  @Test
  void valuesOfDifferentDefinitionsRefuseToMerge() {
    Instant end = Instant.parse("2024-01-06T00:00:00Z");
    RetentionTable days = ANY.table(List.of(), UTC_DAYS, end);
    assertThatThrownBy(() -> days.merge(ANY.table(List.of(), ROLLING_DAY, end)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot merge a retention table in calendar DAY in Z observed to 2024-01-06T00:00:00Z"
                + " with one in rolling PT24H, cohorts by DAY in Z observed to"
                + " 2024-01-06T00:00:00Z");
    assertThatThrownBy(() -> days.merge(ANY.table(List.of(), UTC_DAYS, end.plusSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class);
    Stickiness week = ANY.stickiness(List.of(), PeriodUnit.DAY, ZoneOffset.UTC, 7, end);
    assertThatThrownBy(
            () -> week.merge(ANY.stickiness(List.of(), PeriodUnit.DAY, ZoneOffset.UTC, 6, end)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot merge Stickiness[7 DAY");
    Lifecycle days2 = ANY.lifecycle(List.of(), PeriodUnit.DAY, ZoneOffset.UTC, end);
    assertThatThrownBy(
            () -> days2.merge(ANY.lifecycle(List.of(), PeriodUnit.WEEK, ZoneOffset.UTC, end)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
