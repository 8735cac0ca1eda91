package io.github.cxmetrics.retention;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a {@link CohortTable}: the customers first active in one period, and how many of them
 * were active in each complete period since.
 *
 * <p>{@code active(0)} is the cohort's size; {@code active(k)} counts the members active in the
 * {@code k}-th period after the first, whether or not they were active in between (customers who
 * return after a gap count again). Only complete, observed periods have counts: {@link
 * #periodsObserved()} tells how many.
 */
public final class Cohort {
  private final LocalDate start;
  private final long[] active;

  Cohort(LocalDate start, long[] active) {
    this.start = start;
    this.active = active;
  }

  /** {@return the first day of the cohort's first period} */
  public LocalDate start() {
    return start;
  }

  /** {@return the number of customers in the cohort, {@code active(0)}} */
  public long size() {
    return active[0];
  }

  /** {@return how many complete periods were observed, from the first: offsets 0 to this - 1} */
  public int periodsObserved() {
    return active.length;
  }

  /**
   * Returns how many members were active {@code offset} periods after the first.
   *
   * @param offset periods since the cohort's first, in {@code [0, periodsObserved())}
   * @return the count, {@code <= size()}
   * @throws IndexOutOfBoundsException if the period was not observed, naming the offset
   */
  public long active(int offset) {
    Objects.checkIndex(offset, active.length);
    return active[offset];
  }

  /**
   * Returns the retention rate {@code active(offset) / size()}.
   *
   * @param offset periods since the cohort's first, in {@code [0, periodsObserved())}
   * @return a fraction in [0, 1]; 1 at offset 0
   * @throws IndexOutOfBoundsException if the period was not observed
   */
  public double retentionRate(int offset) {
    return (double) active(offset) / active[0];
  }

  /**
   * Returns the Wilson score interval of {@link #retentionRate}.
   *
   * @param offset periods since the cohort's first, in {@code [0, periodsObserved())}
   * @param level the confidence level, in (0, 1)
   * @return the interval, fractions within [0, 1]
   * @throws IndexOutOfBoundsException if the period was not observed
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public Interval retentionInterval(int offset, double level) {
    return Proportion.of(active(offset), active[0]).confidenceInterval(level);
  }

  long[] counts() {
    return active;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cohort other
        && start.equals(other.start)
        && Arrays.equals(active, other.active);
  }

  @Override
  public int hashCode() {
    return 31 * start.hashCode() + Arrays.hashCode(active);
  }

  /** Returns e.g. {@code Cohort[start=2024-01-01, active=[100, 40, 35]]}. */
  @Override
  public String toString() {
    return "Cohort[start=" + start + ", active=" + Arrays.toString(active) + "]";
  }
}
