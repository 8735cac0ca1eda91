package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.ExactSum;
import io.github.cxmetrics.stats.Mergeable;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * Gross and net revenue retention over a period, from each customer's revenue at the start and at
 * the end of the period (recurring revenue per period, in the currency of the input).
 *
 * <p>Definitions, over the starting customers (those in the map of revenue at the start, with any
 * revenue {@code >= 0}; customers new at the end do not count), with {@code s_c} and {@code e_c} a
 * customer's revenue at the start and at the end (0 if absent at the end):
 *
 * <ul>
 *   <li>gross revenue retention {@code GRR = sum(min(s_c, e_c)) / sum(s_c)}: the share of starting
 *       revenue kept, net of contraction and churn, ignoring expansion; in [0, 1];
 *   <li>net revenue retention {@code NRR = sum(e_c) / sum(s_c)}: starting revenue plus expansion
 *       minus contraction and churn, over starting revenue; {@code >= 0}, above 1 when expansion
 *       outweighs losses;
 *   <li>expansion {@code sum(max(e_c - s_c, 0))}, contraction and churn {@code sum(max(s_c - e_c,
 *       0))}, of which churned revenue is the starting revenue of customers who have
 *       <i>churned</i>: absent at the end, or present with revenue 0 (the common SaaS definition: a
 *       customer left on a free plan pays nothing and counts as lost, not as contraction).
 * </ul>
 *
 * <p>These are the definitions used in subscription-business reporting (see e.g. D. Skok, "SaaS
 * Metrics 2.0", 2013, <a
 * href="https://www.forentrepreneurs.com/saas-metrics-2/">forentrepreneurs.com/saas-metrics-2</a>,
 * on net and gross revenue churn). Revenues and every revenue figure are in the currency of the
 * input; retention ratios are fractions.
 *
 * <p>All sums are exact (no rounding until a figure is read), so values of disjoint customer groups
 * {@link #merge merge} exactly. A value with no starting revenue has sums but no rates: they throw
 * {@link IllegalStateException}.
 */
public final class RevenueRetention implements Mergeable<RevenueRetention> {
  /** No revenue at all: the identity of {@link #merge}. */
  public static final RevenueRetention EMPTY =
      new RevenueRetention(
          BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

  private final BigInteger start;
  private final BigInteger kept;
  private final BigInteger endOfStarting;
  private final BigInteger churned;
  private final BigInteger acquired;

  private RevenueRetention(
      BigInteger start,
      BigInteger kept,
      BigInteger endOfStarting,
      BigInteger churned,
      BigInteger acquired) {
    this.start = start;
    this.kept = kept;
    this.endOfStarting = endOfStarting;
    this.churned = churned;
    this.acquired = acquired;
  }

  /**
   * Returns the revenue retention of a period from each customer's revenue at its start and end. A
   * customer missing from {@code atEnd} has churned; one missing from {@code atStart} is new.
   *
   * @param <T> the type of the customer identifiers
   * @param atStart revenue per customer at the start, each finite and {@code >= 0}
   * @param atEnd revenue per customer at the end, each finite and {@code >= 0}
   * @return the value
   * @throws NullPointerException if a map, a key or a value is null
   * @throws IllegalArgumentException if a revenue is negative, NaN or infinite, naming the customer
   */
  public static <T> RevenueRetention of(
      Map<T, ? extends Number> atStart, Map<T, ? extends Number> atEnd) {
    Objects.requireNonNull(atStart, "atStart");
    Objects.requireNonNull(atEnd, "atEnd");
    ExactSum start = new ExactSum();
    ExactSum kept = new ExactSum();
    ExactSum endOfStarting = new ExactSum();
    ExactSum churned = new ExactSum();
    ExactSum acquired = new ExactSum();
    for (Map.Entry<T, ? extends Number> entry : atStart.entrySet()) {
      double s = revenue(entry.getKey(), entry.getValue(), "atStart");
      Number endValue = atEnd.get(entry.getKey());
      start.add(s);
      if (endValue == null) {
        churned.add(s);
        continue;
      }
      double e = revenue(entry.getKey(), endValue, "atEnd");
      if (e == 0) {
        churned.add(s);
        continue;
      }
      kept.add(Math.min(s, e));
      endOfStarting.add(e);
    }
    for (Map.Entry<T, ? extends Number> entry : atEnd.entrySet()) {
      double e = revenue(entry.getKey(), entry.getValue(), "atEnd");
      if (!atStart.containsKey(entry.getKey())) {
        acquired.add(e);
      }
    }
    return new RevenueRetention(
        start.scaled(), kept.scaled(), endOfStarting.scaled(), churned.scaled(), acquired.scaled());
  }

  private static double revenue(Object customer, Number value, String map) {
    Objects.requireNonNull(customer, map + " has a null customer");
    Objects.requireNonNull(value, map + " has a null revenue for customer " + customer);
    double revenue = value.doubleValue();
    if (!(revenue >= 0 && revenue < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "revenue "
              + revenue
              + " of customer "
              + customer
              + " in "
              + map
              + " must be finite and >= 0");
    }
    return revenue;
  }

  /** {@return the starting revenue {@code sum(s_c)}, rounded to the nearest double} */
  public double startingRevenue() {
    return ExactSum.toDouble(start);
  }

  /** {@return the end revenue of the starting customers {@code sum(e_c)}, rounded} */
  public double endingRevenueOfStartingCustomers() {
    return ExactSum.toDouble(endOfStarting);
  }

  /**
   * {@return the expansion {@code sum(max(e_c - s_c, 0))}, in the currency of the input, rounded}
   */
  public double expansion() {
    return ExactSum.toDouble(endOfStarting.subtract(kept));
  }

  /**
   * Returns the revenue lost to contraction and churn, {@code sum(max(s_c - e_c, 0))}, rounded to
   * the nearest double.
   *
   * @return the lost revenue, in the currency of the input, {@code >= 0}
   */
  public double contractionAndChurn() {
    return ExactSum.toDouble(start.subtract(kept));
  }

  /** {@return the starting revenue of churned customers (absent at the end, or at 0), rounded} */
  public double churnedRevenue() {
    return ExactSum.toDouble(churned);
  }

  /** {@return the end revenue of customers absent at the start (new), rounded} */
  public double newRevenue() {
    return ExactSum.toDouble(acquired);
  }

  /**
   * Returns gross revenue retention {@code sum(min(s_c, e_c)) / sum(s_c)}.
   *
   * @return a fraction in [0, 1]
   * @throws IllegalStateException if the starting revenue is 0
   */
  public double grossRevenueRetention() {
    return ratio(kept);
  }

  /**
   * Returns net revenue retention {@code sum(e_c) / sum(s_c)}.
   *
   * @return a fraction of the starting revenue, {@code >= 0} (above 1 with net expansion)
   * @throws IllegalStateException if the starting revenue is 0
   */
  public double netRevenueRetention() {
    return ratio(endOfStarting);
  }

  private double ratio(BigInteger numerator) {
    if (start.signum() == 0) {
      throw new IllegalStateException("revenue retention is undefined with no starting revenue");
    }
    return numerator.signum() == 0 ? 0.0 : ExactSum.ratio(numerator, start);
  }

  /**
   * Returns the revenue retention of two disjoint customer groups over the same period: the exact
   * sums added.
   *
   * @param other another group's value
   * @return the combined value
   * @throws NullPointerException if {@code other} is null
   */
  @Override
  public RevenueRetention merge(RevenueRetention other) {
    Objects.requireNonNull(other, "other");
    return new RevenueRetention(
        start.add(other.start),
        kept.add(other.kept),
        endOfStarting.add(other.endOfStarting),
        churned.add(other.churned),
        acquired.add(other.acquired));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevenueRetention other
        && start.equals(other.start)
        && kept.equals(other.kept)
        && endOfStarting.equals(other.endOfStarting)
        && churned.equals(other.churned)
        && acquired.equals(other.acquired);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, kept, endOfStarting, churned, acquired);
  }

  /** Returns e.g. {@code RevenueRetention[gross=0.9, net=1.05, starting=1000.0]}. */
  @Override
  public String toString() {
    return start.signum() == 0
        ? "RevenueRetention[starting=0.0]"
        : "RevenueRetention[gross="
            + grossRevenueRetention()
            + ", net="
            + netRevenueRetention()
            + ", starting="
            + startingRevenue()
            + "]";
  }
}
