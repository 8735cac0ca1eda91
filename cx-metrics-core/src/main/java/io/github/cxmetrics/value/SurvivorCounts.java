package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Survivor counts of subscription cohorts, the data of a {@link ContractualModel}: for each cohort,
 * how many of its customers were still subscribed at the start of each period since it was
 * acquired, {@code n_0 >= n_1 >= ... >= n_k}, with {@code n_0} the cohort's size and {@code k} its
 * last observed period.
 *
 * <p>Cohorts of different ages each contribute their own periods (P. S. Fader and B. G. S. Hardie,
 * "Fitting the sBG Model to Multi-Cohort Data", 2007, <a
 * href="http://brucehardie.com/notes/017/">brucehardie.com/notes/017</a>). A customer lost in
 * period {@code t} (subscribed at {@code t - 1}, not at {@code t}) has lifetime {@code T = t}; one
 * still subscribed at the cohort's last period {@code k} has {@code T > k} (censored). The
 * likelihood of every model therefore depends on the data only through
 *
 * <pre>
 * L_t = sum over cohorts observed through period t of (n_{t-1} - n_t)   (lost in period t)
 * C_k = sum over cohorts whose last period is k of n_k                  (still subscribed at k)
 * </pre>
 *
 * which {@link #lostIn(int)} and {@link #censoredAt(int)} return; their cost no longer depends on
 * the number of cohorts.
 *
 * <p>Rules, each checked with an exception that names the cohort and the period: every count is
 * {@code >= 0}, no count exceeds the one before it (a subscription lost does not come back: counts
 * of customers <i>active</i> in a period, which a returning customer can increase, are not survivor
 * counts), every cohort has at least one customer, and there is at least one cohort observed beyond
 * its first period. A cohort table built from activity records ({@code CohortTable.activeCounts()}
 * in package {@code retention}) gives survivor counts where customers who leave do not come back,
 * as in a subscription business.
 */
public final class SurvivorCounts {
  private final List<long[]> cohorts;
  private final long[] lost;
  private final long[] censored;
  private final long customers;

  private SurvivorCounts(List<long[]> cohorts) {
    this.cohorts = cohorts;
    int longest = 0;
    long total = 0;
    for (long[] cohort : cohorts) {
      longest = Math.max(longest, cohort.length - 1);
      total = Checks.addCounts("customers", total, cohort[0]);
    }
    this.customers = total;
    this.lost = new long[longest + 1];
    this.censored = new long[longest + 1];
    for (long[] cohort : cohorts) {
      for (int t = 1; t < cohort.length; t++) {
        lost[t] =
            Checks.addCounts("customers lost in period " + t, lost[t], cohort[t - 1] - cohort[t]);
      }
      int last = cohort.length - 1;
      censored[last] =
          Checks.addCounts(
              "customers still subscribed at period " + last, censored[last], cohort[last]);
    }
  }

  /**
   * Returns the survivor counts of one cohort.
   *
   * @param survivors the customers still subscribed at periods 0, 1, ..., k: {@code survivors[0]}
   *     is the cohort's size, and {@code k >= 1}
   * @return the counts
   * @throws NullPointerException if {@code survivors} is null
   * @throws IllegalArgumentException if fewer than two periods are given, the cohort is empty, a
   *     count is negative or exceeds the one before it, naming the period and the counts
   */
  public static SurvivorCounts of(long... survivors) {
    Objects.requireNonNull(survivors, "survivors");
    return ofCohorts(List.of(survivors));
  }

  /**
   * Returns the survivor counts of several cohorts, each observed for its own number of periods
   * (older cohorts longer).
   *
   * @param cohorts for each cohort, the customers still subscribed at periods 0 to its last
   *     observed period; a cohort observed only at period 0 adds its customers but no information
   * @return the counts (the arrays are copied)
   * @throws NullPointerException if {@code cohorts} or one of them is null, naming its index
   * @throws IllegalArgumentException if there is no cohort, no cohort observed beyond period 0, or
   *     a cohort is empty, has a negative count or a count above the one before it, naming the
   *     cohort's index, the period and the counts
   */
  public static SurvivorCounts ofCohorts(List<long[]> cohorts) {
    Objects.requireNonNull(cohorts, "cohorts");
    List<long[]> copies = new ArrayList<>(cohorts.size());
    boolean observedBeyondStart = false;
    for (int i = 0; i < cohorts.size(); i++) {
      long[] cohort = Objects.requireNonNull(cohorts.get(i), "cohort at index " + i).clone();
      check(cohort, "cohort " + i);
      observedBeyondStart |= cohort.length >= 2;
      copies.add(cohort);
    }
    if (!observedBeyondStart) {
      throw new IllegalArgumentException(
          cohorts.isEmpty()
              ? "survivor counts need at least one cohort"
              : "survivor counts need a cohort observed for at least two periods (0 and 1); the "
                  + cohorts.size()
                  + " cohorts are observed at period 0 only");
    }
    return new SurvivorCounts(List.copyOf(copies));
  }

  /** Checks the counts of one cohort, named {@code which} in messages. */
  static void check(long[] cohort, String which) {
    if (cohort.length == 0) {
      throw new IllegalArgumentException(which + " has no count: it needs its size at period 0");
    }
    if (cohort[0] <= 0) {
      throw new IllegalArgumentException(
          which + " has size " + cohort[0] + " at period 0: a cohort needs at least one customer");
    }
    for (int t = 1; t < cohort.length; t++) {
      if (cohort[t] < 0) {
        throw new IllegalArgumentException(
            which + " has a negative count " + cohort[t] + " at period " + t);
      }
      if (cohort[t] > cohort[t - 1]) {
        throw new IllegalArgumentException(
            which
                + " grows from "
                + cohort[t - 1]
                + " at period "
                + (t - 1)
                + " to "
                + cohort[t]
                + " at period "
                + t
                + ": survivor counts cannot increase");
      }
    }
  }

  /** {@return the number of cohorts} */
  public int cohortCount() {
    return cohorts.size();
  }

  /**
   * Returns one cohort's counts.
   *
   * @param index the cohort's index, in {@code [0, cohortCount())}
   * @return a copy of its survivor counts, from period 0
   * @throws IndexOutOfBoundsException if there is no such cohort
   */
  public long[] cohort(int index) {
    return cohorts.get(index).clone();
  }

  /** {@return the number of customers: the sum of the cohorts' sizes} */
  public long customers() {
    return customers;
  }

  /** {@return the last period any cohort was observed at} */
  public int lastPeriod() {
    return lost.length - 1;
  }

  /**
   * Returns {@code L_t}, the customers lost in period {@code t} over all cohorts observed that
   * long.
   *
   * @param t the period, in {@code [1, lastPeriod()]}
   * @return the count
   * @throws IndexOutOfBoundsException if {@code t} is outside that range
   */
  public long lostIn(int t) {
    if (t < 1 || t >= lost.length) {
      throw new IndexOutOfBoundsException(
          "period "
              + t
              + " is outside [1, "
              + lastPeriod()
              + "], the periods customers are lost in");
    }
    return lost[t];
  }

  /**
   * Returns {@code C_k}, the customers of the cohorts whose last observed period is {@code k} that
   * were still subscribed then.
   *
   * @param k the period, in {@code [0, lastPeriod()]}
   * @return the count
   * @throws IndexOutOfBoundsException if {@code k} is outside that range
   */
  public long censoredAt(int k) {
    return censored[Objects.checkIndex(k, censored.length)];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SurvivorCounts other) || other.cohorts.size() != cohorts.size()) {
      return false;
    }
    for (int i = 0; i < cohorts.size(); i++) {
      if (!Arrays.equals(cohorts.get(i), other.cohorts.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (long[] cohort : cohorts) {
      hash = 31 * hash + Arrays.hashCode(cohort);
    }
    return hash;
  }

  /** Returns e.g. {@code SurvivorCounts[2 cohorts, 1500 customers, through period 7]}. */
  @Override
  public String toString() {
    return "SurvivorCounts["
        + cohorts.size()
        + (cohorts.size() == 1 ? " cohort, " : " cohorts, ")
        + customers
        + " customers, through period "
        + lastPeriod()
        + "]";
  }
}
