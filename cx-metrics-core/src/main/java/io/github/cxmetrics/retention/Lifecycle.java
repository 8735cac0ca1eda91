package io.github.cxmetrics.retention;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Mergeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lifecycle counts per calendar period, as {@link EventRetention#lifecycle} counts them: in every
 * complete period from the first with activity to the last before the observation end, how many
 * customers were new, returning, resurrecting or dormant.
 *
 * <p>Definitions, for a customer and a period {@code t} ("active" meaning at least one activity
 * event in the period):
 *
 * <ul>
 *   <li><i>new</i>: active in {@code t}, and {@code t} is its first active period in the data;
 *   <li><i>returning</i>: active in {@code t} and in {@code t - 1};
 *   <li><i>resurrecting</i>: active in {@code t}, not in {@code t - 1}, and in some period before;
 *   <li><i>dormant</i>: active in {@code t - 1}, not in {@code t} (counted once, in the first
 *       inactive period; a dashboard that draws dormant customers below the axis negates it).
 * </ul>
 *
 * <p>Each active customer is in exactly one of new, returning and resurrecting, so their sum is the
 * period's active customers. "New" means new in the data: customers active before the first event
 * given are new in their first period with events. The quick ratio of growth accounting, {@code
 * (new + resurrecting) / dormant}, follows from the counts.
 *
 * <p>Values of disjoint customer sets {@link #merge merge} by adding counts period by period; a
 * customer whose events are split between the two would be counted in both.
 */
public final class Lifecycle implements Mergeable<Lifecycle> {
  private final PeriodUnit unit;
  private final ZoneId zone;
  private final Instant observationEnd;
  private final long first;
  private final long[][] counts; // [period - first][new, returning, resurrecting, dormant]

  Lifecycle(PeriodUnit unit, ZoneId zone, Instant observationEnd, long first, long[][] counts) {
    this.unit = unit;
    this.zone = zone;
    this.observationEnd = observationEnd;
    this.first = first;
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

  /** {@return the end of the observation} */
  public Instant observationEnd() {
    return observationEnd;
  }

  /** {@return whether no customer was active in a complete period} */
  public boolean isEmpty() {
    return counts.length == 0;
  }

  /**
   * {@return the complete periods from the first with activity to the last before the observation
   * end, oldest first; empty when no customer was active in a complete period}
   */
  public List<Period> periods() {
    List<Period> list = new ArrayList<>(counts.length);
    for (int t = 0; t < counts.length; t++) {
      long[] c = counts[t];
      list.add(new Period(unit.start(first + t), c[0], c[1], c[2], c[3]));
    }
    return list;
  }

  /**
   * Returns the lifecycle of two disjoint customer sets: counts added period by period, over the
   * union of their periods.
   *
   * @param other a value with the same unit, zone and observation end
   * @return the combined value
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the unit, zone or observation end differ, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public Lifecycle merge(Lifecycle other) {
    Objects.requireNonNull(other, "other");
    if (unit != other.unit
        || !zone.equals(other.zone)
        || !observationEnd.equals(other.observationEnd)) {
      throw new IllegalArgumentException("cannot merge " + this + " with " + other);
    }
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long start = Math.min(first, other.first);
    long last = first + counts.length - 1;
    long[][] sum = new long[(int) (last - start + 1)][4];
    for (Lifecycle part : List.of(this, other)) {
      for (int t = 0; t < part.counts.length; t++) {
        long[] into = sum[(int) (part.first + t - start)];
        for (int j = 0; j < 4; j++) {
          into[j] = Checks.addCounts("lifecycle count", into[j], part.counts[t][j]);
        }
      }
    }
    return new Lifecycle(unit, zone, observationEnd, start, sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lifecycle other
        && unit == other.unit
        && zone.equals(other.zone)
        && observationEnd.equals(other.observationEnd)
        && periods().equals(other.periods());
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, zone, observationEnd, periods());
  }

  /** Returns e.g. {@code Lifecycle[WEEK in UTC to 2024-03-01T00:00:00Z, 8 periods]}. */
  @Override
  public String toString() {
    return "Lifecycle["
        + unit
        + " in "
        + zone
        + " to "
        + observationEnd
        + ", "
        + counts.length
        + " periods"
        + (counts.length == 0 ? "" : " from " + unit.start(first))
        + "]";
  }

  /**
   * One period's lifecycle counts.
   *
   * @param start the first day of the period
   * @param newCustomers customers whose first active period it is
   * @param returning customers active in it and in the period before
   * @param resurrecting customers active in it, not in the period before, and in some earlier one
   * @param dormant customers active in the period before and not in it
   */
  public record Period(
      LocalDate start, long newCustomers, long returning, long resurrecting, long dormant) {
    /** {@return the customers active in the period: new + returning + resurrecting} */
    public long active() {
      return newCustomers + returning + resurrecting;
    }

    /**
     * Returns the quick ratio of growth accounting, {@code (new + resurrecting) / dormant}: above 1
     * when the period gained more active customers than it lost.
     *
     * @return a ratio {@code >= 0}; positive infinity when no customer became dormant and some were
     *     gained
     * @throws IllegalStateException if no customer was gained or lost
     */
    public double quickRatio() {
      long gained = newCustomers + resurrecting;
      if (gained == 0 && dormant == 0) {
        throw new IllegalStateException(
            "the quick ratio of the period from "
                + start
                + " is undefined: nothing gained or lost");
      }
      return (double) gained / dormant;
    }
  }

  /** Counts customers, each given as its sorted distinct active periods. */
  static final class Builder {
    private final PeriodUnit unit;
    private final ZoneId zone;
    private final Instant end;
    private final long last;
    private final List<long[]> customers = new ArrayList<>();
    private long first = Long.MAX_VALUE;

    Builder(PeriodUnit unit, ZoneId zone, Instant end, long last) {
      this.unit = unit;
      this.zone = zone;
      this.end = end;
      this.last = last;
    }

    /** Adds one customer's distinct active periods, ascending; those after the last are ignored. */
    void add(long[] active) {
      if (active.length > 0 && active[0] <= last) {
        customers.add(active);
        first = Math.min(first, active[0]);
      }
    }

    Lifecycle build() {
      if (customers.isEmpty()) {
        return new Lifecycle(unit, zone, end, 0, new long[0][]);
      }
      long length = last - first + 1;
      if (length > RetentionTable.MAX_PERIODS) {
        throw new IllegalArgumentException(
            "the activity spans "
                + length
                + " periods of "
                + unit
                + " from "
                + unit.start(first)
                + ", more than "
                + RetentionTable.MAX_PERIODS
                + "; use a longer period");
      }
      long[][] counts = new long[(int) length][4];
      for (long[] active : customers) {
        for (int i = 0; i < active.length && active[i] <= last; i++) {
          long t = active[i];
          long[] row = counts[(int) (t - first)];
          if (i == 0) {
            row[0]++;
          } else if (active[i - 1] == t - 1) {
            row[1]++;
          } else {
            row[2]++;
          }
          boolean nextActive = i + 1 < active.length && active[i + 1] == t + 1;
          if (!nextActive && t + 1 <= last) {
            counts[(int) (t + 1 - first)][3]++;
          }
        }
      }
      return new Lifecycle(unit, zone, end, first, counts);
    }
  }
}
