package io.github.cxmetrics.retention;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Inputs;
import io.github.cxmetrics.stats.Mergeable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A cohort retention table: customers grouped by the period of their first activity (their cohort),
 * and for each cohort how many members were active in each later period.
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li>a customer's cohort is the {@link PeriodUnit period} of their first activity; a customer is
 *       active in a period when they have at least one activity in it, so customers who return
 *       after a gap count as active again;
 *   <li>only complete periods are reported: the period holding {@code observedThrough} counts only
 *       if {@code observedThrough} is its last day. A recent period that is still running is not
 *       reported at all, rather than counted as churn; customers whose first activity falls in it
 *       are left out of the table and counted by {@link #unreportedCustomers()};
 *   <li>the average retention curve weights cohorts by their size: at offset {@code k} it is the
 *       sum of the cohorts' active counts over the sum of their sizes, over the cohorts observed
 *       for {@code k} periods (counts are merged, never rates averaged).
 * </ul>
 *
 * <p>Tables of disjoint customer sets with the same unit and observation end {@link #merge merge}
 * by adding counts; a customer present in both would be counted twice.
 */
public final class CohortTable implements Mergeable<CohortTable> {
  private final PeriodUnit unit;
  private final LocalDate observedThrough;
  private final TreeMap<Long, long[]> cohorts;
  private final long unreported;

  private CohortTable(
      PeriodUnit unit, LocalDate observedThrough, TreeMap<Long, long[]> cohorts, long unreported) {
    this.unit = unit;
    this.observedThrough = observedThrough;
    this.cohorts = cohorts;
    this.unreported = unreported;
  }

  /**
   * Builds the table from activity records.
   *
   * @param <T> the type of the records
   * @param records activity records, in any order; one customer may have any number
   * @param customer reads the customer identifier of a record (any type with {@code equals} and
   *     {@code hashCode})
   * @param date reads the date of a record's activity
   * @param unit the period unit of cohorts and activity
   * @param observedThrough the last day of the observation
   * @return the table; empty when there are no records
   * @throws NullPointerException if an argument, a record, its customer or its date is null, naming
   *     the record's index
   * @throws IllegalArgumentException if an activity is dated after {@code observedThrough}, naming
   *     the record
   */
  public static <T> CohortTable of(
      Iterable<T> records,
      Function<? super T, ?> customer,
      Function<? super T, LocalDate> date,
      PeriodUnit unit,
      LocalDate observedThrough) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(observedThrough, "observedThrough");
    Map<Object, Set<Long>> periods = new HashMap<>();
    Inputs.forEachIndexed(
        records,
        "records",
        (record, index) -> {
          Object id = Inputs.field(customer.apply(record), "record", index, "customer");
          LocalDate day = Inputs.field(date.apply(record), "record", index, "date");
          if (day.isAfter(observedThrough)) {
            throw new IllegalArgumentException(
                "activity on "
                    + day
                    + " of customer "
                    + id
                    + " at index "
                    + index
                    + " is after observedThrough "
                    + observedThrough);
          }
          periods.computeIfAbsent(id, k -> new HashSet<>()).add(unit.index(day));
        });
    long lastComplete = lastCompletePeriod(unit, observedThrough);
    TreeMap<Long, long[]> cohorts = new TreeMap<>();
    long unreported = 0;
    for (Set<Long> active : periods.values()) {
      long first = Collections.min(active);
      if (first > lastComplete) {
        unreported++;
        continue;
      }
      long[] row =
          cohorts.computeIfAbsent(first, c -> new long[Math.toIntExact(lastComplete - c + 1)]);
      for (long period : active) {
        if (period <= lastComplete) {
          row[(int) (period - first)]++;
        }
      }
    }
    return new CohortTable(unit, observedThrough, cohorts, unreported);
  }

  private static long lastCompletePeriod(PeriodUnit unit, LocalDate observedThrough) {
    long current = unit.index(observedThrough);
    return observedThrough.equals(unit.end(current)) ? current : current - 1;
  }

  /** {@return the period unit} */
  public PeriodUnit unit() {
    return unit;
  }

  /** {@return the last day of the observation} */
  public LocalDate observedThrough() {
    return observedThrough;
  }

  /** {@return the cohorts with at least one customer, oldest first} */
  public List<Cohort> cohorts() {
    List<Cohort> list = new ArrayList<>(cohorts.size());
    cohorts.forEach((first, row) -> list.add(new Cohort(unit.start(first), row.clone())));
    return list;
  }

  /**
   * Returns every cohort's active counts, oldest first: for each, {@code active(0)} (its size) to
   * {@code active(periodsObserved() - 1)}. In a subscription business, where a customer is active
   * while subscribed and does not come back after cancelling, these are survivor counts, and {@code
   * SurvivorCounts.ofCohorts(table.activeCounts())} (package {@code value}) fits the contractual
   * models to the whole table, each cohort with its own age; counts that rise with returning
   * customers are refused there, naming the cohort and period.
   *
   * @return one new array per cohort; empty for an empty table
   */
  public List<long[]> activeCounts() {
    List<long[]> list = new ArrayList<>(cohorts.size());
    cohorts.values().forEach(row -> list.add(row.clone()));
    return list;
  }

  /** {@return the number of customers in the table: the sum of the cohort sizes} */
  public long customers() {
    long total = 0;
    for (long[] row : cohorts.values()) {
      total += row[0];
    }
    return total;
  }

  /** {@return the customers first active in the running, incomplete period, not in the table} */
  public long unreportedCustomers() {
    return unreported;
  }

  /**
   * Returns the size-weighted average retention {@code offset} periods after the first: the sum of
   * {@code active(offset)} over the sum of sizes, over the cohorts observed that long.
   *
   * @param offset periods since each cohort's first, {@code >= 0}
   * @return a fraction in [0, 1]
   * @throws IllegalArgumentException if {@code offset} is negative
   * @throws IllegalStateException if no cohort was observed for that many periods
   */
  public double averageRetention(int offset) {
    Checks.checkAtLeast("offset", offset, 0);
    long active = 0;
    long size = 0;
    for (long[] row : cohorts.values()) {
      if (offset < row.length) {
        active += row[offset];
        size += row[0];
      }
    }
    if (size == 0) {
      throw new IllegalStateException(
          "no cohort with customers was observed for " + (offset + 1) + " periods");
    }
    return (double) active / size;
  }

  /**
   * Returns the size-weighted average retention curve, {@link #averageRetention} at offsets 0 to
   * the longest observed.
   *
   * @return the curve, fractions in [0, 1] (1 at offset 0); empty for an empty table
   */
  public double[] averageCurve() {
    int longest = 0;
    for (long[] row : cohorts.values()) {
      longest = Math.max(longest, row.length);
    }
    double[] curve = new double[longest];
    for (int k = 0; k < longest; k++) {
      curve[k] = averageRetention(k);
    }
    return curve;
  }

  /**
   * Returns the table of two disjoint customer sets: the counts of each cohort added.
   *
   * @param other a table with the same unit and observation end
   * @return the combined table
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the units or observation ends differ, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public CohortTable merge(CohortTable other) {
    Objects.requireNonNull(other, "other");
    if (unit != other.unit || !observedThrough.equals(other.observedThrough)) {
      throw new IllegalArgumentException(
          "cannot merge a cohort table by "
              + unit
              + " observed through "
              + observedThrough
              + " with one by "
              + other.unit
              + " observed through "
              + other.observedThrough);
    }
    TreeMap<Long, long[]> merged = new TreeMap<>();
    cohorts.forEach((first, row) -> merged.put(first, row.clone()));
    other.cohorts.forEach(
        (first, row) ->
            merged.merge(
                first,
                row.clone(),
                (a, b) -> {
                  for (int k = 0; k < a.length; k++) {
                    a[k] = Checks.addCounts("cohort count", a[k], b[k]);
                  }
                  return a;
                }));
    return new CohortTable(
        unit,
        observedThrough,
        merged,
        Checks.addCounts("unreported customers", unreported, other.unreported));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CohortTable other
        && unit == other.unit
        && observedThrough.equals(other.observedThrough)
        && unreported == other.unreported
        && cohorts().equals(other.cohorts());
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, observedThrough, unreported, cohorts());
  }

  /** Returns e.g. {@code CohortTable[MONTH through 2024-06-30, 6 cohorts, 1200 customers]}. */
  @Override
  public String toString() {
    return "CohortTable["
        + unit
        + " through "
        + observedThrough
        + ", "
        + cohorts.size()
        + " cohorts, "
        + customers()
        + " customers]";
  }
}
