package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.Proportion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A retention table from timestamped events, as {@link EventRetention#table} counts it: customers
 * grouped into cohorts by the calendar period of their start event, and for each period {@code k}
 * after the start how many came back in it (N-period retention) and how many came back in it or any
 * later period (unbounded retention).
 *
 * <p>Definitions, for a customer who started at {@code s} in cohort {@code c}, with periods as
 * {@link RetentionPeriods} defines them and {@code E} the observation end:
 *
 * <ul>
 *   <li>period {@code k} is <i>observed</i> when it has ended at or before {@code E}; a customer
 *       counts at period {@code k} (in the denominator) only then, so that a customer who started
 *       yesterday is not counted as lost at week 1;
 *   <li>the customer <i>returned</i> in period {@code k >= 1} when an activity event falls in it;
 *       period 0 is the start itself and counts every observed customer;
 *   <li>the customer <i>returned in period k or later</i> when an activity event falls in period
 *       {@code k} or any later one up to {@code E}, observed or still running;
 *   <li>N-period retention at {@code k} is the sum over cohorts of {@code returned(k)} over the sum
 *       of {@code observed(k)}; unbounded retention the same with {@code returnedOrLater(k)}:
 *       counts are added across cohorts, never rates averaged, and each is a {@link Proportion}
 *       with its Wilson interval.
 * </ul>
 *
 * <p>Tables of disjoint customer sets with the same periods and observation end {@link #merge
 * merge} by adding counts. A customer whose events are split between the two would be counted in
 * both, each time judged on part of its events: partition events by customer before counting parts.
 * Memory: 24 bytes per cohort and observed period.
 */
public final class RetentionTable implements Mergeable<RetentionTable> {
  /** The most periods after a start a table counts, so that one cohort's row fits in memory. */
  static final long MAX_PERIODS = 1_000_000;

  private final RetentionPeriods periods;
  private final Instant observationEnd;
  private final TreeMap<Long, Counts> cohorts;
  private final long unstarted;

  private RetentionTable(
      RetentionPeriods periods,
      Instant observationEnd,
      TreeMap<Long, Counts> cohorts,
      long unstarted) {
    this.periods = periods;
    this.observationEnd = observationEnd;
    this.cohorts = cohorts;
    this.unstarted = unstarted;
  }

  /** {@return the periods the table is counted in} */
  public RetentionPeriods periods() {
    return periods;
  }

  /** {@return the end of the observation} */
  public Instant observationEnd() {
    return observationEnd;
  }

  /** {@return the cohorts with at least one customer, oldest first} */
  public List<Row> cohorts() {
    List<Row> rows = new ArrayList<>(cohorts.size());
    cohorts.forEach((c, counts) -> rows.add(new Row(periods.unit().start(c), counts)));
    return rows;
  }

  /** {@return the customers in the table: every customer with a start event} */
  public long customers() {
    long total = 0;
    for (Counts counts : cohorts.values()) {
      total += counts.customers;
    }
    return total;
  }

  /**
   * {@return the customers with activity events but no start event, who are in no cohort and
   * reported here rather than dropped}
   */
  public long customersWithoutStart() {
    return unstarted;
  }

  /**
   * Returns the N-period retention at {@code offset}: the customers who came back in that period
   * after their start, out of those for whom it is observed, over all cohorts.
   *
   * @param offset the period after the start, {@code >= 0} (at 0 every observed customer counts)
   * @return the proportion, a fraction in [0, 1] with its Wilson interval; {@link Proportion#EMPTY}
   *     when no customer has been observed that long
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  public Proportion retention(int offset) {
    return total(offset, false);
  }

  /**
   * Returns the unbounded retention at {@code offset}: the customers who came back in that period
   * or any later one, out of those for whom the period is observed, over all cohorts.
   *
   * @param offset the period after the start, {@code >= 0}
   * @return the proportion, a fraction in [0, 1]; {@link Proportion#EMPTY} when no customer has
   *     been observed that long
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  public Proportion unboundedRetention(int offset) {
    return total(offset, true);
  }

  private Proportion total(int offset, boolean orLater) {
    Checks.checkAtLeast("offset", offset, 0);
    long back = 0;
    long observed = 0;
    for (Counts counts : cohorts.values()) {
      if (offset < counts.observed.length) {
        back += (orLater ? counts.returnedOrLater : counts.returned)[offset];
        observed += counts.observed[offset];
      }
    }
    return Proportion.of(back, observed);
  }

  /** {@return the longest run of observed periods of any cohort} */
  public int periodsObserved() {
    int longest = 0;
    for (Counts counts : cohorts.values()) {
      longest = Math.max(longest, counts.observed.length);
    }
    return longest;
  }

  /**
   * Returns the N-period retention curve, {@link #retention} at offsets 0 to {@link
   * #periodsObserved()} - 1.
   *
   * @return the curve; empty for a table with nothing observed
   */
  public List<Proportion> retentionCurve() {
    return curve(false);
  }

  /**
   * Returns the unbounded retention curve, {@link #unboundedRetention} at offsets 0 to {@link
   * #periodsObserved()} - 1; it never rises from one offset to the next within one cohort.
   *
   * @return the curve; empty for a table with nothing observed
   */
  public List<Proportion> unboundedCurve() {
    return curve(true);
  }

  private List<Proportion> curve(boolean orLater) {
    int longest = periodsObserved();
    List<Proportion> curve = new ArrayList<>(longest);
    for (int k = 0; k < longest; k++) {
      curve.add(total(k, orLater));
    }
    return curve;
  }

  /**
   * Returns the table of two disjoint customer sets: the counts of each cohort added.
   *
   * @param other a table with the same periods and observation end
   * @return the combined table
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the periods or observation ends differ, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public RetentionTable merge(RetentionTable other) {
    Objects.requireNonNull(other, "other");
    if (!periods.equals(other.periods) || !observationEnd.equals(other.observationEnd)) {
      throw new IllegalArgumentException(
          "cannot merge a retention table in "
              + periods.describe()
              + " observed to "
              + observationEnd
              + " with one in "
              + other.periods.describe()
              + " observed to "
              + other.observationEnd);
    }
    TreeMap<Long, Counts> merged = new TreeMap<>();
    cohorts.forEach((c, counts) -> merged.put(c, counts.copy(counts.observed.length)));
    other.cohorts.forEach((c, counts) -> merged.merge(c, counts.copy(0), Counts::add));
    return new RetentionTable(
        periods,
        observationEnd,
        merged,
        Checks.addCounts("customers without start", unstarted, other.unstarted));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetentionTable other
        && periods.equals(other.periods)
        && observationEnd.equals(other.observationEnd)
        && unstarted == other.unstarted
        && cohorts().equals(other.cohorts());
  }

  @Override
  public int hashCode() {
    return Objects.hash(periods, observationEnd, unstarted, cohorts());
  }

  /**
   * Returns e.g. {@code RetentionTable[calendar DAY in UTC to 2024-01-08T00:00:00Z, 7 cohorts, 300
   * customers]}.
   */
  @Override
  public String toString() {
    return "RetentionTable["
        + periods.describe()
        + " to "
        + observationEnd
        + ", "
        + cohorts.size()
        + " cohorts, "
        + customers()
        + " customers]";
  }

  /**
   * One cohort of a {@link RetentionTable}: its customers and, for each period after the start, how
   * many were observed, came back in it, and came back in it or later.
   */
  public static final class Row {
    private final LocalDate start;
    private final Counts counts;

    private Row(LocalDate start, Counts counts) {
      this.start = start;
      this.counts = counts;
    }

    /** {@return the first day of the cohort's calendar period} */
    public LocalDate start() {
      return start;
    }

    /** {@return the customers whose start event falls in the cohort's period} */
    public long customers() {
      return counts.customers;
    }

    /** {@return the number of periods after the start observed for at least one customer} */
    public int periodsObserved() {
      return counts.observed.length;
    }

    /**
     * {@return the customers of the cohort for whom period {@code offset} is observed}
     *
     * @param offset a period in {@code [0, periodsObserved())}
     * @throws IndexOutOfBoundsException if {@code offset} is outside that range
     */
    public long observed(int offset) {
      return counts.observed[Objects.checkIndex(offset, counts.observed.length)];
    }

    /**
     * {@return the observed customers who came back in period {@code offset} (all at offset 0)}
     *
     * @param offset a period in {@code [0, periodsObserved())}
     * @throws IndexOutOfBoundsException if {@code offset} is outside that range
     */
    public long returned(int offset) {
      return counts.returned[Objects.checkIndex(offset, counts.observed.length)];
    }

    /**
     * {@return the observed customers who came back in period {@code offset} or later}
     *
     * @param offset a period in {@code [0, periodsObserved())}
     * @throws IndexOutOfBoundsException if {@code offset} is outside that range
     */
    public long returnedOrLater(int offset) {
      return counts.returnedOrLater[Objects.checkIndex(offset, counts.observed.length)];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row other
          && start.equals(other.start)
          && counts.customers == other.counts.customers
          && Arrays.equals(counts.observed, other.counts.observed)
          && Arrays.equals(counts.returned, other.counts.returned)
          && Arrays.equals(counts.returnedOrLater, other.counts.returnedOrLater);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          start,
          counts.customers,
          Arrays.hashCode(counts.observed),
          Arrays.hashCode(counts.returned),
          Arrays.hashCode(counts.returnedOrLater));
    }

    /**
     * Returns e.g. {@code Row[2024-01-01, 3 customers, returned [3, 1, 0], or later [3, 2, 1]]}.
     */
    @Override
    public String toString() {
      return "Row["
          + start
          + ", "
          + counts.customers
          + " customers, observed "
          + Arrays.toString(counts.observed)
          + ", returned "
          + Arrays.toString(counts.returned)
          + ", or later "
          + Arrays.toString(counts.returnedOrLater)
          + "]";
    }
  }

  /** One cohort's counts, mutable while a table is built or merged. */
  private static final class Counts {
    long customers;
    long[] observed;
    long[] returned;
    long[] returnedOrLater;

    Counts(int length) {
      observed = new long[length];
      returned = new long[length];
      returnedOrLater = new long[length];
    }

    Counts copy(int length) {
      Counts copy = new Counts(Math.max(length, observed.length));
      copy.add(this);
      return copy;
    }

    Counts add(Counts other) {
      if (other.observed.length > observed.length) {
        observed = Arrays.copyOf(observed, other.observed.length);
        returned = Arrays.copyOf(returned, other.observed.length);
        returnedOrLater = Arrays.copyOf(returnedOrLater, other.observed.length);
      }
      customers = Checks.addCounts("cohort customers", customers, other.customers);
      for (int k = 0; k < other.observed.length; k++) {
        observed[k] = Checks.addCounts("observed customers", observed[k], other.observed[k]);
        returned[k] = Checks.addCounts("returned customers", returned[k], other.returned[k]);
        returnedOrLater[k] =
            Checks.addCounts("returned customers", returnedOrLater[k], other.returnedOrLater[k]);
      }
      return this;
    }
  }

  /** Counts customers into a table. */
  static final class Builder {
    private final RetentionPeriods periods;
    private final Instant end;
    private final TreeMap<Long, Counts> cohorts = new TreeMap<>();
    private long unstarted;

    Builder(RetentionPeriods periods, Instant end) {
      this.periods = periods;
      this.end = end;
    }

    /**
     * Adds one customer: its start, or null when it has none, and its activity instants.
     *
     * @throws IllegalArgumentException if the observation holds more than {@link #MAX_PERIODS}
     *     periods after the start
     */
    void add(Object customer, Instant start, List<Instant> activity) {
      if (start == null) {
        unstarted++;
        return;
      }
      long complete = periods.completePeriods(start, end);
      if (complete > MAX_PERIODS) {
        throw new IllegalArgumentException(
            "customer "
                + customer
                + " started at "
                + start
                + ", "
                + complete
                + " periods of "
                + periods.describe()
                + " before the observation end "
                + end
                + ": more than "
                + MAX_PERIODS
                + "; use a longer period");
      }
      int observed = (int) complete;
      long latest = 0;
      boolean[] back = new boolean[observed];
      for (Instant at : activity) {
        long k = periods.offset(start, at);
        if (k >= 1) {
          latest = Math.max(latest, k);
          if (k < observed) {
            back[(int) k] = true;
          }
        }
      }
      Counts counts = cohorts.computeIfAbsent(periods.period(start), c -> new Counts(0));
      if (observed > counts.observed.length) {
        counts.add(new Counts(observed));
      }
      counts.customers++;
      for (int k = 0; k < observed; k++) {
        counts.observed[k]++;
        if (k == 0 || back[k]) {
          counts.returned[k]++;
        }
        if (k == 0 || k <= latest) {
          counts.returnedOrLater[k]++;
        }
      }
    }

    RetentionTable build() {
      return new RetentionTable(periods, end, cohorts, unstarted);
    }
  }
}
