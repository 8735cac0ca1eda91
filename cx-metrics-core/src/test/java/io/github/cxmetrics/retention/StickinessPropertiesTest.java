package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.laws.MergeableLaws;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The merge laws of {@link Stickiness} over the last 30 days in New York, and its counts. */
class StickinessPropertiesTest extends MergeableLaws<Stickiness, RandomEvents.Customer> {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Override
  protected Gen<List<RandomEvents.Customer>> inputs() {
    return RandomEvents.customers();
  }

  @Override
  protected Stickiness of(List<RandomEvents.Customer> input) {
    return RandomEvents.SIGNUP_THEN_BUY.stickiness(
        RandomEvents.events(input), PeriodUnit.DAY, NEW_YORK, 30, RandomEvents.END);
  }

  @Override
  protected Stickiness empty() {
    return of(List.of());
  }

  @Test
  void activeDaysAddUpToTheDailyActives() {
    // sum over j of j * a_j is the sum over the 30 days of that day's active customers, counted
    // here day by day from the purchases' New York dates
    qt().forAll(RandomEvents.customers())
        .checkAssert(
            input -> {
              Stickiness s = of(input);
              LocalDate first = s.firstPeriod();
              LocalDate last = first.plusDays(29);
              assertThat(last.plusDays(1))
                  .isEqualTo(RandomEvents.END.atZone(NEW_YORK).toLocalDate());
              long dailyActives = 0;
              long active = 0;
              for (RandomEvents.Customer c : input) {
                Set<LocalDate> days = new HashSet<>();
                for (RandomEvents.Event e : c.events()) {
                  LocalDate day = e.at().atZone(NEW_YORK).toLocalDate();
                  if (e.name().equals("buy") && !day.isBefore(first) && !day.isAfter(last)) {
                    days.add(day);
                  }
                }
                dailyActives += days.size();
                active += days.isEmpty() ? 0 : 1;
              }
              long weighted = 0;
              for (int j = 1; j <= 30; j++) {
                weighted += j * s.customersActiveIn(j);
              }
              assertThat(weighted).isEqualTo(dailyActives);
              assertThat(s.customers()).isEqualTo(active);
              if (active > 0) {
                assertThat(s.ratio()).isBetween(1 / 30.0, 1.0);
              }
            });
  }
}
