package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The BG/BB model of repeat transactions at discrete opportunities ("beta-geometric /
 * beta-Bernoulli"; P. S. Fader, B. G. S. Hardie and J. Shang, "Customer-Base Analysis in a
 * Discrete-Time Noncontractual Setting", Marketing Science 29(6), 1086-1108, 2010, <a
 * href="https://doi.org/10.1287/mksc.1100.0580">doi:10.1287/mksc.1100.0580</a>; equation numbers
 * below are that paper's).
 *
 * <p>A customer alive at an opportunity transacts with probability {@code p}; at the start of each
 * opportunity after the first, an alive customer dies (becomes inactive for good) with probability
 * {@code theta}. Across customers, {@code p ~ Beta(alpha, beta)} and {@code theta ~ Beta(gamma,
 * delta)}. A history is {@code (x, t_x, n)}: {@code x} transactions in {@code n} opportunities, the
 * last at opportunity {@code t_x} ({@link OpportunitySummaries}).
 *
 * <p>Likelihood of a history (equation 5), with {@code B} the beta function:
 *
 * <pre>
 * L = B(alpha + x, beta + n - x) / B(alpha, beta) B(gamma, delta + n) / B(gamma, delta)
 *   + sum_{i=0}^{n - t_x - 1} B(alpha + x, beta + t_x - x + i) / B(alpha, beta)
 *                             B(gamma + 1, delta + t_x + i) / B(gamma, delta)
 * </pre>
 *
 * <p>Predictions are written as finite or geometric sums of {@code S(t) = E[(1 - theta)^t] =
 * B(gamma, delta + t) / B(gamma, delta) = prod_{k < t} (delta + k) / (gamma + delta + k)}, the
 * probability of being alive at opportunity {@code t}, which equal the paper's gamma-function
 * closed forms (equations 8, 13) but have no pole at {@code gamma = 1}:
 *
 * <ul>
 *   <li>{@code E[X(n)] = alpha / (alpha + beta) sum_{t=1}^{n} S(t)} (equation 8);
 *   <li>{@code P(alive at n + 1 | x, t_x, n) = B(alpha + x, beta + n - x) / B(alpha, beta) B(gamma,
 *       delta + n + 1) / B(gamma, delta) / L} (equation 11);
 *   <li>{@code E[X(n, n + n*) | x, t_x, n] = B(alpha + x + 1, beta + n - x) / B(alpha, beta)
 *       sum_{t=n+1}^{n+n*} S(t) / L} (equation 13);
 *   <li>{@code DERT(d | x, t_x, n) = B(alpha + x + 1, beta + n - x) / B(alpha, beta) sum_{t > n}
 *       S(t) / (1 + d)^(t - n) / L} (equation 14, where the sum is written with 2F1).
 * </ul>
 */
public final class BgBb implements DiscreteTransactionModel {
  private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double delta;

  private BgBb(double alpha, double beta, double gamma, double delta) {
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.delta = delta;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @param alpha the first shape of the transaction-probability distribution, finite and {@code >
   *     0}
   * @param beta the second shape of the transaction-probability distribution, finite and {@code >
   *     0}
   * @param gamma the first shape of the dropout-probability distribution, finite and {@code > 0}
   * @param delta the second shape of the dropout-probability distribution, finite and {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive, naming it
   */
  public static BgBb of(double alpha, double beta, double gamma, double delta) {
    Checks.checkPositive("alpha", alpha);
    Checks.checkPositive("beta", beta);
    Checks.checkPositive("gamma", gamma);
    Checks.checkPositive("delta", delta);
    return new BgBb(alpha, beta, gamma, delta);
  }

  /**
   * Fits the model to patterns with counts by maximum likelihood: Newton's method on the logarithms
   * of the parameters with the analytic Hessian ({@code BgBbLikelihood}), from all four parameters
   * equal to 1. The cost is linear in the number of rows and in the opportunities, not in the
   * number of customers, so a million donors in their patterns fit as fast as a thousand.
   *
   * @param patterns the customers' frequency, recency and opportunities, with counts
   * @return the fit: the model, its log-likelihood and the standard errors of its parameters
   * @throws NullPointerException if {@code patterns} is null
   * @throws IllegalArgumentException if the data cannot identify the model: no customers, no
   *     opportunity after the first, no repeat transaction at all or transactions at every
   *     opportunity, a likelihood that grows without bound as a parameter runs to 0 or infinity, or
   *     a singular information matrix at the maximum (the message names the parameter or estimate)
   * @throws IllegalStateException if the iteration does not converge in 500 steps
   */
  public static ModelFit<BgBb> fit(OpportunitySummaries patterns) {
    Objects.requireNonNull(patterns, "patterns");
    long transactions = 0;
    long opportunities = 0;
    for (int i = 0; i < patterns.size(); i++) {
      transactions += patterns.count(i) * patterns.frequency(i);
      opportunities += patterns.count(i) * patterns.opportunities(i);
    }
    if (patterns.customers() == 0 || opportunities == 0) {
      throw new IllegalArgumentException(
          "the data cannot identify the BG/BB model: "
              + (patterns.customers() == 0 ? "no customers" : "no opportunity after the first"));
    }
    if (transactions == 0 || transactions == opportunities) {
      throw new IllegalArgumentException(
          "the data cannot identify the BG/BB model: the "
              + patterns.customers()
              + " customers transacted at "
              + (transactions == 0 ? "none" : "every one")
              + " of their "
              + opportunities
              + " opportunities");
    }
    Newton.Result result =
        Newton.maximize("BG/BB", NAMES, new BgBbLikelihood(patterns), new double[] {1, 1, 1, 1});
    double[] p = result.params();
    return new ModelFit<>(
        new BgBb(p[0], p[1], p[2], p[3]),
        NAMES,
        result,
        patterns.customers(),
        "BG/BB",
        BgBb::ofParameters,
        null);
  }

  /** {@return the first shape {@code alpha} of the transaction-probability distribution} */
  public double alpha() {
    return alpha;
  }

  /** {@return the second shape {@code beta} of the transaction-probability distribution} */
  public double beta() {
    return beta;
  }

  /** {@return the first shape {@code gamma} of the dropout-probability distribution} */
  public double gamma() {
    return gamma;
  }

  /** {@return the second shape {@code delta} of the dropout-probability distribution} */
  public double delta() {
    return delta;
  }

  private double logBetaP(int x, int y) {
    return LogBeta.value(alpha + x, beta + y) - LogBeta.value(alpha, beta);
  }

  private double logBetaTheta(int e, int m) {
    return LogBeta.value(gamma + e, delta + m) - LogBeta.value(gamma, delta);
  }

  /** {@code ln L} of equation 5, as log-sum-exp. */
  private double logL(int x, int tx, int n) {
    int terms = 1 + n - tx;
    double[] log = new double[terms];
    log[0] = logBetaP(x, n - x) + logBetaTheta(0, n);
    double max = log[0];
    for (int i = 0; i < terms - 1; i++) {
      log[i + 1] = logBetaP(x, tx - x + i) + logBetaTheta(1, tx + i);
      max = Math.max(max, log[i + 1]);
    }
    double sum = 0;
    for (double l : log) {
      sum += Math.exp(l - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Returns the log-likelihood of one history (equation 5, formula in the class documentation).
   *
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities
   * @return the log-likelihood, {@code <= 0}; 0 for {@code n = 0}
   * @throws IllegalArgumentException if the history breaks the rules of {@link
   *     OpportunitySummaries}, naming it
   */
  @Override
  public double logLikelihood(int x, int tx, int n) {
    OpportunitySummaries.check(x, tx, n, "customer");
    return logL(x, tx, n);
  }

  /**
   * Returns the total log-likelihood of patterns with counts.
   *
   * @param patterns the patterns
   * @return the log-likelihood, {@code <= 0}; 0 for no customers
   * @throws NullPointerException if {@code patterns} is null
   */
  public double logLikelihood(OpportunitySummaries patterns) {
    Objects.requireNonNull(patterns, "patterns");
    return new BgBbLikelihood(patterns)
        .evaluate(new double[] {alpha, beta, gamma, delta}, null, null);
  }

  /**
   * {@code sum_{t=from+1}^{to} S(t) w^(t - from)}, with {@code S(t) = B(gamma, delta + t) / B(..)}.
   */
  private double survivalSum(int from, long to, double w) {
    double s = Math.exp(logBetaTheta(0, from));
    double sum = 0;
    double discount = 1;
    for (long t = from + 1; t <= to; t++) {
      s *= (delta + t - 1) / (gamma + delta + t - 1);
      discount *= w;
      double term = s * discount;
      sum += term;
      if (to == Long.MAX_VALUE && term <= 1e-17 * sum) {
        break;
      }
    }
    return sum;
  }

  /**
   * Returns {@code E[X(n)] = alpha / (alpha + beta) sum_{t=1}^{n} S(t)}, the expected transactions
   * of a new customer in its first {@code n} opportunities (equation 8).
   *
   * @param n the opportunities, {@code >= 0}
   * @return the expected transactions, in [0, n]; 0 for {@code n = 0}
   * @throws IllegalArgumentException if {@code n} is negative
   */
  @Override
  public double expectedTransactions(int n) {
    Checks.checkAtLeast("opportunities", n, 0);
    return alpha / (alpha + beta) * survivalSum(0, n, 1);
  }

  /**
   * Returns {@code P(X(n) = x)}, the probability of exactly {@code x} transactions in the first
   * {@code n} opportunities (equation 7):
   *
   * <pre>
   * C(n, x) B(alpha + x, beta + n - x) / B(alpha, beta) B(gamma, delta + n) / B(gamma, delta)
   *   + sum_{i=x}^{n-1} C(i, x) B(alpha + x, beta + i - x) / B(alpha, beta)
   *                     B(gamma + 1, delta + i) / B(gamma, delta)
   * </pre>
   *
   * @param x the transactions, {@code >= 0}
   * @param n the opportunities, {@code >= 0}
   * @return the probability, in [0, 1]; 0 for {@code x > n}
   * @throws IllegalArgumentException if {@code x} or {@code n} is negative
   */
  @Override
  public double probabilityOfTransactions(int x, int n) {
    Checks.checkAtLeast("transactions", x, 0);
    Checks.checkAtLeast("opportunities", n, 0);
    if (x > n) {
      return 0;
    }
    double total = Math.exp(logChoose(n, x) + logBetaP(x, n - x) + logBetaTheta(0, n));
    for (int i = x; i < n; i++) {
      total += Math.exp(logChoose(i, x) + logBetaP(x, i - x) + logBetaTheta(1, i));
    }
    return Math.min(1, total);
  }

  private static double logChoose(int n, int k) {
    return LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
  }

  /**
   * Returns the probability that a customer with the given history is alive at opportunity {@code n
   * + 1} (equation 11).
   *
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities observed
   * @return the probability, in (0, 1)
   * @throws IllegalArgumentException if the history breaks the rules of {@link
   *     OpportunitySummaries}, naming it
   */
  @Override
  public double probabilityAlive(int x, int tx, int n) {
    OpportunitySummaries.check(x, tx, n, "customer");
    return Math.exp(logBetaP(x, n - x) + logBetaTheta(0, n + 1) - logL(x, tx, n));
  }

  /**
   * Returns {@code E[X(n, n + n*) | x, t_x, n]}, the expected transactions at the next {@code
   * future} opportunities of a customer with the given history (equation 13).
   *
   * @param future the opportunities ahead, {@code n* >= 0}
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities observed
   * @return the expected transactions, in [0, future]; 0 for {@code future = 0}
   * @throws IllegalArgumentException if {@code future} is negative or the history breaks the rules
   *     of {@link OpportunitySummaries}, naming it
   */
  @Override
  public double conditionalExpectedTransactions(int future, int x, int tx, int n) {
    Checks.checkAtLeast("future opportunities", future, 0);
    OpportunitySummaries.check(x, tx, n, "customer");
    double perOpportunity = Math.exp(logBetaP(x + 1, n - x) - logL(x, tx, n));
    return perOpportunity * survivalSum(n, (long) n + future, 1);
  }

  /**
   * Returns the discounted expected residual transactions of a customer with the given history
   * (equation 14): its expected transactions at every opportunity after {@code n}, the one at
   * {@code n + k} discounted by {@code (1 + d)^-k}. Multiplied by a margin per transaction, it is
   * the customer's expected residual value.
   *
   * @param discountRate the discount rate per opportunity {@code d}, finite and {@code > 0}
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities observed
   * @return the discounted expected transactions, {@code >= 0}
   * @throws IllegalArgumentException if the rate is not finite and positive (with {@code d = 0} the
   *     sum diverges when {@code gamma <= 1}) or the history breaks the rules, naming it
   */
  public double discountedExpectedResidualTransactions(double discountRate, int x, int tx, int n) {
    Checks.checkPositive("discountRate", discountRate);
    OpportunitySummaries.check(x, tx, n, "customer");
    double perOpportunity = Math.exp(logBetaP(x + 1, n - x) - logL(x, tx, n));
    return perOpportunity * survivalSum(n, Long.MAX_VALUE, 1 / (1 + discountRate));
  }

  /**
   * Simulates customers: for each, draws {@code p} and {@code theta}, then at each of its
   * opportunities the customer first dies with probability {@code theta} (ending its history), else
   * transacts with probability {@code p}.
   *
   * @param opportunities the opportunities of each simulated customer, {@code >= 0}
   * @param rng the source of randomness (Apache Commons RNG)
   * @return one row per customer, in the order given
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a number of opportunities is negative, naming its index
   */
  @Override
  public OpportunitySummaries simulate(int[] opportunities, UniformRandomProvider rng) {
    Objects.requireNonNull(opportunities, "opportunities");
    Objects.requireNonNull(rng, "rng");
    ContinuousSampler transact = ChengBetaSampler.of(rng, alpha, beta);
    ContinuousSampler die = ChengBetaSampler.of(rng, gamma, delta);
    int size = opportunities.length;
    int[] x = new int[size];
    int[] tx = new int[size];
    for (int i = 0; i < size; i++) {
      if (opportunities[i] < 0) {
        throw new IllegalArgumentException(
            "opportunities " + opportunities[i] + " at index " + i + " must be >= 0");
      }
      double p = transact.sample();
      double theta = die.sample();
      for (int t = 1; t <= opportunities[i]; t++) {
        if (rng.nextDouble() < theta) {
          break;
        }
        if (rng.nextDouble() < p) {
          x[i]++;
          tx[i] = t;
        }
      }
    }
    return OpportunitySummaries.of(x, tx, opportunities.clone());
  }

  /**
   * The model with parameters {@code {alpha, beta, gamma, delta}}, for {@link ModelFit#predict}.
   */
  static BgBb ofParameters(double[] parameters) {
    return of(parameters[0], parameters[1], parameters[2], parameters[3]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BgBb other
        && Double.compare(alpha, other.alpha) == 0
        && Double.compare(beta, other.beta) == 0
        && Double.compare(gamma, other.gamma) == 0
        && Double.compare(delta, other.delta) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {alpha, beta, gamma, delta});
  }

  /** Returns e.g. {@code BG/BB(alpha = 1.204, beta = 0.75, gamma = 0.657, delta = 2.783)}. */
  @Override
  public String toString() {
    return "BG/BB" + Newton.describe(NAMES, new double[] {alpha, beta, gamma, delta});
  }
}
