package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A discrete-time model of customer lifetimes in a contractual setting (subscriptions renewed or
 * cancelled once a period): every customer pays at the start of each period while subscribed, and
 * cancels at a renewal point for good. {@link ShiftedBetaGeometric} and {@link BetaDiscreteWeibull}
 * implement it.
 *
 * <p>Notation: a customer acquired at period 0 has lifetime {@code T in {1, 2, ...}}, the period in
 * which it is lost; {@code S(t) = P(T > t)} is the survivor function ({@code S(0) = 1}), {@code P(T
 * = t) = S(t - 1) - S(t)} the churn probability, and {@code r(t) = S(t) / S(t - 1)} the retention
 * rate from period {@code t - 1} to {@code t}. Periods are those of the data the model was fitted
 * to ({@link SurvivorCounts}); discount rates, margins and values are per such period.
 *
 * <p>Customer value (P. S. Fader and B. G. S. Hardie, "Customer-Base Valuation in a Contractual
 * Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1), 85-93, 2010, <a
 * href="https://doi.org/10.1287/mksc.1080.0482">doi:10.1287/mksc.1080.0482</a>), with a discount
 * rate {@code d} per period and payments at the start of each period:
 *
 * <pre>
 * DEL(d)     = sum_{t &gt;= 0} S(t) / (1 + d)^t                      (a customer just acquired)
 * DERL(d, n) = sum_{t &gt;= n+1} [S(t) / S(n)] / (1 + d)^(t - n - 1)   (one who has renewed n times)
 * </pre>
 *
 * {@code DEL} counts the first payment, made at acquisition; {@code DERL} is valued at the moment
 * of the {@code (n + 1)}-th renewal decision and counts the payments still to come, the first of
 * them (made if the customer renews) undiscounted. Multiplied by the margin per period they give
 * the lifetime value of a new customer and the residual value of an existing one.
 *
 * <p>The default sums add the series term by term until the terms left, bounded by {@code S(t) z^(t
 * + 1) / (1 - z)} with {@code z = 1 / (1 + d)} since {@code S} decreases, are below {@code 1e-16}
 * of the sum: about {@code 37 / d} terms. They need {@code d > 0}: the survivor function of a
 * heterogeneous cohort decays like a power of {@code t}, so without discounting the series may
 * diverge and converges too slowly to sum where it does not; models with a closed form accept more.
 */
public interface ContractualModel {
  /** The most terms a default sum adds, so that a discount rate of about 4e-7 is the smallest. */
  long MAX_TERMS = 100_000_000L;

  /**
   * Returns the survivor function {@code S(t) = P(T > t)}: the probability that a customer acquired
   * at period 0 is still subscribed at period {@code t}.
   *
   * @param t the period, {@code >= 0}
   * @return the probability, in (0, 1]; 1 at {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative
   */
  double survival(int t);

  /**
   * Returns the churn probability {@code P(T = t) = S(t - 1) - S(t)}: the probability that a
   * customer acquired at period 0 is lost in period {@code t}.
   *
   * @param t the period, {@code >= 1}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code t} is below 1
   */
  double churnProbability(int t);

  /**
   * Returns the retention rate {@code r(t) = S(t) / S(t - 1)}: the share of the customers
   * subscribed at period {@code t - 1} who are still subscribed at {@code t}.
   *
   * @param t the period, {@code >= 1}
   * @return the rate, a fraction in [0, 1]
   * @throws IllegalArgumentException if {@code t} is below 1
   */
  double retentionRate(int t);

  /**
   * Returns the log-likelihood of survivor counts: {@code sum_t L_t ln P(T = t) + sum_k C_k ln
   * S(k)}, with {@code L_t} the customers lost in period {@code t} and {@code C_k} those still
   * subscribed at their cohort's last period {@code k} (see {@link SurvivorCounts}).
   *
   * @param data the counts
   * @return the log-likelihood, {@code <= 0}
   * @throws NullPointerException if {@code data} is null
   */
  double logLikelihood(SurvivorCounts data);

  /**
   * Simulates one cohort: each customer draws its own parameters from the model's mixing
   * distribution and then its lifetime.
   *
   * @param size the cohort's size, {@code >= 0}
   * @param lastPeriod the last period to count survivors at, {@code >= 0}
   * @param rng the source of randomness
   * @return the survivors at periods 0 to {@code lastPeriod}
   * @throws NullPointerException if {@code rng} is null
   * @throws IllegalArgumentException if {@code size} or {@code lastPeriod} is negative
   */
  long[] simulate(long size, int lastPeriod, UniformRandomProvider rng);

  /**
   * Returns the expected number of survivors at period {@code t} of a cohort of {@code size}
   * customers, {@code size S(t)}.
   *
   * @param size the cohort's size, {@code >= 0}
   * @param t the period, {@code >= 0}
   * @return the expected survivors, in customers
   * @throws IllegalArgumentException if an argument is negative
   */
  default double expectedSurvivors(long size, int t) {
    Checks.checkCount("size", size);
    return size * survival(t);
  }

