package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The Pareto/NBD model of repeat purchasing (D. C. Schmittlein, D. G. Morrison and R. Colombo,
 * "Counting Your Customers: Who Are They and What Will They Do Next?", Management Science 33(1),
 * 1-24, 1987, <a href="https://doi.org/10.1287/mnsc.33.1.1">doi:10.1287/mnsc.33.1.1</a>; the
 * likelihood and predictions as in P. S. Fader, B. G. S. Hardie and K. L. Lee, "A Note on
 * Implementing the Pareto/NBD Model in MATLAB", 2005, <a
 * href="https://www.brucehardie.com/notes/008/">brucehardie.com/notes/008</a>).
 *
 * <p>While alive, a customer buys at the times of a Poisson process of rate {@code lambda}, and
 * dies at an exponential time of rate {@code mu}, unobserved; across customers {@code lambda ~
 * Gamma(shape r, rate alpha)} and {@code mu ~ Gamma(shape s, rate beta)}, independent. Unlike the
 * BG/NBD, a customer can die at any time, also before a first repeat purchase. Time is in the unit
 * of the summaries; {@code alpha} and {@code beta} carry it.
 *
 * <p>The likelihood (formula and derivation in {@code ParetoNbdLikelihood}) is {@code Gamma(r + x)
 * alpha^r beta^s / Gamma(r) [F1 + s I]} with {@code F1 = (alpha + T)^-(r + x) (beta + T)^-s} (alive
 * at {@code T}) and {@code I} the integral over the death time in {@code (t_x, T]}, evaluated by
 * quadrature where the note's Gauss hypergeometric form loses accuracy. Predictions:
 *
 * <ul>
 *   <li>{@code P(alive | x, t_x, T) = F1 / (F1 + s I)} (the note's equation 11);
 *   <li>{@code E[X(t)] = r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}, with the
 *       limit {@code r beta / alpha ln(1 + t / beta)} at {@code s = 1} (equation 12), evaluated as
 *       {@code -expm1(-(s - 1) ln(1 + t / beta)) / (s - 1)} so that it is exact near {@code s = 1};
 *   <li>{@code E[Y(t) | x, t_x, T] = P(alive) (r + x) (beta + T) / ((alpha + T)(s - 1)) [1 - ((beta
 *       + T) / (beta + T + t))^(s - 1)]} (equation 13): an alive customer has {@code lambda ~
 *       Gamma(r + x, alpha + T)} and {@code mu ~ Gamma(s, beta + T)} and buys from {@code T} on as
 *       a new customer with those parameters;
 *   <li>{@code P(X(t) = n) = NB(n; r, alpha / (alpha + t)) (beta / (beta + t))^s + integral_0^t
 *       NB(n; r, alpha / (alpha + tau)) s beta^s (beta + tau)^-(s + 1) d tau}: alive through {@code
 *       t} with {@code n} purchases, or dead at {@code tau} after {@code n}, with {@code NB} the
 *       negative binomial probability of the purchases; by the same quadrature.
 * </ul>
 */
public final class ParetoNbd implements TransactionModel {
  private static final String[] NAMES = {"r", "alpha", "s", "beta"};

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;

  private ParetoNbd(double r, double alpha, double s, double beta) {
    this.r = r;
    this.alpha = alpha;
    this.s = s;
    this.beta = beta;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @param r the shape of the purchase-rate distribution, finite and {@code > 0}
   * @param alpha the rate of the purchase-rate distribution, in inverse time units, finite and
   *     {@code > 0}
   * @param s the shape of the death-rate distribution, finite and {@code > 0}
   * @param beta the rate of the death-rate distribution, in inverse time units, finite and {@code >
   *     0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive, naming it
   */
  public static ParetoNbd of(double r, double alpha, double s, double beta) {
    Checks.checkPositive("r", r);
    Checks.checkPositive("alpha", alpha);
    Checks.checkPositive("s", s);
    Checks.checkPositive("beta", beta);
    return new ParetoNbd(r, alpha, s, beta);
  }

  /**
   * Fits the model by maximum likelihood: Newton's method on the logarithms of the parameters with
   * the Hessian of {@code ParetoNbdLikelihood} (exact derivatives of the quadrature), from {@code r
   * = s = 1} and {@code alpha = beta} equal to the mean age. A base of more than 16,384 rows is
   * summed in fixed blocks of rows on the common fork-join pool, the blocks' sums added in order:
   * the fit is the same, to the last bit, on any number of threads. A base of 262,144 rows or more
   * is first fitted on a systematic sample of about 65,536 of its rows (every {@code k}-th), and
   * the search over the whole base starts from that estimate: three or four passes over the base
   * instead of about ten, for the same maximum under the same stopping rule.
   *
   * @param customers the customers' frequency, recency and age
   * @return the fit: the model, its log-likelihood and the standard errors of its parameters
   * @throws NullPointerException if {@code customers} is null
   * @throws IllegalArgumentException if the data cannot identify the model: no customers, no repeat
   *     purchase at all, or a likelihood that grows without bound as a parameter runs to 0 or
   *     infinity, or whose information matrix is singular at the maximum (the message names the
   *     parameter or the estimate)
   * @throws IllegalStateException if the iteration does not converge in 500 steps
   */
  public static ModelFit<ParetoNbd> fit(CustomerSummaries customers) {
    return BgNbd.fitContinuous(
        customers,
        "Pareto/NBD",
        NAMES,
        ParetoNbdLikelihood::new,
        meanAge -> new double[] {1, meanAge, 1, meanAge},
        ParetoNbd::ofParameters);
  }

  /**
   * Fits the model to purchase histories; see {@link #fit(CustomerSummaries)}.
   *
   * @param histories the customers' histories, all in the same time unit
   * @return the fit
   * @throws NullPointerException if {@code histories} or one of them is null
   * @throws IllegalArgumentException if the data cannot identify the model
   */
  public static ModelFit<ParetoNbd> fit(Iterable<PurchaseHistory> histories) {
    return fit(CustomerSummaries.of(histories));
  }

  /** {@return the shape {@code r} of the purchase-rate distribution} */
  public double r() {
    return r;
  }

  /** {@return the rate {@code alpha} of the purchase-rate distribution, in inverse time units} */
  public double alpha() {
    return alpha;
  }

  /** {@return the shape {@code s} of the death-rate distribution} */
  public double s() {
    return s;
  }

  /** {@return the rate {@code beta} of the death-rate distribution, in inverse time units} */
  public double beta() {
    return beta;
  }

  /**
   * Returns the log-likelihood of one customer.
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the log-likelihood, dimensionless (a log-density of the purchase times)
   * @throws IllegalArgumentException if the arguments break these rules, naming them
   */
  @Override
  public double logLikelihood(int x, double tx, double age) {
    CustomerSummaries.check(x, tx, age, "customer");
    return logLikelihood(
        CustomerSummaries.of(new int[] {x}, new double[] {tx}, new double[] {age}));
  }

  /**
   * Returns the total log-likelihood of a customer base (each row times its count).
   *
   * @param customers the customers
   * @return the log-likelihood, dimensionless; 0 for no customers
   * @throws NullPointerException if {@code customers} is null
   */
  public double logLikelihood(CustomerSummaries customers) {
    Objects.requireNonNull(customers, "customers");
    return new ParetoNbdLikelihood(customers)
        .evaluate(new double[] {r, alpha, s, beta}, null, null);
  }

  /** {@code (1 - (b / (b + t))^(s - 1)) / (s - 1)}, exact near {@code s = 1}. */
  private double remaining(double b, double t) {
    double log = Math.log1p(t / b);
    double k = s - 1;
    return k == 0 ? log : -Math.expm1(-k * log) / k;
  }

  /**
   * Returns {@code E[X(t)]}, the expected number of repeat purchases in {@code (0, t]} of a new
   * customer (formula in the class documentation).
   *
   * @param t the length of the period, finite and {@code >= 0}
   * @return the expected purchases; 0 for {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative, NaN or infinite
   */
  @Override
  public double expectedPurchases(double t) {
    BgNbd.horizon(t);
    return r * beta / alpha * remaining(beta, t);
  }

  /**
   * Returns {@code E[Y(t) | x, t_x, T]}, the expected number of purchases in the next {@code t}
   * time units of a customer with the given history (formula in the class documentation).
   *
   * @param t the length of the future period, finite and {@code >= 0}
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the expected purchases; 0 for {@code t = 0}
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    BgNbd.horizon(t);
    return probabilityAlive(x, tx, age)
        * (r + x)
        * (beta + age)
        / (alpha + age)
        * remaining(beta + age, t);
  }

  /**
   * Returns the probability that a customer with the given history is alive at the end of
   * observation: the share of the "alive at {@code T}" term in its likelihood.
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the probability, in (0, 1]; 1 when {@code t_x = T}
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    CustomerSummaries.check(x, tx, age, "customer");
    double rx = r + x;
    double l1 = -rx * Math.log(alpha + age) - s * Math.log(beta + age);
    double[][] scratch = {new double[64], new double[64]};
    int n = ParetoNbdLikelihood.nodes(alpha, beta, rx, s + 1, tx, age, scratch);
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double tau = scratch[0][k];
      sum +=
          Math.exp(
              scratch[1][k] - rx * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) - l1);
    }
    return 1 / (1 + s * sum);
  }

  /**
   * Returns {@code P(X(t) = n)}, the probability that a new customer makes exactly {@code n} repeat
   * purchases in {@code (0, t]} (formula in the class documentation).
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the length of the period, finite and {@code >= 0}
   * @return the probability, in [0, 1]; for {@code t = 0}, 1 when {@code n = 0} and 0 otherwise
   * @throws IllegalArgumentException if {@code n} is negative or {@code t} is negative, NaN or
   *     infinite
   */
  @Override
  public double probabilityOfPurchases(int n, double t) {
    Checks.checkAtLeast("number of purchases", n, 0);
    BgNbd.horizon(t);
    return purchases(r, alpha, s, beta, n, t);
  }

  /** The probability of {@code n} purchases in {@code t} of a new customer of these parameters. */
  private static double purchases(double r, double alpha, double s, double beta, int n, double t) {
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logNbCoefficient = LogGamma.value(r + n) - LogGamma.value(r) - LogGamma.value(n + 1.0);
    double alive =
        Math.exp(
            logNbCoefficient
                + r * (Math.log(alpha) - Math.log(alpha + t))
                + (n == 0 ? 0 : n * (Math.log(t) - Math.log(alpha + t)))
                + s * (Math.log(beta) - Math.log(beta + t)));
    double[][] scratch = {new double[64], new double[64]};
    // tau^n (alpha + tau)^-n is at most 1 and varies slowly: the fall is that of the rest
    int count = ParetoNbdLikelihood.nodes(alpha, beta, r, s + 1, 0, t, scratch);
    double dead = 0;
    for (int k = 0; k < count; k++) {
      double tau = scratch[0][k];
      if (tau <= 0 && n > 0) {
        continue; // tau^n = 0
      }
      dead +=
          Math.exp(
              scratch[1][k]
                  + logNbCoefficient
                  + r * (Math.log(alpha) - Math.log(alpha + tau))
                  + (n == 0 ? 0 : n * (Math.log(tau) - Math.log(alpha + tau)))
                  + Math.log(s)
                  + s * Math.log(beta)
                  - (s + 1) * Math.log(beta + tau));
    }
    return Math.min(1, alive + dead);
  }

  /**
   * Returns {@code P(Y(t) = n | x, t_x, T) = [n = 0] (1 - P(alive)) + P(alive) P'(X(t) = n)}, with
   * {@code P'} the probability of a new customer with parameters {@code r + x}, {@code alpha + T},
   * {@code s} and {@code beta + T} (the posterior of an alive customer; the processes have no
   * memory).
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the length of the future period, finite and {@code >= 0}
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double conditionalProbabilityOfPurchases(int n, double t, int x, double tx, double age) {
    Checks.checkAtLeast("number of purchases", n, 0);
    BgNbd.horizon(t);
    double alive = probabilityAlive(x, tx, age);
    double whileAlive = purchases(r + x, alpha + age, s, beta + age, n, t);
    return n == 0 ? 1 - alive + alive * whileAlive : alive * whileAlive;
  }

  /**
   * Simulates a customer base: for each age {@code T}, draws {@code lambda} and {@code mu}, a
   * lifetime exponential of rate {@code mu}, and purchases at exponential intervals of mean {@code
   * 1 / lambda} until the lifetime or the age ends.
   *
   * @param ages the age of each simulated customer, finite and {@code >= 0}
   * @param rng the source of randomness (Apache Commons RNG)
   * @return the simulated customers, in the order of {@code ages}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an age is negative, NaN or infinite, naming its index
   */
  @Override
  public CustomerSummaries simulate(double[] ages, UniformRandomProvider rng) {
    Objects.requireNonNull(ages, "ages");
    Objects.requireNonNull(rng, "rng");
    ContinuousSampler rates = AhrensDieterMarsagliaTsangGammaSampler.of(rng, r, 1 / alpha);
    ContinuousSampler deaths = AhrensDieterMarsagliaTsangGammaSampler.of(rng, s, 1 / beta);
    int[] frequency = new int[ages.length];
    double[] recency = new double[ages.length];
    for (int i = 0; i < ages.length; i++) {
      double age = ages[i];
      if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "age " + age + " at index " + i + " must be finite and >= 0");
      }
      double lambda = rates.sample();
      double lifetime = -Math.log1p(-rng.nextDouble()) / deaths.sample();
      double end = Math.min(age, lifetime);
      double time = 0;
      while (true) {
        time -= Math.log1p(-rng.nextDouble()) / lambda;
        if (!(time <= end)) {
          break;
        }
        frequency[i]++;
        recency[i] = time;
      }
    }
    return CustomerSummaries.wrap(frequency, recency, ages.clone());
  }

  /** The model with parameters {@code {r, alpha, s, beta}}, for {@link ModelFit#predict}. */
  static ParetoNbd ofParameters(double[] parameters) {
    return of(parameters[0], parameters[1], parameters[2], parameters[3]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParetoNbd other
        && Double.compare(r, other.r) == 0
        && Double.compare(alpha, other.alpha) == 0
        && Double.compare(s, other.s) == 0
        && Double.compare(beta, other.beta) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {r, alpha, s, beta});
  }

  /** Returns e.g. {@code Pareto/NBD(r = 0.5534, alpha = 10.58, s = 0.6061, beta = 11.66)}. */
  @Override
  public String toString() {
    return "Pareto/NBD" + Newton.describe(NAMES, new double[] {r, alpha, s, beta});
  }
}
