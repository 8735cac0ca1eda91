package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the windowed funnel: every order at its edges. */
class WindowedFunnelTest {
  record Event(String customer, String stage, Instant time) {}

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-12-31T00:00:00Z");
  private static final List<String> ABC = List.of("A", "B", "C");

  private static Event e(String customer, String stage, Duration after) {
    return new Event(customer, stage, T0.plus(after));
  }

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  private static FunnelResult<String> count(WindowedFunnel<String> funnel, Event... events) {
    return funnel.count(Arrays.asList(events), Event::customer, Event::stage, Event::time, END);
  }

  private static long[] reached(Funnel<String> funnel) {
    return funnel.stages().stream().mapToLong(funnel::reached).toArray();
  }

  private static WindowedFunnel<String> funnel(FunnelOrder order, long windowHours) {
    return WindowedFunnel.of(ABC, h(windowHours), order);
  }

  @Test
  void anEventExactlyAtTheWindowCounts() {
    WindowedFunnel<String> day = funnel(FunnelOrder.ORDERED, 24);
    assertThat(reached(count(day, e("u", "A", h(0)), e("u", "B", h(24))).decided()))
        .containsExactly(1, 1, 0);
    Event late = new Event("u", "B", T0.plus(h(24)).plusNanos(1));
    assertThat(reached(count(day, e("u", "A", h(0)), late).decided())).containsExactly(1, 0, 0);
    // the window runs from the first step: C 20 hours after B is 30 after A
    assertThat(
            reached(
                count(day, e("u", "A", h(0)), e("u", "B", h(10)), e("u", "C", h(30))).decided()))
        .containsExactly(1, 1, 0);
  }

  @Test
  void equalTimesAdvanceInEitherInputOrderAndEventsMaySitInAnyOrder() {
    WindowedFunnel<String> day = funnel(FunnelOrder.ORDERED, 24);
    long[] expected = {1, 1, 1};
    assertThat(
            reached(count(day, e("u", "B", h(1)), e("u", "A", h(1)), e("u", "C", h(2))).decided()))
        .containsExactly(expected);
    assertThat(
            reached(count(day, e("u", "C", h(2)), e("u", "A", h(1)), e("u", "B", h(1))).decided()))
        .containsExactly(expected);
    // strictly increasing times: B at A's instant does not advance
    assertThat(
            reached(
                count(day.withStrictlyIncreasingTimes(), e("u", "A", h(1)), e("u", "B", h(1)))
                    .decided()))
        .containsExactly(1, 0, 0);
  }

  @Test
  void aCustomerWhoRestartsIsJudgedByTheLatestChainThatGoesFurthest() {
    WindowedFunnel<String> week = funnel(FunnelOrder.ORDERED, 7 * 24);
    // A on day 0, B on day 10: too late. A again on day 9, B on day 10: converts within a day
    FunnelResult<String> result =
        count(week, e("u", "A", h(0)), e("u", "A", h(9 * 24)), e("u", "B", h(10 * 24)));
    assertThat(reached(result.decided())).containsExactly(1, 1, 0);
    assertThat(result.conversionTimes(0).median()).isEqualTo(h(24));
    // two chains reaching B: the later start is kept (B at 30 h from A at 28 h: 2 hours)
    FunnelResult<String> twice =
        count(week, e("v", "A", h(0)), e("v", "B", h(5)), e("v", "A", h(28)), e("v", "B", h(30)));
    assertThat(twice.conversionTimes(0).median()).isEqualTo(h(2));
    assertThat(twice.conversionTimes(0).count()).isEqualTo(1);
  }

