package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The BG/NBD model of repeat purchasing ("beta-geometric / negative binomial distribution"; P. S.
 * Fader, B. G. S. Hardie and K. L. Lee, "'Counting Your Customers' the Easy Way: An Alternative to
 * the Pareto/NBD Model", Marketing Science 24(2), 275-284, 2005, <a
 * href="https://doi.org/10.1287/mksc.1040.0098">doi:10.1287/mksc.1040.0098</a>; equation numbers
 * below are that paper's).
 *
 * <p>While active, a customer buys at the times of a Poisson process of rate {@code lambda}; after
 * each repeat purchase, the customer becomes inactive for good with probability {@code p}. Across
 * customers, {@code lambda ~ Gamma(shape r, rate alpha)} and {@code p ~ Beta(a, b)}. Time is in the
 * unit of the data the model was fitted to ({@link CustomerSummaries}); {@code alpha} carries it.
 *
 * <p>Log-likelihood of one customer with frequency {@code x}, recency {@code t_x} and age {@code T}
 * (equation 6, written in logarithms so that nothing overflows):
 *
 * <pre>
 * ln L = ln Gamma(r + x) - ln Gamma(r) + r ln alpha
 *      + ln Gamma(a + b) + ln Gamma(b + x) - ln Gamma(b) - ln Gamma(a + b + x)
 *      + ln( exp(-(r + x) ln(alpha + T))
 *            + [x &gt; 0] exp(ln a - ln(b + x - 1) - (r + x) ln(alpha + t_x)) )
 * </pre>
 *
 * with the last logarithm taken as log-sum-exp. {@link #fit} maximises the sum over customers
 * (gradient and Hessian in closed form, with digamma and trigamma from Apache Commons Numbers).
 *
 * <p>Predictions use the representation {@code E[X(t) | lambda, p] = (1 - exp(-lambda p t)) / p}
 * (equation 7): averaging over {@code lambda ~ Gamma(R, A')} and {@code p ~ Beta(A, B)} gives, with
 * {@code z = t / (A' + t)},
 *
 * <pre>
 * I(R, A, B, z) = sum_{n &gt;= 1} NB(n; R, z) sum_{k = 0}^{n - 1} (B)_k / (A + B)_k,
 * NB(n; R, z) = (R)_n / n! z^n (1 - z)^R,
 * </pre>
 *
 * a series of positive terms that equals the paper's hypergeometric closed form {@code (A + B - 1)
 * / (A - 1) [1 - (1 - z)^R 2F1(R, B; A + B - 1; z)]} (equations 9 and 10) but has no cancellation
 * near {@code A = 1} and no pole at {@code A + B = 1}. It converges like {@code z^n}: the cost
 * grows with {@code t / alpha} (about 350 terms for the CDNOW fit and a 39-week horizon).
 */
public final class BgNbd implements TransactionModel {
  private static final String[] NAMES = {"r", "alpha", "a", "b"};
  private static final double LN_SCALE = 280 * Math.log(10);

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  private BgNbd(double r, double alpha, double a, double b) {
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
  public static BgNbd of(double r, double alpha, double a, double b) {
    Checks.checkPositive("r", r);
    Checks.checkPositive("alpha", alpha);
    Checks.checkPositive("a", a);
    Checks.checkPositive("b", b);
    return new BgNbd(r, alpha, a, b);
  }

  /**
   * Fits the model to a customer base by maximum likelihood.
   *
   * <p>The search is Newton's method on the logarithms of the parameters, with the analytic Hessian
   * and Levenberg-Marquardt damping, from {@code r = a = b = 1} and {@code alpha} equal to the mean
   * age; it stops when a step changes no parameter by more than 1e-10 relatively. The customers are
   * grouped by frequency so that the gamma-function terms are computed once per distinct frequency;
   * the cost is linear in the number of customers. A base of 262,144 rows or more is first fitted
   * on a systematic sample of about 65,536 of its rows, and the search over the whole base starts
   * from that estimate, which saves most of its passes; the result is the maximum of the whole
   * base's likelihood under the same stopping rule.
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
  public static ModelFit<BgNbd> fit(CustomerSummaries customers) {
    return fit(customers, false, "BG/NBD", BgNbd::ofParameters);
  }

  /**
   * Fits the BG/NBD, or the MBG/NBD when {@code modified}, from {@code r = a = b = 1} and {@code
   * alpha} the mean age.
   */
  static <M> ModelFit<M> fit(
      CustomerSummaries customers, boolean modified, String name, Function<double[], M> make) {
    return fitContinuous(
        customers,
        name,
        NAMES,
        base -> new BgNbdLikelihood(base, modified),
        meanAge -> new double[] {1, meanAge, 1, 1},
        make);
  }

  /** The rows of a pilot fit's sample (see {@link #fitContinuous}). */
  static final int PILOT_ROWS = 1 << 16;

  /** A base has a pilot fit when it has at least this many times {@link #PILOT_ROWS} rows. */
  static final int PILOT_STRIDE_FROM = 4;

  /**
   * Fits a continuous-time transaction model by maximum likelihood, as every such model here does:
   * refuses a base without customers or without a repeat purchase (naming the model), then runs
   * Newton's method on the likelihood from {@code start} applied to the customers' mean age (1 when
   * every age is 0), and returns the fit with the model {@code make} builds from the estimates.
   *
   * <p>A base of at least {@code PILOT_STRIDE_FROM * PILOT_ROWS} (262,144) rows is first fitted on
   * a systematic sample of about {@link #PILOT_ROWS} of its rows (every {@code k}-th, {@code k =
   * rows / PILOT_ROWS}), and the whole base's search starts from that estimate: near the maximum
   * Newton's method needs three or four passes over the base instead of ten. The result is the
   * maximum of the whole base's likelihood either way, found by the same convergence rule; when the
   * sample cannot identify the model (no repeat purchase in it, or a search that fails), or the
   * search from its estimate fails, the whole base is searched from the default point and reports
   * its own outcome.
   */
  static <M> ModelFit<M> fitContinuous(
      CustomerSummaries customers,
      String name,
      String[] names,
      Function<CustomerSummaries, Newton.Objective> likelihood,
      DoubleFunction<double[]> start,
      Function<double[], M> make) {
    Objects.requireNonNull(customers, "customers");
    double[] from = defaultStart(customers, name, start);
    Newton.Objective objective = likelihood.apply(customers);
    Newton.Result result = null;
    if (customers.size() >= PILOT_STRIDE_FROM * PILOT_ROWS) {
      try {
        CustomerSummaries sample = customers.everyRow(customers.size() / PILOT_ROWS);
        double[] pilot =
            Newton.maximize(
                    name, names, likelihood.apply(sample), defaultStart(sample, name, start))
                .params();
        result = Newton.maximize(name, names, objective, pilot);
      } catch (IllegalArgumentException | IllegalStateException pilotFailed) {
        // the sample cannot identify the model, or the search from its estimate failed: the
        // whole base is searched from the default start and reports its own outcome
      }
    }
    if (result == null) {
      result = Newton.maximize(name, names, objective, from);
    }
    return new ModelFit<>(
        make.apply(result.params()),
        names,
        result,
        customers.customers(),
        name,
        make,
        customers.unit().orElse(null));
  }

  /**
   * Returns {@code start} applied to the customers' mean age (1 when every age is 0), after
   * refusing a base without customers or without a repeat purchase, naming the model.
   */
  private static double[] defaultStart(
      CustomerSummaries customers, String name, DoubleFunction<double[]> start) {
    if (customers.customers() == 0) {
      throw new IllegalArgumentException(
          "the data cannot identify the " + name + " model: no customers");
    }
    double repeats = 0;
    double ages = 0;
    for (int i = 0; i < customers.size(); i++) {
      repeats += (double) customers.count(i) * customers.frequency(i);
      ages += customers.count(i) * customers.age(i);
    }
    if (repeats == 0) {
      throw new IllegalArgumentException(
          "the data cannot identify the "
              + name
              + " model: none of the "
              + customers.customers()
              + " customers made a repeat purchase");
    }
    double meanAge = ages / customers.customers();
    return start.apply(meanAge > 0 ? meanAge : 1);
  }

  /**
   * Fits the model to purchase histories; see {@link #fit(CustomerSummaries)}.
   *
   * @param histories the customers' histories, all in the same time unit
   * @return the fit
   * @throws NullPointerException if {@code histories} or one of them is null
   * @throws IllegalArgumentException if the data cannot identify the model
   * @throws IllegalStateException if the iteration does not converge
   */
  public static ModelFit<BgNbd> fit(Iterable<PurchaseHistory> histories) {
    return fit(CustomerSummaries.of(histories));
  }

  /** {@return the shape {@code r} of the purchase-rate distribution} */
  public double r() {
    return r;
  }

  /** {@return the rate {@code alpha} of the purchase-rate distribution, per time unit} */
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
   * Returns the log-likelihood of one customer (equation 6; formula in the class documentation).
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param t the age {@code T}, finite and {@code >= 0}
   * @return the log-likelihood, dimensionless (a log-density of the purchase times, so it may be
   *     positive); 0 for a customer of age 0
   * @throws IllegalArgumentException if the arguments break these rules, naming them
   */
  @Override
  public double logLikelihood(int x, double tx, double t) {
    CustomerSummaries.check(x, tx, t, "customer");
    double rx = r + x;
    double base =
        LogGamma.value(rx)
            - LogGamma.value(r)
            + r * Math.log(alpha)
            + LogBeta.value(a, b + x)
            - LogBeta.value(a, b);
    double u = -rx * Math.log(alpha + t);
    if (x == 0) {
      return base + u;
    }
    double v = Math.log(a / (b + x - 1)) - rx * Math.log(alpha + tx);
    return base + Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /**
   * Returns the total log-likelihood of a customer base: the sum of {@link #logLikelihood(int,
   * double, double)} over its customers (each row times its count).
   *
   * @param customers the customers
   * @return the log-likelihood, dimensionless (a log-density in the time unit of the summaries); 0
   *     for no customers
   * @throws NullPointerException if {@code customers} is null
   */
  public double logLikelihood(CustomerSummaries customers) {
    Objects.requireNonNull(customers, "customers");
    return new BgNbdLikelihood(customers).evaluate(new double[] {r, alpha, a, b}, null, null);
  }

  /**
   * Returns {@code E[X(t)]}, the expected number of repeat purchases in {@code (0, t]} of a
   * customer whose first purchase was at time 0 (equation 9): {@code I(r, a, b, t / (alpha + t))}.
   *
   * @param t the length of the period, finite and {@code >= 0}
   * @return the expected purchases; 0 for {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative, NaN or infinite
   */
  @Override
  public double expectedPurchases(double t) {
    horizon(t);
    return expected(r, a, b, t / (alpha + t));
  }

  /**
   * Returns {@code E[Y(t) | x, t_x, T]}, the expected number of purchases in the next {@code t}
   * time units of a customer with the given history (equation 10): {@code P(alive) I(r + x, a, b +
   * x, t / (alpha + T + t))}.
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
    horizon(t);
    // I(r + x, a, b + x, t / (alpha + T + t)): the expected purchases of one still active
    return probabilityAlive(x, tx, age) * expected(r + x, a, b + x, t / (alpha + age + t));
  }

  /**
   * Returns the expected number of purchases of a whole customer base in the next {@code t} time
   * units: the sum of {@link #conditionalExpectedPurchases(double, int, double, double)} over its
   * customers, with the series of equation 10 evaluated once per distinct frequency and age.
   *
   * @param t the length of the future period, finite and {@code >= 0}
   * @param customers the customers, in the time unit of the fit
   * @return the expected purchases; 0 for no customers or {@code t = 0}
   * @throws NullPointerException if {@code customers} is null
   * @throws IllegalArgumentException if {@code t} is negative, NaN or infinite
   */
  @Override
  public double conditionalExpectedPurchases(double t, CustomerSummaries customers) {
    return baseExpectation(
        t,
        customers,
        (x, age) -> expected(r + x, a, b + x, t / (alpha + age + t)),
        this::probabilityAlive);
  }

  /** The series of a customer still alive, by frequency and age. */
  interface WhileAlive {
    double expected(int x, double age);
  }

  /** P(alive) of a customer. */
  interface Alive {
    double probability(int x, double tx, double age);
  }

  /**
   * The sum over a customer base of {@code count P(alive) E[purchases while alive]}, the series
   * evaluated once per distinct frequency and age.
   */
  static double baseExpectation(
      double t, CustomerSummaries customers, WhileAlive whileAlive, Alive alive) {
    Objects.requireNonNull(customers, "customers");
    horizon(t);
    Map<FrequencyAge, Double> series = new HashMap<>();
    double total = 0;
    for (int i = 0; i < customers.size(); i++) {
      int x = customers.frequency(i);
      double age = customers.age(i);
      double expected =
          series.computeIfAbsent(new FrequencyAge(x, age), k -> whileAlive.expected(x, age));
      total += customers.count(i) * alive.probability(x, customers.recency(i), age) * expected;
    }
    return total;
  }

  /**
   * Returns the probability that a customer with the given history is still active at the end of
   * observation (Fader, Hardie and Lee 2005, section 4; "Computing P(alive) Using the BG/NBD
   * Model", 2008 note): {@code 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r +
   * x))}.
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the probability, in (0, 1]; 1 when {@code x = 0} (the model lets customers drop out
   *     only after a repeat purchase)
   * @throws IllegalArgumentException if an argument breaks these rules, naming it
   */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    CustomerSummaries.check(x, tx, age, "customer");
    if (x == 0) {
      return 1;
    }
    double log =
        Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
    return 1 / (1 + Math.exp(log));
  }

  /**
   * Returns {@code P(X(t) = n)}, the probability that a customer whose first purchase was at time 0
   * makes exactly {@code n} repeat purchases in {@code (0, t]} (equation 8), with {@code q = alpha
   * / (alpha + t)}:
   *
   * <pre>
   * B(a, b + n) / B(a, b) Gamma(r + n) / (Gamma(r) n!) q^r (1 - q)^n
   *   + [n &gt; 0] B(a + 1, b + n - 1) / B(a, b) I_{1-q}(n, r)
   * </pre>
   *
   * where {@code I_{1-q}(n, r)}, the regularized incomplete beta function (Commons Numbers), is the
   * negative binomial tail {@code 1 - sum_{j<n} NB(j)} that the paper writes out, computed without
   * cancellation.
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
    horizon(t);
    return purchasesProbability(r, alpha, a, b, n, t);
  }

  /**
   * Returns {@code P(Y(t) = n | x, t_x, T)}, the probability that a customer with the given history
   * makes exactly {@code n} purchases in the next {@code t} time units.
   *
   * <p>Derivation (as in P. S. Fader and B. G. S. Hardie, "Deriving the Conditional PMF of the
   * BG/NBD Model", 2006, <a href="https://www.brucehardie.com/notes/013/">brucehardie.com/notes/013
   * </a>): a customer still active at {@code T} has, by Bayes' rule on the likelihood of its
   * history, {@code lambda ~ Gamma(r + x, alpha + T)} and {@code p ~ Beta(a, b + x)}, and from
   * {@code T} on buys like a new customer with those parameters (the Poisson process has no
   * memory); a customer who has dropped out buys nothing. So
   *
   * <pre>
   * P(Y(t) = n | x, t_x, T) = [n = 0] (1 - P(alive)) + P(alive) P'(X(t) = n),
   * </pre>
   *
   * with {@code P(alive)} of {@link #probabilityAlive} and {@code P'} the probability of {@link
   * #probabilityOfPurchases} with {@code r + x}, {@code alpha + T}, {@code a} and {@code b + x} in
   * place of {@code r}, {@code alpha}, {@code a} and {@code b}. The probability of no purchase in
   * the next {@code t} is the {@code n = 0} case; a predictive interval of a customer's purchases
   * follows from the cumulative sums.
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
    horizon(t);
    double alive = probabilityAlive(x, tx, age);
    double whileAlive = purchasesProbability(r + x, alpha + age, a, b + x, n, t);
    return n == 0 ? 1 - alive + alive * whileAlive : alive * whileAlive;
  }

  /** Equation 8 with the given parameters; the caller has checked {@code n} and {@code t}. */
  static double purchasesProbability(double r, double alpha, double a, double b, int n, double t) {
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double logQ = Math.log(alpha) - Math.log(alpha + t);
    double log1mQ = Math.log(t) - Math.log(alpha + t);
    double first =
        Math.exp(
            LogBeta.value(a, b + n)
                - LogBeta.value(a, b)
                + LogGamma.value(r + n)
                - LogGamma.value(r)
                - LogGamma.value(n + 1.0)
                + r * logQ
                + n * log1mQ);
    if (n == 0) {
      return first;
    }
    double second =
        Math.exp(LogBeta.value(a + 1, b + n - 1) - LogBeta.value(a, b))
            * RegularizedBeta.value(t / (alpha + t), n, r);
    return Math.min(1, first + second);
  }

  /**
   * Simulates a customer base from the model: for each given age {@code T}, draws {@code lambda}
   * and {@code p}, then purchases at exponential intervals of mean {@code 1 / lambda} until the age
   * is reached or the customer drops out (probability {@code p} after each repeat purchase).
   *
   * @param ages the age of each simulated customer, finite and {@code >= 0}
   * @param rng the source of randomness (Apache Commons RNG)
   * @return the simulated customers, in the order of {@code ages}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an age is negative, NaN or infinite, naming its index
   */
  @Override
  public CustomerSummaries simulate(double[] ages, UniformRandomProvider rng) {
    return simulate(ages, rng, r, alpha, a, b, false);
  }

  /**
   * Simulates the BG/NBD, or the MBG/NBD when {@code dropAtStart}: the customer then drops out with
   * probability {@code p} right after the first purchase as well.
   */
  static CustomerSummaries simulate(
      double[] ages,
      UniformRandomProvider rng,
      double r,
      double alpha,
      double a,
      double b,
      boolean dropAtStart) {
    Objects.requireNonNull(ages, "ages");
    Objects.requireNonNull(rng, "rng");
    ContinuousSampler rates = AhrensDieterMarsagliaTsangGammaSampler.of(rng, r, 1 / alpha);
    ContinuousSampler dropouts = ChengBetaSampler.of(rng, a, b);
    int[] frequency = new int[ages.length];
    double[] recency = new double[ages.length];
    for (int i = 0; i < ages.length; i++) {
      double age = ages[i];
      if (!(age >= 0 && age < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "age " + age + " at index " + i + " must be finite and >= 0");
      }
      double lambda = rates.sample();
      double p = dropouts.sample();
      if (dropAtStart && rng.nextDouble() < p) {
        continue;
      }
      double time = 0;
      while (true) {
        time -= Math.log1p(-rng.nextDouble()) / lambda;
        if (!(time <= age)) {
          break;
        }
        frequency[i]++;
        recency[i] = time;
        if (rng.nextDouble() < p) {
          break;
        }
      }
    }
    return CustomerSummaries.wrap(frequency, recency, ages.clone());
  }

  private record FrequencyAge(int frequency, double age) {}

  /** The model with parameters {@code {r, alpha, a, b}}, for {@link ModelFit#predict}. */
  static BgNbd ofParameters(double[] parameters) {
    return of(parameters[0], parameters[1], parameters[2], parameters[3]);
  }

  static void horizon(double t) {
    if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("time " + t + " must be finite and >= 0");
    }
  }

  /**
   * Returns {@code I(R, A, B, z)} of the class documentation: the mean of {@code S_N = sum_{k < N}
   * (B)_k / (A + B)_k} for {@code N} negative binomial with {@code P(N = n) = (R)_n / n! z^n (1 -
   * z)^R}. The probabilities are carried with a separate scale so that {@code (1 - z)^R} may
   * underflow; the sum stops when the geometric bound on its tail is below 1e-17 of it.
   */
  static double expected(double rr, double aa, double bb, double z) {
    if (z == 0) {
      return 0;
    }
    double logScale = rr * Math.log1p(-z);
    double probability = 1;
    if (logScale > -600) {
      probability = Math.exp(logScale);
      logScale = 0;
    }
    double sum = 0;
    double partial = 0;
    double coefficient = 1;
    for (long n = 0; ; n++) {
      partial += coefficient;
      coefficient *= (bb + n) / (aa + bb + n);
      probability *= z * (rr + n) / (n + 1);
      double term = probability * partial;
      sum += term;
      double ratio = z * (rr + n + 1) / (n + 1);
      if (ratio < 1 && term * ratio <= 1e-17 * sum * (1 - ratio)) {
        break;
      }
      if (probability > 1e280) {
        probability *= 1e-280;
        sum *= 1e-280;
        logScale += LN_SCALE;
      }
      if (n > 100_000_000L) {
        throw new ArithmeticException(
            "expected purchases did not converge in 1e8 terms: the horizon is too long for the"
                + " purchase-rate scale (t / (alpha + T + t) = "
                + z
                + ")");
      }
    }
    return logScale == 0 ? sum : Math.exp(Math.log(sum) + logScale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BgNbd other
        && Double.compare(r, other.r) == 0
        && Double.compare(alpha, other.alpha) == 0
        && Double.compare(a, other.a) == 0
        && Double.compare(b, other.b) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {r, alpha, a, b});
  }

  @Override
  public String toString() {
    return "BG/NBD" + Newton.describe(NAMES, new double[] {r, alpha, a, b});
  }
}
