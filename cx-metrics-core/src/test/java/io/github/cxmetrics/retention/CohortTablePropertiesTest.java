package io.github.cxmetrics.retention;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.laws.MergeableLaws;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.quicktheories.core.Gen;

/** The merge laws of {@link CohortTable}, on random customers active on random days. */
class CohortTablePropertiesTest
    extends MergeableLaws<CohortTable, CohortTablePropertiesTest.Customer> {
  private static final AtomicLong IDS = new AtomicLong();
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final LocalDate THROUGH = LocalDate.of(2024, 6, 20); // June is still running

  /** One customer with a unique id and the days (from {@link #FIRST}) it was active. */
  record Customer(long id, List<Integer> days) {}

  record Visit(long customer, LocalDate day) {}

  @Override
  protected Gen<List<Customer>> inputs() {
    return lists()
        .of(
            lists()
                .of(integers().between(0, 171))
                .ofSizeBetween(1, 6)
                .map(days -> new Customer(IDS.incrementAndGet(), days)))
        .ofSizeBetween(0, 40);
  }

  @Override
  protected CohortTable of(List<Customer> input) {
    List<Visit> visits = new ArrayList<>();
    for (Customer c : input) {
      for (int day : c.days()) {
        visits.add(new Visit(c.id(), FIRST.plusDays(day)));
      }
    }
    return CohortTable.of(visits, Visit::customer, Visit::day, PeriodUnit.MONTH, THROUGH);
  }

  @Override
  protected CohortTable empty() {
    return of(List.of());
  }
}