  @Test
  void customersStillInsideTheirWindowAreInProgress() {
    Instant end = T0.plus(h(100));
    WindowedFunnel<String> week = funnel(FunnelOrder.ORDERED, 7 * 24);
    List<Event> events =
        List.of(
            e("done", "A", h(0)),
            e("done", "B", h(1)),
            e("done", "C", h(2)),
            e("open", "A", h(90)),
            e("open", "B", h(95)), // until hour 258
            e("closed", "A", h(-100)), // window ended at hour 68
            e("onlyB", "B", h(50)));
    FunnelResult<String> result =
        week.count(events, Event::customer, Event::stage, Event::time, end);
    assertThat(reached(result.decided())).containsExactly(2, 1, 1);
    assertThat(result.inProgress(1)).isEqualTo(1);
    assertThat(result.inProgress(0)).isZero();
    assertThat(result.inProgress()).isEqualTo(1);
    assertThat(reached(result.all())).containsExactly(3, 2, 1);
    assertThat(result.notStarted()).isEqualTo(1);
    // a per-step window can close a chain earlier: B to C within 2 hours, by hour 97
    FunnelResult<String> stepped =
        week.withStepWindow(1, h(2)).count(events, Event::customer, Event::stage, Event::time, end);
    assertThat(stepped.inProgress()).isZero();
    assertThat(reached(stepped.decided())).containsExactly(3, 2, 1);
    // conversion times of in-progress customers count: A to B in 1 and 5 hours
    assertThat(result.conversionTimes(0).count()).isEqualTo(2);
    assertThat(result.conversionTimes(0).quantile(1)).isEqualTo(h(5));
    assertThat(result.conversionTimes(1).count()).isEqualTo(1);
  }

  @Test
  void conversionTimesAtAResolutionOfNoWholeNumberOfTicks() {
    // 300 years has more nanoseconds than a long holds; 1.5 ms is no whole number of milliseconds
    WindowedFunnel<String> centuries =
        funnel(FunnelOrder.ORDERED, 48).withResolution(Duration.ofDays(365 * 300));
    assertThat(count(centuries, e("u", "A", h(0)), e("u", "B", h(5))).conversionTimes(0).median())
        .isEqualTo(Duration.ZERO);
    WindowedFunnel<String> odd =
        funnel(FunnelOrder.ORDERED, 48).withResolution(Duration.ofNanos(1_500_000));
    long t = T0.toEpochMilli();
    FunnelResult<String> columns =
        odd.count(1, new int[] {0, 0}, new int[] {0, 1}, new long[] {t, t + 4}, END.toEpochMilli());
    // 4 ms is two whole units of 1.5 ms
    assertThat(columns.conversionTimes(0).median()).isEqualTo(Duration.ofNanos(3_000_000));
  }

  @Test
  void perStepWindowsStopAChainThatTheWholeWindowAllows() {
    WindowedFunnel<String> stepped = funnel(FunnelOrder.ORDERED, 48).withStepWindow(0, h(1));
    assertThat(reached(count(stepped, e("u", "A", h(0)), e("u", "B", h(2))).decided()))
        .containsExactly(1, 0, 0);
    assertThat(reached(count(stepped, e("u", "A", h(0)), e("u", "B", h(1))).decided()))
        .containsExactly(1, 1, 0);
  }

  @Test
  void exclusionsEndTheChainBetweenTheirSteps() {
    WindowedFunnel<String> cancelBeforeB = funnel(FunnelOrder.ORDERED, 24).excluding("X", 0);
    assertThat(
            reached(
                count(cancelBeforeB, e("u", "A", h(0)), e("u", "X", h(1)), e("u", "B", h(2)))
                    .decided()))
        .containsExactly(1, 0, 0);
    // at A's own instant, or after B, X does not exclude
    assertThat(
            reached(
                count(cancelBeforeB, e("u", "A", h(0)), e("u", "X", h(0)), e("u", "B", h(2)))
                    .decided()))
        .containsExactly(1, 1, 0);
    assertThat(
            reached(
                count(
                        cancelBeforeB,
                        e("u", "A", h(0)),
                        e("u", "B", h(2)),
                        e("u", "X", h(3)),
                        e("u", "C", h(4)))
                    .decided()))
        .containsExactly(1, 1, 1);
    // a fresh start after the exclusion converts
    assertThat(
            reached(
                count(
                        cancelBeforeB,
                        e("u", "A", h(0)),
                        e("u", "X", h(1)),
                        e("u", "A", h(2)),
                        e("u", "B", h(3)))
                    .decided()))
        .containsExactly(1, 1, 0);
    // an excluded customer is not in progress, though inside the window
    FunnelResult<String> excluded =
        cancelBeforeB.count(
            List.of(e("u", "A", h(0)), e("u", "X", h(1))),
            Event::customer,
            Event::stage,
            Event::time,
            T0.plus(h(2)));
    assertThat(excluded.inProgress()).isZero();
    assertThat(reached(excluded.decided())).containsExactly(1, 0, 0);
  }

