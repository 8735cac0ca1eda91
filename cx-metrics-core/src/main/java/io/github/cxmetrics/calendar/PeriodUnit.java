package io.github.cxmetrics.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Calendar periods that cohorts, activity and trends are grouped by: days, ISO weeks, months and
 * quarters. Each period has an index counted from the period holding 1970-01-01, which has index 0,
 * so that consecutive periods have consecutive indexes and earlier periods negative ones: {@code
 * MONTH.index(1970-01-15)} is 0, {@code MONTH.index(1969-12-31)} is -1, {@code
 * QUARTER.index(2024-05-20)} is {@code 4 * 54 + 1 = 217}.
 */
public enum PeriodUnit {
  /** Calendar days. */
  DAY,
  /** ISO weeks, Monday to Sunday. */
  WEEK,
  /** Calendar months. */
  MONTH,
  /** Calendar quarters, starting in January, April, July and October. */
  QUARTER;

  // 1970-01-01 was a Thursday; the Monday of its week is epoch day -3
  private static final long MONDAY_OFFSET = 3;

  private static final long EPOCH_YEAR = 1970;

  /**
   * Returns the index of the period holding {@code date}.
   *
   * @param date a date
   * @return the period index: 0 for the period holding 1970-01-01, consecutive for consecutive
   *     periods
   * @throws NullPointerException if {@code date} is null
   */
  public long index(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return switch (this) {
      case DAY -> date.toEpochDay();
      case WEEK -> Math.floorDiv(date.toEpochDay() + MONDAY_OFFSET, 7);
      case MONTH -> (date.getYear() - EPOCH_YEAR) * 12L + date.getMonthValue() - 1;
      case QUARTER -> (date.getYear() - EPOCH_YEAR) * 4L + (date.getMonthValue() - 1) / 3;
    };
  }

  /**
   * Returns the first day of the period with index {@code index}.
   *
   * @param index a period index, as {@link #index} returns
   * @return the first day of the period
   * @throws java.time.DateTimeException if the date is outside the supported range
   */
  public LocalDate start(long index) {
    return switch (this) {
      case DAY -> LocalDate.ofEpochDay(index);
      case WEEK -> LocalDate.ofEpochDay(index * 7 - MONDAY_OFFSET);
      case MONTH ->
          LocalDate.of(
              Math.toIntExact(EPOCH_YEAR + Math.floorDiv(index, 12)),
              Math.floorMod(index, 12) + 1,
              1);
      case QUARTER ->
          LocalDate.of(
              Math.toIntExact(EPOCH_YEAR + Math.floorDiv(index, 4)),
              3 * Math.floorMod(index, 4) + 1,
              1);
    };
  }

  /**
   * Returns the last day of the period with index {@code index}.
   *
   * @param index a period index, as {@link #index} returns
   * @return the last day of the period
   * @throws java.time.DateTimeException if the date is outside the supported range
   */
  public LocalDate end(long index) {
    return start(index + 1).minusDays(1);
  }
}
