package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.calendar.PeriodUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CohortTableTest {
  record Activity(String customer, LocalDate day) {}

  private static Activity on(String customer, String day) {
    return new Activity(customer, LocalDate.parse(day));
  }

  // January cohort: ann, bob, cy; February cohort: dee, eve. Observed through 2024-04-15, so April
  // is still running: March is the last complete month.
  private static final List<Activity> LOG =
      List.of(
          on("ann", "2024-01-03"),
          on("bob", "2024-01-20"),
          on("cy", "2024-01-31"),
          on("ann", "2024-02-11"),
          on("ann", "2024-02-12"),
          on("dee", "2024-02-01"),
          on("eve", "2024-02-29"),
          on("bob", "2024-03-05"), // bob returns after a gap in February
          on("dee", "2024-03-09"),
          on("ann", "2024-04-02"), // April is incomplete: not reported
          on("fay", "2024-04-10")); // first seen in the running month: unreported

  private static CohortTable table() {
    return CohortTable.of(
        LOG, Activity::customer, Activity::day, PeriodUnit.MONTH, LocalDate.parse("2024-04-15"));
  }

  @Test
  void activeCountsAreSurvivorCountsWhereNobodyReturns() {
    // the January cohort is [3, 1, 1] with bob back in March: activity, not survival. A
    // subscription log (an activity each month while subscribed) gives survivor counts.
    assertThat(table().activeCounts()).containsExactly(new long[] {3, 1, 1}, new long[] {2, 1});
    List<Activity> subscriptions = new ArrayList<>();
    String[] months = {"2024-01-15", "2024-02-15", "2024-03-15", "2024-04-15", "2024-05-15"};
    int[] lastMonth = {4, 4, 2, 1, 0, 0}; // six January subscribers, the month each last paid
    for (int c = 0; c < lastMonth.length; c++) {
      for (int m = 0; m <= lastMonth[c]; m++) {
        subscriptions.add(on("jan" + c, months[m]));
      }
    }
    for (int c = 0; c < 4; c++) { // four March subscribers, two still there in May
      for (int m = 2; m <= (c < 2 ? 4 : 3); m++) {
        subscriptions.add(on("mar" + c, months[m]));
      }
    }
    CohortTable monthly =
        CohortTable.of(
            subscriptions,
            Activity::customer,
            Activity::day,
            PeriodUnit.MONTH,
            LocalDate.parse("2024-05-31"));
    List<long[]> counts = monthly.activeCounts();
    assertThat(counts).containsExactly(new long[] {6, 4, 3, 2, 2}, new long[] {4, 4, 2});
    io.github.cxmetrics.value.SurvivorCounts data =
        io.github.cxmetrics.value.SurvivorCounts.ofCohorts(counts);
    assertThat(data.lostIn(1)).isEqualTo(2); // two January subscribers, none of March's
    assertThat(data.lostIn(2)).isEqualTo(1 + 2);
    assertThat(data.censoredAt(4)).isEqualTo(2);
    assertThat(data.censoredAt(2)).isEqualTo(2);
    assertThat(
            CohortTable.of(
                    List.<Activity>of(),
                    Activity::customer,
                    Activity::day,
                    PeriodUnit.MONTH,
                    LocalDate.parse("2024-05-31"))
                .activeCounts())
        .isEmpty();
  }

  @Test
  void countsActiveCustomersPerCohortAndPeriod() {
    List<Cohort> cohorts = table().cohorts();
    assertThat(cohorts).hasSize(2);
    Cohort january = cohorts.get(0);
    assertThat(january.start()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(january.periodsObserved()).isEqualTo(3); // January, February, March
    assertThat(january.size()).isEqualTo(3);
    assertThat(january.active(1)).isEqualTo(1); // ann in February
    assertThat(january.active(2)).isEqualTo(1); // bob back in March
    assertThat(january.retentionRate(1)).isEqualTo(1.0 / 3);
    Cohort february = cohorts.get(1);
    assertThat(february.size()).isEqualTo(2);
    assertThat(february.periodsObserved()).isEqualTo(2);
    assertThat(february.active(1)).isEqualTo(1); // dee in March
    assertThatThrownBy(() -> february.active(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(table().unreportedCustomers()).isEqualTo(1);
    assertThat(table().customers()).isEqualTo(5);
  }

  @Test
  void averageCurveWeightsCohortsBySize() {
    CohortTable table = table();
    // offset 1: (1 + 1) / (3 + 2); offset 2: only January, 1 / 3
    assertThat(table.averageRetention(0)).isEqualTo(1.0);
    assertThat(table.averageRetention(1)).isEqualTo(2.0 / 5);
    assertThat(table.averageRetention(2)).isEqualTo(1.0 / 3);
    assertThat(table.averageCurve()).containsExactly(1.0, 2.0 / 5, 1.0 / 3);
    assertThatThrownBy(() -> table.averageRetention(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no cohort with customers was observed for 4 periods");
  }

  @Test
  void aPeriodEndingOnTheObservationDayIsComplete() {
    CohortTable table =
        CohortTable.of(
            LOG.subList(0, 9),
            Activity::customer,
            Activity::day,
            PeriodUnit.MONTH,
            LocalDate.parse("2024-03-31"));
    assertThat(table.cohorts().get(0).periodsObserved()).isEqualTo(3);
    assertThat(table.unreportedCustomers()).isZero();
  }

  @Test
  void weeksStartOnMonday() {
    assertThat(PeriodUnit.WEEK.start(PeriodUnit.WEEK.index(LocalDate.parse("2024-04-14"))))
        .isEqualTo(LocalDate.parse("2024-04-08")); // Sunday -> Monday before
    assertThat(PeriodUnit.WEEK.start(PeriodUnit.WEEK.index(LocalDate.parse("2024-04-15"))))
        .isEqualTo(LocalDate.parse("2024-04-15"));
    assertThat(PeriodUnit.QUARTER.end(PeriodUnit.QUARTER.index(LocalDate.parse("2024-05-20"))))
        .isEqualTo(LocalDate.parse("2024-06-30"));
    assertThat(PeriodUnit.MONTH.start(PeriodUnit.MONTH.index(LocalDate.parse("1969-12-31"))))
        .isEqualTo(LocalDate.parse("1969-12-01"));
  }

  @Test
  void rejectsActivityAfterTheObservationAndNulls() {
    assertThatThrownBy(
            () ->
                CohortTable.of(
                    LOG,
                    Activity::customer,
                    Activity::day,
                    PeriodUnit.MONTH,
                    LocalDate.parse("2024-04-05")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "activity on 2024-04-10 of customer fay at index 10 is after observedThrough 2024-04-05");
    List<Activity> withNull = new ArrayList<>(LOG);
    withNull.add(new Activity(null, LocalDate.parse("2024-01-01")));
    assertThatThrownBy(
            () ->
                CohortTable.of(
                    withNull,
                    Activity::customer,
                    Activity::day,
                    PeriodUnit.MONTH,
                    LocalDate.parse("2024-04-30")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("record at index 11 has a null customer");
  }

  @Test
  void refusesToMergeDifferentTables() {
    CohortTable weekly =
        CohortTable.of(
            LOG, Activity::customer, Activity::day, PeriodUnit.WEEK, LocalDate.parse("2024-04-15"));
    assertThatThrownBy(() -> table().merge(weekly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MONTH")
        .hasMessageContaining("WEEK");
  }

  /** Random activity: customer c0..c29, day offsets within 2024. */
  @Test
  void tableTotalsEqualTheInputAndDisjointTablesMerge() {
    LocalDate through = LocalDate.parse("2024-12-20");
    qt().forAll(
            lists().of(integers().between(0, 29)).ofSizeBetween(0, 120),
            lists().of(integers().between(0, 354)).ofSizeBetween(120, 120))
        .checkAssert(
            (customers, days) -> {
              List<Activity> log = new ArrayList<>();
              for (int i = 0; i < customers.size(); i++) {
                log.add(
                    new Activity(
                        "c" + customers.get(i),
                        LocalDate.parse("2024-01-01").plusDays(days.get(i))));
              }
              CohortTable table =
                  CohortTable.of(log, Activity::customer, Activity::day, PeriodUnit.MONTH, through);
              Set<String> distinct = new HashSet<>();
              log.forEach(a -> distinct.add(a.customer()));
              assertThat(table.customers() + table.unreportedCustomers())
                  .isEqualTo(distinct.size());
              for (Cohort cohort : table.cohorts()) {
                for (int k = 0; k < cohort.periodsObserved(); k++) {
                  assertThat(cohort.retentionRate(k)).isBetween(0.0, 1.0);
                }
              }
              // split by customer (even and odd numbers): the merged halves equal the whole
              List<Activity> even = new ArrayList<>();
              List<Activity> odd = new ArrayList<>();
              for (Activity a : log) {
                (Integer.parseInt(a.customer().substring(1)) % 2 == 0 ? even : odd).add(a);
              }
              CohortTable merged =
                  CohortTable.of(even, Activity::customer, Activity::day, PeriodUnit.MONTH, through)
                      .merge(
                          CohortTable.of(
                              odd, Activity::customer, Activity::day, PeriodUnit.MONTH, through));
              assertThat(merged).isEqualTo(table);
              if (table.customers() > 0) {
                assertThat(table.averageRetention(0)).isCloseTo(1.0, within(0.0));
              }
            });
  }
}