  @Test
  void strictOrderAllowsNoOtherFunnelStageBetweenSteps() {
    Event[] events = {e("u", "A", h(0)), e("u", "C", h(1)), e("u", "B", h(2)), e("u", "C", h(3))};
    assertThat(reached(count(funnel(FunnelOrder.ORDERED, 24), events).decided()))
        .containsExactly(1, 1, 1);
    // C between A and B ends the chain at A
    assertThat(reached(count(funnel(FunnelOrder.STRICT, 24), events).decided()))
        .containsExactly(1, 0, 0);
    // a repeat of the step just reached is allowed
    assertThat(
            reached(
                count(
                        funnel(FunnelOrder.STRICT, 24),
                        e("u", "A", h(0)),
                        e("u", "B", h(1)),
                        e("u", "B", h(2)),
                        e("u", "C", h(3)))
                    .decided()))
        .containsExactly(1, 1, 1);
  }

  @Test
  void anyOrderNeedsEveryEarlierStageInTheWindow() {
    WindowedFunnel<String> any = funnel(FunnelOrder.ANY, 24);
    FunnelResult<String> result =
        count(
            any,
            e("ba", "B", h(0)),
            e("ba", "A", h(5)),
            e("c", "C", h(0)),
            e("ac", "A", h(0)),
            e("ac", "C", h(1)),
            e("far", "A", h(0)),
            e("far", "B", h(25)));
    // ba reaches B (both in 5 hours, B first); ac only A (no B); far only A (B outside); c none
    assertThat(reached(result.decided())).containsExactly(3, 1, 0);
    assertThat(result.notStarted()).isEqualTo(1);
    // stage 1 is complete when both A and B have occurred: at A, 5 hours in; 0 after stage 0
    assertThat(result.conversionTimes(0).median()).isEqualTo(Duration.ZERO);
  }

  @Test
  void windowsAreDurationsAcrossDaylightSavingChanges() {
    // Europe/Berlin springs forward on 2024-03-31: local midnight to midnight is 23 hours
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant sunday = LocalDateTime.parse("2024-03-31T00:30").atZone(berlin).toInstant();
    Instant monday = LocalDateTime.parse("2024-04-01T00:30").atZone(berlin).toInstant();
    assertThat(Duration.between(sunday, monday)).isEqualTo(h(23));
    WindowedFunnel<String> twentyThreeHours = funnel(FunnelOrder.ORDERED, 23);
    List<Event> events = List.of(new Event("u", "A", sunday), new Event("u", "B", monday));
    assertThat(
            reached(
                twentyThreeHours
                    .count(events, Event::customer, Event::stage, Event::time, END)
                    .decided()))
        .containsExactly(1, 1, 0);
  }

