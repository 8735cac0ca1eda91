package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.stats.Proportion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published retention figures, each with its source. */
class EventRetentionReferenceTest {
  record Event(String user, Instant at) {}

  private static Event day(String user, int day, int hour) {
    return new Event(
        user, Instant.parse("2023-01-02T00:00:00Z").plusSeconds(86_400L * day + 3_600L * hour));
  }

  /**
   * PostHog issue 13748 ("allow reporting on unbounded retention",
   * https://github.com/PostHog/posthog/issues/13748): three users on day 0; one returns on day 1,
   * one on day 5, one never. N-day retention is 100%, 33%, 0, 0, 0, 33%, 0 for days 0 to 6;
   * unbounded retention 100%, 66%, 33%, 33%, 33%, 33%, 0 (the issue truncates 2/3 to 66%).
   */
  @Test
  void postHogIssue13748ThreeUsers() {
    List<Event> events =
        List.of(day("a", 0, 9), day("b", 0, 12), day("c", 0, 18), day("a", 1, 10), day("b", 5, 8));
    // observed through the end of day 6: day 7 has just begun
    RetentionTable table =
        EventRetention.of(Event::user, Event::at)
            .table(
                events,
                RetentionPeriods.calendar(PeriodUnit.DAY, ZoneOffset.UTC),
                Instant.parse("2023-01-09T00:00:00Z"));
    assertThat(table.periodsObserved()).isEqualTo(7);
    long[] nDay = {3, 1, 0, 0, 0, 1, 0};
    long[] unbounded = {3, 2, 1, 1, 1, 1, 0};
    for (int k = 0; k < 7; k++) {
      assertThat(table.retention(k)).isEqualTo(Proportion.of(nDay[k], 3));
      assertThat(table.unboundedRetention(k)).isEqualTo(Proportion.of(unbounded[k], 3));
    }
    assertThat(Math.floor(100 * table.unboundedRetention(1).score())).isEqualTo(66);
    assertThat(Math.floor(100 * table.retention(1).score())).isEqualTo(33);
  }
}