  /**
   * Returns the observed and the expected survivors of one cohort from period 0 to {@code
   * lastPeriod}, for printing or plotting a fit beside the data and its projection.
   *
   * @param observed the cohort's survivor counts from period 0 (its size), as far as observed
   * @param lastPeriod the last period to project to, {@code >= 0}; it may be before or after the
   *     last observed one
   * @return one row a period: the observed count where there is one, and {@code observed[0] S(t)}
   * @throws NullPointerException if {@code observed} is null
   * @throws IllegalArgumentException if {@code observed} is not the survivor counts of one cohort
   *     (as {@link SurvivorCounts#of} checks; a cohort observed at period 0 only is allowed) or
   *     {@code lastPeriod} is negative
   */
  default List<ProjectedSurvivors> project(long[] observed, int lastPeriod) {
    Objects.requireNonNull(observed, "observed");
    Checks.checkAtLeast("lastPeriod", lastPeriod, 0);
    SurvivorCounts.check(observed, "the observed cohort");
    long size = observed[0];
    List<ProjectedSurvivors> rows = new ArrayList<>(lastPeriod + 1);
    for (int t = 0; t <= lastPeriod; t++) {
      OptionalLong seen = t < observed.length ? OptionalLong.of(observed[t]) : OptionalLong.empty();
      rows.add(new ProjectedSurvivors(t, seen, size * survival(t)));
    }
    return rows;
  }

  /**
   * Returns the discounted expected lifetime {@code DEL(d) = sum_{t >= 0} S(t) / (1 + d)^t} of a
   * customer just acquired, in periods (payments), counting the first payment at acquisition.
   *
   * @param discountRate the discount rate per period, finite and {@code > 0} (models with a closed
   *     form may accept 0)
   * @return the discounted number of payments, {@code >= 1}
   * @throws IllegalArgumentException if {@code discountRate} is NaN, infinite, not above 0, or so
   *     small that the series would need more than {@link #MAX_TERMS} terms
   */
  default double discountedExpectedLifetime(double discountRate) {
    return ContractualSums.discounted(this, discountRate, 0);
  }

  /**
   * Returns the discounted expected residual lifetime {@code DERL(d, n) = sum_{t >= n + 1} [S(t) /
   * S(n)] / (1 + d)^(t - n - 1)} of a customer who has renewed {@code n} times (acquired at period
   * 0 and still subscribed at period {@code n}), valued at its next renewal decision.
   *
   * @param discountRate the discount rate per period, finite and {@code > 0} (models with a closed
   *     form may accept 0)
   * @param renewals the renewals made, {@code n >= 0}
   * @return the discounted number of payments still to come, {@code >= 0}
   * @throws IllegalArgumentException if {@code discountRate} is NaN, infinite, not above 0, or too
   *     small (as {@link #discountedExpectedLifetime}), or {@code renewals} is negative
   */
  default double discountedExpectedResidualLifetime(double discountRate, int renewals) {
    Checks.checkAtLeast("renewals", renewals, 0);
    return ContractualSums.discounted(this, discountRate, renewals + 1) / survival(renewals);
  }

  /**
   * Returns the lifetime value of a customer just acquired, {@code margin DEL(d)}.
   *
   * @param margin the margin per period of a subscribed customer, finite (may be negative)
   * @param discountRate the discount rate per period, as {@link #discountedExpectedLifetime}
   * @return the value, in the currency of the margin
   * @throws IllegalArgumentException if {@code margin} is not finite or the discount rate is out of
   *     range, naming it
   */
  default double lifetimeValue(double margin, double discountRate) {
    Checks.checkFinite("margin", margin);
    return margin * discountedExpectedLifetime(discountRate);
  }

  /**
   * Returns the residual value of a customer base: {@code margin sum_k C_k DERL(d, k)}, the
   * discounted value of the payments still to come from every customer still subscribed, each
   * cohort's survivors at its last observed period {@code k} having renewed {@code k} times (Fader
   * &amp; Hardie 2010, section 3).
   *
   * @param margin the margin per period of a subscribed customer, finite (may be negative)
   * @param discountRate the discount rate per period, as {@link #discountedExpectedLifetime}
   * @param base the cohorts of the base, each observed up to the present
   * @return the value, in the currency of the margin; 0 when nobody is still subscribed
   * @throws NullPointerException if {@code base} is null
   * @throws IllegalArgumentException if {@code margin} is not finite or the discount rate is out of
   *     range, naming it
   */
  default double residualValue(double margin, double discountRate, SurvivorCounts base) {
    Checks.checkFinite("margin", margin);
    Objects.requireNonNull(base, "base");
    double total = 0;
    for (int k = 0; k <= base.lastPeriod(); k++) {
      long subscribed = base.censoredAt(k);
      if (subscribed > 0) {
        total += subscribed * discountedExpectedResidualLifetime(discountRate, k);
      }
    }
    return margin * total;
  }
}
