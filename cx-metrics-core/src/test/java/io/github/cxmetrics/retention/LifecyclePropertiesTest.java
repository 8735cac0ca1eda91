package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.laws.MergeableLaws;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The merge laws of {@link Lifecycle} by ISO week in Sydney, and its accounting identities. */
class LifecyclePropertiesTest extends MergeableLaws<Lifecycle, RandomEvents.Customer> {
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  @Override
  protected Gen<List<RandomEvents.Customer>> inputs() {
    return RandomEvents.customers();
  }

  @Override
  protected Lifecycle of(List<RandomEvents.Customer> input) {
    return RandomEvents.ANY.lifecycle(
        RandomEvents.events(input), PeriodUnit.WEEK, SYDNEY, RandomEvents.END);
  }

  @Override
  protected Lifecycle empty() {
    return of(List.of());
  }

  @Test
  void activeCustomersFollowFromTheCountsAndMatchADirectCount() {
    // active(t) = new + returning + resurrecting is the number of customers with an event in week
    // t, counted directly; active(t - 1) = returning(t) + dormant(t), since everyone active in t -
    // 1
    // is either active again or dormant in t
    qt().forAll(RandomEvents.customers())
        .checkAssert(
            input -> {
              List<Lifecycle.Period> periods = of(input).periods();
              for (int t = 0; t < periods.size(); t++) {
                Lifecycle.Period p = periods.get(t);
                LocalDate start = p.start();
                long direct =
                    input.stream()
                        .filter(
                            c ->
                                c.events().stream()
                                    .anyMatch(
                                        e ->
                                            PeriodUnit.WEEK.index(
                                                    e.at().atZone(SYDNEY).toLocalDate())
                                                == PeriodUnit.WEEK.index(start)))
                        .count();
                assertThat(p.active()).isEqualTo(direct);
                if (t > 0) {
                  assertThat(periods.get(t - 1).active()).isEqualTo(p.returning() + p.dormant());
                } else {
                  assertThat(p.newCustomers()).isEqualTo(p.active());
                }
              }
            });
  }
}
