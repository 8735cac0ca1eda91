package io.github.cxmetrics.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

class PeriodUnitTest {
  private static final LocalDate EPOCH = LocalDate.of(1970, 1, 1);

  @Test
  void thePeriodHoldingTheEpochHasIndexZero() {
    for (PeriodUnit unit : PeriodUnit.values()) {
      assertThat(unit.index(EPOCH)).as("%s", unit).isZero();
      LocalDate before = unit == PeriodUnit.WEEK ? LocalDate.of(1969, 12, 28) : EPOCH.minusDays(1);
      assertThat(unit.index(before)).as("%s", unit).isEqualTo(-1);
    }
    // 1970-01-01 was a Thursday: its ISO week began on Monday 1969-12-29
    assertThat(PeriodUnit.WEEK.start(0)).isEqualTo(LocalDate.of(1969, 12, 29));
    assertThat(PeriodUnit.WEEK.index(LocalDate.of(1970, 1, 4))).isZero();
    assertThat(PeriodUnit.WEEK.index(LocalDate.of(1970, 1, 5))).isEqualTo(1);
    // by hand: (2024 - 1970) * 12 + 4 and (2024 - 1970) * 4 + 1
    assertThat(PeriodUnit.MONTH.index(LocalDate.of(2024, 5, 20))).isEqualTo(54 * 12 + 4);
    assertThat(PeriodUnit.QUARTER.index(LocalDate.of(2024, 5, 20))).isEqualTo(54 * 4 + 1);
    assertThat(PeriodUnit.QUARTER.end(217)).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThatThrownBy(() -> PeriodUnit.DAY.index(null)).hasMessage("date");
  }

  @Test
  void indexesAgreeWithJavaTimeAndStartsRoundTrip() {
    qt().forAll(integers().between(-200_000, 200_000))
        .checkAssert(
            offset -> {
              LocalDate day = EPOCH.plusDays(offset);
              // a second computation of each index, through java.time's own period arithmetic
              assertThat(PeriodUnit.DAY.index(day)).isEqualTo((long) offset);
              assertThat(PeriodUnit.MONTH.index(day))
                  .isEqualTo(ChronoUnit.MONTHS.between(EPOCH, day.withDayOfMonth(1)));
              assertThat(PeriodUnit.QUARTER.index(day))
                  .isEqualTo(
                      IsoFields.QUARTER_YEARS.between(
                          EPOCH, day.with(IsoFields.DAY_OF_QUARTER, 1)));
              assertThat(PeriodUnit.WEEK.index(day))
                  .isEqualTo(
                      ChronoUnit.WEEKS.between(
                          PeriodUnit.WEEK.start(0), day.with(java.time.DayOfWeek.MONDAY)));
              for (PeriodUnit unit : PeriodUnit.values()) {
                long index = unit.index(day);
                assertThat(unit.start(index)).isBeforeOrEqualTo(day);
                assertThat(unit.end(index)).isAfterOrEqualTo(day);
                assertThat(unit.index(unit.end(index).plusDays(1))).isEqualTo(index + 1);
              }
            });
  }
}