  @Test
  void resultsOfDisjointCustomersMerge() {
    WindowedFunnel<String> day = funnel(FunnelOrder.ORDERED, 24);
    List<Event> first = List.of(e("a", "A", h(0)), e("a", "B", h(1)), e("b", "B", h(1)));
    List<Event> second = List.of(e("c", "A", h(0)), e("c", "B", h(3)), e("c", "C", h(4)));
    List<Event> both = new ArrayList<>(first);
    both.addAll(second);
    FunnelResult<String> merged =
        day.count(first, Event::customer, Event::stage, Event::time, END)
            .merge(day.count(second, Event::customer, Event::stage, Event::time, END));
    assertThat(merged).isEqualTo(day.count(both, Event::customer, Event::stage, Event::time, END));
    assertThat(merged.hashCode())
        .isEqualTo(day.count(both, Event::customer, Event::stage, Event::time, END).hashCode());
    assertThat(merged.conversionTimes(0).count()).isEqualTo(2);
    assertThat(merged.toString())
        .isEqualTo("FunnelResult[decided [2, 2, 1], in progress [0, 0, 0], not started 1]");
    FunnelResult<String> other =
        funnel(FunnelOrder.STRICT, 24)
            .count(first, Event::customer, Event::stage, Event::time, END);
    assertThatThrownBy(() -> merged.merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge results of WindowedFunnel[ORDERED");
  }

  @Test
  void badInputIsNamed() {
    WindowedFunnel<String> day = funnel(FunnelOrder.ORDERED, 24);
    assertThatThrownBy(() -> count(day, e("u", "A", h(0)), new Event(null, "B", T0)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("index 1")
        .hasMessageContaining("customer");
    assertThatThrownBy(() -> count(day, new Event("u", null, T0)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("stage");
    assertThatThrownBy(() -> count(day, new Event("u", "A", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("time");
    assertThatThrownBy(() -> count(day, e("u", "A", h(0)), e("u", "Z", h(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event at index 1 names stage Z, neither a stage of the funnel [A, B, C]");
    assertThatThrownBy(() -> count(day.excluding("X", 1), e("u", "Z", h(1))))
        .hasMessageEndingWith("nor an exclusion [X]");
    assertThatThrownBy(
            () ->
                day.count(
                    List.of(e("u", "A", h(2))),
                    Event::customer,
                    Event::stage,
                    Event::time,
                    T0.plus(h(1))))
        .hasMessage(
            "event at index 0 at 2024-01-01T02:00:00Z is after the observation end 2024-01-01T01:00:00Z");
    assertThatThrownBy(() -> WindowedFunnel.of(ABC, Duration.ZERO, FunnelOrder.ORDERED))
        .hasMessage("window (PT0S) must be positive");
    assertThatThrownBy(() -> WindowedFunnel.of(ABC, h(-1), FunnelOrder.ORDERED))
        .hasMessage("window (PT-1H) must be positive");
    assertThatThrownBy(() -> WindowedFunnel.of(List.of("A"), h(1), FunnelOrder.ORDERED))
        .hasMessageContaining("at least two stages");
    assertThatThrownBy(() -> day.withStepWindow(2, h(1)))
        .hasMessage("step (2) must be in [0, 1] for the stages [A, B, C]");
    assertThatThrownBy(() -> day.withStepWindow(0, Duration.ZERO))
        .hasMessage("step window (PT0S) must be positive");
    assertThatThrownBy(() -> day.excluding("B", 0))
        .hasMessage("the exclusion B is a stage of the funnel [A, B, C]");
    assertThatThrownBy(() -> day.excluding("X", -1)).hasMessageContaining("step (-1)");
    WindowedFunnel<String> any = funnel(FunnelOrder.ANY, 24);
    assertThatThrownBy(() -> any.withStepWindow(0, h(1)))
        .hasMessage("a per-step window needs an ordered funnel (ORDERED or STRICT), not ANY");
    assertThatThrownBy(() -> any.excluding("X", 0))
        .hasMessageContaining("an exclusion needs an ordered funnel");
    assertThatThrownBy(any::withStrictlyIncreasingTimes)
        .hasMessageContaining("needs an ordered funnel");
    assertThatThrownBy(() -> day.withResolution(Duration.ZERO))
        .hasMessage("resolution (PT0S) must be positive");
    assertThatThrownBy(() -> count(day).inProgress(2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> count(day).conversionTimes(2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void definitionsAreValues() {
    WindowedFunnel<String> a =
        funnel(FunnelOrder.ORDERED, 24).withStepWindow(1, h(2)).excluding("X", 0);
    WindowedFunnel<String> b =
        funnel(FunnelOrder.ORDERED, 24).excluding("X", 0).withStepWindow(1, h(2)).excluding("X", 0);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a)
        .isNotEqualTo(funnel(FunnelOrder.ORDERED, 24))
        .isNotEqualTo(a.withStrictlyIncreasingTimes())
        .isNotEqualTo(a.withResolution(Duration.ofMillis(1)))
        .isNotEqualTo(funnel(FunnelOrder.STRICT, 24));
    assertThat(a)
        .hasToString(
            "WindowedFunnel[ORDERED [A, B, C] within PT24H, step windows [null, PT2H], excluding {X=[0]}]");
    assertThat(a.stages()).isEqualTo(ABC);
    assertThat(a.steps()).isEqualTo(2);
    assertThat(a.window()).isEqualTo(h(24));
    assertThat(a.order()).isEqualTo(FunnelOrder.ORDERED);
    assertThat(a.resolution()).isEqualTo(Duration.ofSeconds(1));
    assertThat(count(a).definition()).isEqualTo(a);
    assertThat(a.withStrictlyIncreasingTimes().toString()).endsWith(", strictly increasing times]");
  }

  @Test
  void badColumnsAreNamed() {
    WindowedFunnel<String> day = funnel(FunnelOrder.ORDERED, 24).excluding("X", 0);
    assertThat(day.exclusionStages()).containsExactly("X");
    long t = T0.toEpochMilli();
    long end = END.toEpochMilli();
    // customer 1: A then B an hour later; the exclusion X has code 3
    FunnelResult<String> result =
        day.count(
            2, new int[] {1, 1, 0}, new int[] {1, 0, 3}, new long[] {t + 3_600_000, t, t}, end);
    assertThat(reached(result.decided())).containsExactly(1, 1, 0);
    assertThat(result.notStarted()).isEqualTo(1);
    assertThat(result.conversionTimes(0).median()).isEqualTo(h(1));
    assertThatThrownBy(() -> day.count(1, new int[] {0}, new int[] {0, 1}, new long[] {t}, end))
        .hasMessage("the columns differ in length: customer 1, stage 2, epochMillis 1");
    assertThatThrownBy(() -> day.count(1, new int[] {1}, new int[] {0}, new long[] {t}, end))
        .hasMessage("customer index 1 at index 0 is outside [0, 1)");
    assertThatThrownBy(() -> day.count(1, new int[] {0}, new int[] {4}, new long[] {t}, end))
        .hasMessage("stage code 4 at index 0 is outside [0, 4)");
    assertThatThrownBy(() -> day.count(1, new int[] {0}, new int[] {0}, new long[] {end + 1}, end))
        .hasMessage("time " + (end + 1) + " at index 0 is after the observation end " + end);
    assertThatThrownBy(() -> day.count(-1, new int[0], new int[0], new long[0], end))
        .hasMessage("customers (-1) must be >= 0");
    assertThatThrownBy(() -> day.count(0, null, new int[0], new long[0], end))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> count(day, new Event("u", "A", Instant.parse("1600-01-01T00:00:00Z"))))
        .hasMessageContaining("is outside the years 1678 to 2262");
  }

  @Test
  void aDefinitionRebuiltFromWhatItReportsEqualsIt() {
    WindowedFunnel<String> plain = funnel(FunnelOrder.ORDERED, 24);
    assertThat(plain.stepWindow(0)).isEmpty();
    assertThat(plain.exclusionSteps("X")).isEmpty();
    assertThat(plain.strictlyIncreasingTimes()).isFalse();
    WindowedFunnel<String> full =
        plain
            .withStepWindow(1, h(2))
            .excluding("X", 1)
            .excluding("X", 0)
            .excluding("Y", 1)
            .withStrictlyIncreasingTimes()
            .withResolution(Duration.ofMinutes(1));
    assertThat(full.stepWindow(0)).isEmpty();
    assertThat(full.stepWindow(1)).contains(h(2));
    assertThat(full.exclusionSteps("X")).containsExactly(0, 1);
    assertThat(full.exclusionSteps("Y")).containsExactly(1);
    assertThat(full.strictlyIncreasingTimes()).isTrue();
    // every setting, read back and applied to a fresh definition, gives an equal one
    WindowedFunnel<String> rebuilt =
        WindowedFunnel.of(full.stages(), full.window(), full.order())
            .withResolution(full.resolution());
    for (int step = 0; step < full.steps(); step++) {
      if (full.stepWindow(step).isPresent()) {
        rebuilt = rebuilt.withStepWindow(step, full.stepWindow(step).get());
      }
    }
    for (String stage : full.exclusionStages()) {
      for (int step : full.exclusionSteps(stage)) {
        rebuilt = rebuilt.excluding(stage, step);
      }
    }
    rebuilt = rebuilt.withStrictlyIncreasingTimes();
    assertThat(rebuilt).isEqualTo(full).isNotEqualTo(plain);
    assertThatThrownBy(() -> full.stepWindow(2))
        .hasMessage("step (2) must be in [0, 1] for the stages [A, B, C]");
    assertThatThrownBy(() -> full.exclusionSteps(null)).isInstanceOf(NullPointerException.class);
  }
}
