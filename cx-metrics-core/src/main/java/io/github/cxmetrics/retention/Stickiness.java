package io.github.cxmetrics.retention;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Mergeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * Stickiness: over the last {@code k} complete calendar periods before the observation end, how
 * many customers were active in exactly {@code j} of them, for {@code j = 1..k}, as {@link
 * EventRetention#stickiness} counts it. Customers with no activity in those periods are not
 * counted.
 *
 * <p>Derived figures, with {@code a_j} the customers active in exactly {@code j} periods and {@code
 * A = sum a_j}: the mean number of active periods {@code sum j a_j / A}, and the stickiness ratio
 * {@code sum j a_j / (k A)}, the average share of the periods an active customer was active in
 * (with daily periods and {@code k} = 30, the average daily actives over the customers active in
 * the 30 days, the "DAU/MAU" ratio when the month has 30 days).
 *
 * <p>Values of disjoint customer sets over the same periods {@link #merge merge} by adding counts;
 * a customer whose events are split between the two would be counted in both.
 */
public final class Stickiness implements Mergeable<Stickiness> {
  private final PeriodUnit unit;
  private final ZoneId zone;
  private final long first;
  private final Instant observationEnd;
  private final long[] counts;

  Stickiness(PeriodUnit unit, ZoneId zone, long first, Instant observationEnd, long[] counts) {
    this.unit = unit;
    this.zone = zone;
    this.first = first;
    this.observationEnd = observationEnd;
    this.counts = counts;
  }

  /** {@return the period unit} */
  public PeriodUnit unit() {
    return unit;
  }

  /** {@return the time zone of the calendar} */
  public ZoneId zone() {
    return zone;
  }

  /** {@return the first day of the first period counted} */
  public LocalDate firstPeriod() {
    return unit.start(first);
  }

  /** {@return the end of the observation} */
  public Instant observationEnd() {
    return observationEnd;
  }

  /** {@return the number {@code k} of periods counted} */
  public int periods() {
    return counts.length;
  }

  /**
   * Returns the customers active in exactly {@code activePeriods} of the periods.
   *
   * @param activePeriods a number in {@code [1, periods()]}
   * @return the count
   * @throws IllegalArgumentException if {@code activePeriods} is outside that range
   */
  public long customersActiveIn(int activePeriods) {
    checkActive(activePeriods);
    return counts[activePeriods - 1];
  }

  /**
   * Returns the customers active in at least {@code activePeriods} of the periods.
   *
   * @param activePeriods a number in {@code [1, periods()]}
   * @return the count
   * @throws IllegalArgumentException if {@code activePeriods} is outside that range
   */
  public long customersActiveInAtLeast(int activePeriods) {
    checkActive(activePeriods);
    long total = 0;
    for (int j = activePeriods; j <= counts.length; j++) {
      total += counts[j - 1];
    }
    return total;
  }

  private void checkActive(int activePeriods) {
    if (activePeriods < 1 || activePeriods > counts.length) {
      throw new IllegalArgumentException(
          "activePeriods (" + activePeriods + ") must be in [1, " + counts.length + "]");
    }
  }

  /** {@return the customers active in at least one of the periods} */
  public long customers() {
    return customersActiveInAtLeast(1);
  }

  /**
   * Returns the mean number of periods an active customer was active in, {@code sum j a_j / A}.
   *
   * @return a number of periods, in [1, periods()]
   * @throws IllegalStateException if no customer was active
   */
  public double meanActivePeriods() {
    long active = customers();
    if (active == 0) {
      throw new IllegalStateException("stickiness is undefined with no active customer");
    }
    double weighted = 0;
    for (int j = 1; j <= counts.length; j++) {
      weighted += (double) j * counts[j - 1];
    }
    return weighted / active;
  }

  /**
   * Returns the stickiness ratio, {@code sum j a_j / (k A)}: the mean share of the periods an
   * active customer was active in.
   *
   * @return a fraction in (0, 1]
   * @throws IllegalStateException if no customer was active
   */
  public double ratio() {
    return meanActivePeriods() / counts.length;
  }

  /**
   * Returns the stickiness of two disjoint customer sets: counts added.
   *
   * @param other a value over the same periods, zone and observation end
   * @return the combined value
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the periods, zone or observation end differ, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public Stickiness merge(Stickiness other) {
    Objects.requireNonNull(other, "other");
    if (unit != other.unit
        || !zone.equals(other.zone)
        || first != other.first
        || counts.length != other.counts.length
        || !observationEnd.equals(other.observationEnd)) {
      throw new IllegalArgumentException("cannot merge " + this + " with " + other);
    }
    long[] sum = new long[counts.length];
    for (int j = 0; j < sum.length; j++) {
      sum[j] = Checks.addCounts("active customers", counts[j], other.counts[j]);
    }
    return new Stickiness(unit, zone, first, observationEnd, sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stickiness other
        && unit == other.unit
        && zone.equals(other.zone)
        && first == other.first
        && observationEnd.equals(other.observationEnd)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, zone, first, observationEnd, Arrays.hashCode(counts));
  }

  /**
   * Returns e.g. {@code Stickiness[7 DAY from 2024-01-01 in UTC to 2024-01-08T00:00:00Z, active in
   * 1..7: [4, 2, 0, 1, 0, 0, 1]]}.
   */
  @Override
  public String toString() {
    return "Stickiness["
        + counts.length
        + " "
        + unit
        + " from "
        + firstPeriod()
        + " in "
        + zone
        + " to "
        + observationEnd
        + ", active in 1.."
        + counts.length
        + ": "
        + Arrays.toString(counts)
        + "]";
  }
}
