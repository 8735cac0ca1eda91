package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The MBG/NBD model of repeat purchasing ("modified beta-geometric / NBD"; E. P. Batislam, M.
 * Denizel and A. Filiztekin, "Empirical validation and comparison of models for customer base
 * analysis", International Journal of Research in Marketing 24(3), 201-209, 2007, <a
 * href="https://doi.org/10.1016/j.ijresmar.2006.12.005">doi:10.1016/j.ijresmar.2006.12.005</a>).
 *
 * <p>As the {@link BgNbd}, a customer buys at the times of a Poisson process of rate {@code lambda}
 * while active and becomes inactive for good with probability {@code p} after a purchase, with
 * {@code lambda ~ Gamma(shape r, rate alpha)} and {@code p ~ Beta(a, b)} across customers; but the
 * chance to drop out comes after the first purchase too (time 0), not only after repeat purchases.
 * So a customer with no repeat purchase may have left, and {@link #probabilityAlive} is below 1 for
 * {@code x = 0}, where the BG/NBD says 1 whatever the age.
 *
 * <p>Log-likelihood of one customer with frequency {@code x}, recency {@code t_x} and age {@code T}
 * (their equation 3): an active customer has survived {@code x + 1} dropout chances, one who left
 * right after its last purchase {@code x}:
 *
 * <pre>
 * ln L = ln Gamma(r + x) - ln Gamma(r) + r ln alpha + ln B(a, b + x + 1) - ln B(a, b)
 *      + ln( exp(-(r + x) ln(alpha + T)) + exp(ln a - ln(b + x) - (r + x) ln(alpha + t_x)) )
 * </pre>
 *
 * <p>Predictions, with {@code I(R, A, B, z)} the series of {@link BgNbd} (the expected purchases of
 * a BG/NBD customer, without cancellation or poles) and {@code z = t / (alpha + t)}:
 *
 * <ul>
 *   <li>{@code E[X(t)] = b / (a + b) I(r, a, b + 1, z)}: purchase {@code n} happens when the
 *       Poisson process reaches it and the customer survived {@code n} chances, {@code E[(1 - p)^n]
 *       = (b)_n / (a + b)_n}; it equals the published {@code b / (a - 1) [1 - (alpha / (alpha +
 *       t))^r 2F1(r, b + 1; a + b; z)]};
 *   <li>a customer still active at {@code T} has {@code lambda ~ Gamma(r + x, alpha + T)} and
 *       {@code p ~ Beta(a, b + x + 1)} and from then on buys as a BG/NBD customer with those
 *       parameters (no second drop at time {@code T}), so {@code E[Y(t) | x, t_x, T] = P(alive) I(r
 *       + x, a, b + x + 1, t / (alpha + T + t))}, equal to the published {@code (a + b + x) / (a -
 *       1) [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x + 1; a + b + x; t / (alpha
 *       + T + t))] / (1 + a / (b + x) ((alpha + T) / (alpha + t_x))^(r + x))}.
 * </ul>
 */
