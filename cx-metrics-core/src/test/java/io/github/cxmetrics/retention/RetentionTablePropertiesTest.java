package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.laws.MergeableLaws;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The merge laws of {@link RetentionTable} in rolling 10-hour windows with weekly cohorts in
 * Berlin, and its invariants in both kinds of period.
 */
class RetentionTablePropertiesTest extends MergeableLaws<RetentionTable, RandomEvents.Customer> {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final RetentionPeriods ROLLING =
      RetentionPeriods.rolling(Duration.ofHours(10), PeriodUnit.WEEK, BERLIN);
  private static final RetentionPeriods WEEKS = RetentionPeriods.calendar(PeriodUnit.WEEK, BERLIN);

  @Override
  protected Gen<List<RandomEvents.Customer>> inputs() {
    return RandomEvents.customers();
  }

  @Override
  protected RetentionTable of(List<RandomEvents.Customer> input) {
    return RandomEvents.SIGNUP_THEN_BUY.table(
        RandomEvents.events(input), ROLLING, RandomEvents.END);
  }

  @Override
  protected RetentionTable empty() {
    return of(List.of());
  }

  @Test
  void unboundedIsAtLeastNPeriodAndNeverRisesWithinACohort() {
    qt().forAll(RandomEvents.customers())
        .checkAssert(
            input -> {
              for (RetentionPeriods periods : List.of(ROLLING, WEEKS)) {
                RetentionTable table =
                    RandomEvents.SIGNUP_THEN_BUY.table(
                        RandomEvents.events(input), periods, RandomEvents.END);
                for (RetentionTable.Row row : table.cohorts()) {
                  for (int k = 0; k < row.periodsObserved(); k++) {
                    assertThat(row.returned(k)).isBetween(0L, row.returnedOrLater(k));
                    assertThat(row.returnedOrLater(k)).isLessThanOrEqualTo(row.observed(k));
                    assertThat(row.observed(k)).isLessThanOrEqualTo(row.customers());
                    if (k > 0) {
                      // observed counts fall with k, and so do the "or later" returns
                      assertThat(row.observed(k)).isLessThanOrEqualTo(row.observed(k - 1));
                      assertThat(row.returnedOrLater(k))
                          .isLessThanOrEqualTo(row.returnedOrLater(k - 1));
                    }
                  }
                  if (row.periodsObserved() > 0) {
                    assertThat(row.observed(0)).isEqualTo(row.returned(0));
                  }
                }
                assertThat(table.customers() + table.customersWithoutStart())
                    .isEqualTo(input.stream().filter(c -> !c.events().isEmpty()).count());
              }
            });
  }

  @Test
  void eachReturnIsCountedFromAPerCustomerRecount() {
    // a second algorithm: for every customer, find its signup and the offsets of its purchases
    // directly, then compare with the table cell by cell in calendar weeks
    qt().forAll(RandomEvents.customers())
        .checkAssert(
            input -> {
              RetentionTable table =
                  RandomEvents.SIGNUP_THEN_BUY.table(
                      RandomEvents.events(input), WEEKS, RandomEvents.END);
              long endWeek = PeriodUnit.WEEK.index(RandomEvents.END.atZone(BERLIN).toLocalDate());
              Map<Long, long[]> back = new TreeMap<>();
              for (RandomEvents.Customer c : input) {
                Instant start =
                    c.events().stream()
                        .filter(e -> e.name().equals("signup"))
                        .map(RandomEvents.Event::at)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
                if (start == null) {
                  continue;
                }
                long cohort = PeriodUnit.WEEK.index(start.atZone(BERLIN).toLocalDate());
                int observed = (int) (endWeek - cohort);
                long[] row = back.computeIfAbsent(cohort, x -> new long[200]);
                for (int k = 1; k < observed; k++) {
                  final int offset = k;
                  boolean returned =
                      c.events().stream()
                          .filter(e -> e.name().equals("buy"))
                          .anyMatch(
                              e ->
                                  PeriodUnit.WEEK.index(e.at().atZone(BERLIN).toLocalDate())
                                      == cohort + offset);
                  if (returned) {
                    row[k]++;
                  }
                }
              }
              assertThat(table.cohorts()).hasSize(back.size());
              for (RetentionTable.Row row : table.cohorts()) {
                long[] expected = back.get(PeriodUnit.WEEK.index(row.start()));
                assertThat(row.periodsObserved())
                    .isEqualTo((int) (endWeek - PeriodUnit.WEEK.index(row.start())));
                for (int k = 1; k < row.periodsObserved(); k++) {
                  assertThat(row.returned(k)).isEqualTo(expected[k]);
                }
              }
            });
  }

  @Test
  void calendarRetentionOfEveryEventEqualsTheCohortTable() {
    // a second implementation: CohortTable over the events' UTC dates, observed through the
    // end's date, counts the customers active in each later month of their first month
    qt().forAll(RandomEvents.customers())
        .checkAssert(
            input -> {
              List<RandomEvents.Event> events = RandomEvents.events(input);
              RetentionTable table =
                  RandomEvents.ANY.table(
                      events,
                      RetentionPeriods.calendar(PeriodUnit.MONTH, ZoneOffset.UTC),
                      RandomEvents.END);
              CohortTable cohorts =
                  CohortTable.of(
                      events,
                      RandomEvents.Event::customer,
                      e -> LocalDate.ofInstant(e.at(), ZoneOffset.UTC),
                      PeriodUnit.MONTH,
                      LocalDate.ofInstant(RandomEvents.END, ZoneOffset.UTC));
              List<long[]> fromEvents = new ArrayList<>();
              long running = 0;
              for (RetentionTable.Row row : table.cohorts()) {
                if (row.periodsObserved() == 0) {
                  running += row.customers();
                  continue;
                }
                long[] counts = new long[row.periodsObserved()];
                for (int k = 0; k < counts.length; k++) {
                  counts[k] = row.returned(k);
                }
                fromEvents.add(counts);
              }
              assertThat(fromEvents).containsExactlyElementsOf(cohorts.activeCounts());
              assertThat(running).isEqualTo(cohorts.unreportedCustomers());
            });
  }
}
