package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The beta-discrete-Weibull (BdW) model of subscription lifetimes (P. S. Fader, B. G. S. Hardie, Y.
 * Liu, J. Davin and T. Steenburgh, "'How to Project Customer Retention' Revisited: The Role of
 * Duration Dependence", Journal of Interactive Marketing 43, 1-16, 2018, <a
 * href="https://doi.org/10.1016/j.intmar.2018.01.002">doi:10.1016/j.intmar.2018.01.002</a>).
 *
 * <p>Each customer's lifetime is discrete Weibull, {@code P(T > t | theta) = (1 - theta)^(t^c)}:
 * its churn probability changes with tenure, rising for {@code c > 1} and falling for {@code c < 1}
 * (duration dependence); across customers {@code theta ~ Beta(alpha, beta)}. With {@code c = 1} it
 * is the {@link ShiftedBetaGeometric sBG}. The cohort's survivor function is
 *
 * <pre>
 * S(t) = B(alpha, beta + t^c) / B(alpha, beta)
 * P(T = t) = S(t - 1) - S(t),    r(t) = S(t) / S(t - 1)
 * </pre>
 *
 * computed from log-gamma functions, the churn probability as {@code S(t - 1) (-expm1(ln S(t) - ln
 * S(t - 1)))} so that it keeps its precision when the two survivor values are close. Customer
 * values ({@link #discountedExpectedLifetime}, {@link #discountedExpectedResidualLifetime}) have no
 * closed form and are the sums of {@link ContractualModel}, for discount rates {@code d > 0}.
 *
 * <p>{@link #testDurationDependence} compares the fit with the sBG's by a likelihood-ratio test of
 * {@code c = 1}.
 */
public final class BetaDiscreteWeibull implements ContractualModel {
  private static final String[] NAMES = {"alpha", "beta", "c"};
  private static final String NAME = "BdW";

  private final double alpha;
  private final double beta;
  private final double c;

  private BetaDiscreteWeibull(double alpha, double beta, double c) {
    this.alpha = alpha;
    this.beta = beta;
    this.c = c;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @param alpha the first shape of the churn-probability distribution, finite and {@code > 0}
   * @param beta the second shape of the churn-probability distribution, finite and {@code > 0}
   * @param c the duration-dependence exponent, finite and {@code > 0} (1: none)
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive, naming it
   */
  public static BetaDiscreteWeibull of(double alpha, double beta, double c) {
    Checks.checkPositive("alpha", alpha);
    Checks.checkPositive("beta", beta);
    Checks.checkPositive("c", c);
    return new BetaDiscreteWeibull(alpha, beta, c);
  }

  private static BetaDiscreteWeibull ofParameters(double[] p) {
    return of(p[0], p[1], p[2]);
  }

  /**
   * Fits the model to survivor counts by maximum likelihood.
   *
   * <p>The search is Newton's method on the logarithms of the parameters, with the analytic Hessian
   * and Levenberg-Marquardt damping, from the sBG fit with {@code c = 1} (from {@code alpha = beta
   * = c = 1} when the sBG cannot be fitted); it stops when a step changes no parameter by more than
   * 1e-10 relatively. Standard errors come from the observed information ({@link ModelFit}).
   *
   * @param data the survivor counts
   * @return the fit: the model, its log-likelihood and the standard errors of its parameters
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data cannot identify the model, saying why: no cohort
   *     observed through period 3 (three parameters need three periods); nobody lost; {@code alpha}
   *     and {@code beta} running to infinity together (a churn probability that does not vary
   *     across customers, as for {@link ShiftedBetaGeometric#fit}); a likelihood that runs to
   *     another limit (such as {@code c} to infinity: every remaining customer lost at one period);
   *     a singular information matrix; or a standard error above 1,000 times its estimate
   * @throws IllegalStateException if the likelihood's curvature is not finite where the search is
   *     (a search still climbing after 500 steps follows a ridge towards a limit of the model, and
   *     is reported as data that cannot identify it, {@link IllegalArgumentException})
   */
  public static ModelFit<BetaDiscreteWeibull> fit(SurvivorCounts data) {
    Objects.requireNonNull(data, "data");
    ContractualFits.checkIdentifiable(NAME, NAMES.length, data);
    double[] start = {1, 1, 1};
    try {
      ShiftedBetaGeometric sbg = ShiftedBetaGeometric.fit(data).model();
      start = new double[] {sbg.alpha(), sbg.beta(), 1};
    } catch (IllegalArgumentException | IllegalStateException e) {
      // no sBG maximum to start from: the BdW search starts from (1, 1, 1)
    }
    return ContractualFits.fit(
        NAME,
        NAMES,
        new BetaDiscreteWeibullLikelihood(data),
        start,
        data,
        BetaDiscreteWeibull::ofParameters);
  }

  /**
   * Tests for duration dependence: the likelihood-ratio test of the sBG ({@code c = 1}) against the
   * BdW, both fitted to {@code data}, with one degree of freedom (Fader et al. 2018 compare the two
   * models this way).
   *
   * @param data the survivor counts
   * @return the test; a small p-value says that churn probabilities change with tenure
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if either model cannot be fitted, as {@link #fit} and {@link
   *     ShiftedBetaGeometric#fit} say
   * @throws IllegalStateException if a fit does not converge
   */
  public static LikelihoodRatioTest testDurationDependence(SurvivorCounts data) {
    Objects.requireNonNull(data, "data");
    double restricted = ShiftedBetaGeometric.fit(data).logLikelihood();
    double full = fit(data).logLikelihood();
    return LikelihoodRatioTest.of(restricted, full, 1);
  }

  /** {@return the first shape {@code alpha} of the churn-probability distribution} */
  public double alpha() {
    return alpha;
  }

  /** {@return the second shape {@code beta} of the churn-probability distribution} */
  public double beta() {
    return beta;
  }

  /** {@return the duration-dependence exponent {@code c}} */
  public double c() {
    return c;
  }

  private double logSurvival(int t) {
    return t == 0
        ? 0
        : BetaDiscreteWeibullLikelihood.logSurvival(alpha, beta, Math.exp(c * Math.log(t)));
  }

  /**
   * Returns {@code S(t) = B(alpha, beta + t^c) / B(alpha, beta)}.
   *
   * @param t the period, {@code >= 0}
   * @return the probability, in [0, 1] (0 only where it underflows); 1 at {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative
   */
  @Override
  public double survival(int t) {
    Checks.checkAtLeast("t", t, 0);
    return Math.exp(logSurvival(t));
  }

  /**
   * Returns {@code P(T = t) = S(t - 1) - S(t)}, computed as {@code S(t - 1) (-expm1(ln S(t) - ln
   * S(t - 1)))}.
   *
   * @param t the period, {@code >= 1}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code t} is below 1
   */
  @Override
  public double churnProbability(int t) {
    Checks.checkAtLeast("t", t, 1);
    double before = logSurvival(t - 1);
    return Math.exp(before) * -Math.expm1(logSurvival(t) - before);
  }

  /**
   * Returns {@code r(t) = S(t) / S(t - 1)}.
   *
   * @param t the period, {@code >= 1}
   * @return the rate, a fraction in [0, 1]
   * @throws IllegalArgumentException if {@code t} is below 1
   */
  @Override
  public double retentionRate(int t) {
    Checks.checkAtLeast("t", t, 1);
    return Math.exp(logSurvival(t) - logSurvival(t - 1));
  }

  @Override
  public double logLikelihood(SurvivorCounts data) {
    Objects.requireNonNull(data, "data");
    return new BetaDiscreteWeibullLikelihood(data)
        .evaluate(new double[] {alpha, beta, c}, null, null);
  }

  /**
   * Simulates one cohort: each customer draws {@code theta ~ Beta(alpha, beta)} and then a
   * discrete-Weibull lifetime, {@code T = max(1, ceil((ln U / ln(1 - theta))^(1/c)))} for a uniform
   * {@code U} (the smallest {@code t} with {@code (1 - theta)^(t^c) < U}).
   */
  @Override
  public long[] simulate(long size, int lastPeriod, UniformRandomProvider rng) {
    return simulate(alpha, beta, c, size, lastPeriod, rng);
  }

  /** Simulates a cohort of the BdW (the sBG with {@code c = 1}). */
  static long[] simulate(
      double alpha, double beta, double c, long size, int lastPeriod, UniformRandomProvider rng) {
    Checks.checkCount("size", size);
    Checks.checkAtLeast("lastPeriod", lastPeriod, 0);
    Objects.requireNonNull(rng, "rng");
    ContinuousSampler thetas = ChengBetaSampler.of(rng, alpha, beta);
    long[] lostIn = new long[lastPeriod + 2]; // index lastPeriod + 1: lost after the last period
    for (long i = 0; i < size; i++) {
      double theta = thetas.sample();
      double u = rng.nextDouble(); // in [0, 1)
      double periods = Math.log(u) / Math.log1p(-theta); // t^c at which (1 - theta)^(t^c) = u
      double lifetime = Math.ceil(Math.pow(periods, 1 / c));
      // lifetime is NaN only for u = 0 with theta = 1, a customer lost at once
      int t = lifetime > lastPeriod ? lastPeriod + 1 : lifetime >= 1 ? (int) lifetime : 1;
      lostIn[t]++;
    }
    long[] survivors = new long[lastPeriod + 1];
    long alive = size;
    for (int t = 0; t <= lastPeriod; t++) {
      alive -= lostIn[t];
      survivors[t] = alive;
    }
    return survivors;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BetaDiscreteWeibull other
        && Double.compare(alpha, other.alpha) == 0
        && Double.compare(beta, other.beta) == 0
        && Double.compare(c, other.c) == 0;
  }

  @Override
  public int hashCode() {
    return (31 * Double.hashCode(alpha) + Double.hashCode(beta)) * 31 + Double.hashCode(c);
  }

  /** Returns e.g. {@code BdW(alpha = 0.456, beta = 0.779, c = 1.283)}. */
  @Override
  public String toString() {
    return NAME + Newton.describe(NAMES, new double[] {alpha, beta, c});
  }
}