public final class MbgNbd implements TransactionModel {
  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  private MbgNbd(double r, double alpha, double a, double b) {
    this.r = r;
    this.alpha = alpha;
    this.a = a;
    this.b = b;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @param r the shape of the purchase-rate distribution, finite and {@code > 0}
   * @param alpha the rate (inverse scale) of the purchase-rate distribution, in inverse time units,
   *     finite and {@code > 0}
   * @param a the first shape of the dropout-probability distribution, finite and {@code > 0}
   * @param b the second shape of the dropout-probability distribution, finite and {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive, naming it
   */
  public static MbgNbd of(double r, double alpha, double a, double b) {
    Checks.checkPositive("r", r);
    Checks.checkPositive("alpha", alpha);
    Checks.checkPositive("a", a);
    Checks.checkPositive("b", b);
    return new MbgNbd(r, alpha, a, b);
  }

  /**
   * Fits the model to a customer base by maximum likelihood, as {@link BgNbd#fit} does: Newton's
   * method on the logarithms of the parameters with the analytic Hessian (the BG/NBD derivation
   * with the shift of the MBG/NBD), from {@code r = a = b = 1} and {@code alpha} equal to the mean
   * age, customers grouped by frequency, a base of 262,144 rows or more started from a pilot fit of
   * a systematic sample of its rows.
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
  public static ModelFit<MbgNbd> fit(CustomerSummaries customers) {
    return BgNbd.fit(customers, true, "MBG/NBD", MbgNbd::ofParameters);
  }

  /**
   * Fits the model to purchase histories; see {@link #fit(CustomerSummaries)}.
   *
   * @param histories the customers' histories, all in the same time unit
   * @return the fit
   * @throws NullPointerException if {@code histories} or one of them is null
   * @throws IllegalArgumentException if the data cannot identify the model
   */
  public static ModelFit<MbgNbd> fit(Iterable<PurchaseHistory> histories) {
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

  /** {@return the first shape {@code a} of the dropout-probability distribution} */
  public double a() {
    return a;
  }

  /** {@return the second shape {@code b} of the dropout-probability distribution} */
  public double b() {
    return b;
  }

  /**
   * Returns the log-likelihood of one customer (formula in the class documentation).
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the log-likelihood, dimensionless (a log-density of the purchase times, so it may be
   *     positive)
   * @throws IllegalArgumentException if the arguments break these rules, naming them
   */
  @Override
  public double logLikelihood(int x, double tx, double age) {
    CustomerSummaries.check(x, tx, age, "customer");
    double rx = r + x;
    double base =
        LogGamma.value(rx)
            - LogGamma.value(r)
            + r * Math.log(alpha)
            + LogBeta.value(a, b + x + 1)
            - LogBeta.value(a, b);
    double u = -rx * Math.log(alpha + age);
    double v = Math.log(a / (b + x)) - rx * Math.log(alpha + tx);
    return base + Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /**
   * Returns the total log-likelihood of a customer base: the sum of {@link #logLikelihood(int,
   * double, double)} over its customers (each row times its count).
   *
   * @param customers the customers
   * @return the log-likelihood, dimensionless; 0 for no customers
   * @throws NullPointerException if {@code customers} is null
   */
  public double logLikelihood(CustomerSummaries customers) {
    Objects.requireNonNull(customers, "customers");
    return new BgNbdLikelihood(customers, true).evaluate(new double[] {r, alpha, a, b}, null, null);
  }

  /**
   * Returns {@code E[X(t)] = b / (a + b) I(r, a, b + 1, t / (alpha + t))}, the expected number of
   * repeat purchases in {@code (0, t]} of a customer whose first purchase was at time 0.
   *
   * @param t the length of the period, finite and {@code >= 0}
   * @return the expected purchases; 0 for {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative, NaN or infinite
   */
  @Override
  public double expectedPurchases(double t) {
    BgNbd.horizon(t);
    return b / (a + b) * BgNbd.expected(r, a, b + 1, t / (alpha + t));
  }

  /**
   * Returns {@code E[Y(t) | x, t_x, T] = P(alive) I(r + x, a, b + x + 1, t / (alpha + T + t))}, the
   * expected number of purchases in the next {@code t} time units of a customer with the given
   * history.
   *
   * @param t the length of the future period, finite and {@code >= 0}
   * @param x the customer's frequency, {@code >= 0}
   * @param tx the customer's recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the customer's age {@code T}, finite and {@code >= 0}
   * @return the expected purchases; 0 for {@code t = 0}
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    BgNbd.horizon(t);
    return probabilityAlive(x, tx, age) * whileAlive(t, x, age);
  }

  private double whileAlive(double t, int x, double age) {
    return BgNbd.expected(r + x, a, b + x + 1, t / (alpha + age + t));
  }

  /**
   * Returns the expected number of purchases of a whole customer base in the next {@code t} time
   * units, the series evaluated once per distinct frequency and age.
   *
   * @param t the length of the future period, finite and {@code >= 0}
   * @param customers the customers, in the time unit of the fit
   * @return the expected purchases; 0 for no customers or {@code t = 0}
   * @throws NullPointerException if {@code customers} is null
   * @throws IllegalArgumentException if {@code t} is negative, NaN or infinite
   */
  @Override
  public double conditionalExpectedPurchases(double t, CustomerSummaries customers) {
    return BgNbd.baseExpectation(
        t, customers, (x, age) -> whileAlive(t, x, age), this::probabilityAlive);
  }

  /**
   * Returns the probability that a customer with the given history is still active at the end of
   * observation, {@code 1 / (1 + a / (b + x) ((alpha + T) / (alpha + t_x))^(r + x))}: the share of
   * the likelihood's "still active" term.
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the probability, in (0, 1); for {@code x = 0} it falls with the age
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    CustomerSummaries.check(x, tx, age, "customer");
    double log = Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
    return 1 / (1 + Math.exp(log));
  }

  /**
   * Returns {@code P(X(t) = n)}, the probability that a customer whose first purchase was at time 0
   * makes exactly {@code n} repeat purchases in {@code (0, t]}, with {@code q = alpha / (alpha +
   * t)}:
   *
   * <pre>
   * B(a, b + n + 1) / B(a, b) Gamma(r + n) / (Gamma(r) n!) q^r (1 - q)^n
   *   + B(a + 1, b + n) / B(a, b) ([n = 0] + [n &gt; 0] I_{1-q}(n, r))
   * </pre>
   *
   * <p>Derivation: given {@code lambda} and {@code p}, the customer makes {@code n} purchases when
   * the Poisson process has {@code n} events and the customer survived {@code n + 1} chances
   * ({@code (1 - p)^(n + 1)}), or when it survived {@code n} chances, dropped out at the next
   * ({@code p (1 - p)^n}) and the process had reached {@code n} events; averaging over the gamma
   * and beta distributions gives the negative binomial and its tail {@code I_{1-q}(n, r)}
   * (regularized incomplete beta function) and the beta-function ratios.
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
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logQ = Math.log(alpha) - Math.log(alpha + t);
    double log1mQ = Math.log(t) - Math.log(alpha + t);
    double lbAB = LogBeta.value(a, b);
    double active =
        Math.exp(
            LogBeta.value(a, b + n + 1)
                - lbAB
                + LogGamma.value(r + n)
                - LogGamma.value(r)
                - LogGamma.value(n + 1.0)
                + r * logQ
                + n * log1mQ);
    double tail = n == 0 ? 1 : RegularizedBeta.value(t / (alpha + t), n, r);
    double left = Math.exp(LogBeta.value(a + 1, b + n) - lbAB) * tail;
    return Math.min(1, active + left);
  }

  /**
   * Returns {@code P(Y(t) = n | x, t_x, T) = [n = 0] (1 - P(alive)) + P(alive) P'(X(t) = n)}, where
   * {@code P'} is the BG/NBD probability ({@link BgNbd#probabilityOfPurchases}) with {@code r + x},
   * {@code alpha + T}, {@code a} and {@code b + x + 1}: an active customer's posterior, who from
   * {@code T} on drops out only after purchases.
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the length of the future period, finite and {@code >= 0}
   * @param x the customer's frequency, {@code >= 0}
   * @param tx the customer's recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the customer's age {@code T}, finite and {@code >= 0}
   * @return the probability, in [0, 1]; for {@code t = 0}, 1 when {@code n = 0} and 0 otherwise
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double conditionalProbabilityOfPurchases(int n, double t, int x, double tx, double age) {
    Checks.checkAtLeast("number of purchases", n, 0);
    BgNbd.horizon(t);
    double alive = probabilityAlive(x, tx, age);
    double whileAlive = BgNbd.purchasesProbability(r + x, alpha + age, a, b + x + 1, n, t);
    return n == 0 ? 1 - alive + alive * whileAlive : alive * whileAlive;
  }

  /**
   * Simulates a customer base from the model: for each given age {@code T}, draws {@code lambda}
   * and {@code p}; the customer leaves at once with probability {@code p}, else buys at exponential
   * intervals of mean {@code 1 / lambda} until the age is reached or it drops out (probability
   * {@code p} after each repeat purchase).
   *
   * @param ages the age of each simulated customer, finite and {@code >= 0}
   * @param rng the source of randomness (Apache Commons RNG)
   * @return the simulated customers, in the order of {@code ages}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an age is negative, NaN or infinite, naming its index
   */
  @Override
  public CustomerSummaries simulate(double[] ages, UniformRandomProvider rng) {
    return BgNbd.simulate(ages, rng, r, alpha, a, b, true);
  }

  /** The model with parameters {@code {r, alpha, a, b}}, for {@link ModelFit#predict}. */
  static MbgNbd ofParameters(double[] parameters) {
    return of(parameters[0], parameters[1], parameters[2], parameters[3]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MbgNbd other
        && Double.compare(r, other.r) == 0
        && Double.compare(alpha, other.alpha) == 0
        && Double.compare(a, other.a) == 0
        && Double.compare(b, other.b) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {r, alpha, a, b});
  }

  /** Returns e.g. {@code MBG/NBD(r = 0.525, alpha = 6.183, a = 0.891, b = 1.614)}. */
  @Override
  public String toString() {
    return "MBG/NBD" + Newton.describe(NAMES, new double[] {r, alpha, a, b});
  }
}
