package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The shifted-beta-geometric (sBG) model of subscription lifetimes (P. S. Fader and B. G. S.
 * Hardie, "How to Project Customer Retention", Journal of Interactive Marketing 21(1), 76-90, 2007,
 * <a href="https://doi.org/10.1002/dir.20074">doi:10.1002/dir.20074</a>; equation numbers below are
 * that paper's).
 *
 * <p>At each renewal point a subscribed customer cancels with its own probability {@code theta},
 * constant over its lifetime, so its lifetime is geometric; across customers {@code theta ~
 * Beta(alpha, beta)}. The cohort's retention rate rises with tenure, as the customers likely to
 * cancel leave first:
 *
 * <pre>
 * P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)       (equation 5)
 * S(t)     = B(alpha, beta + t) / B(alpha, beta)               (equation 6)
 * r(t)     = (beta + t - 1) / (alpha + beta + t - 1)          (equation 8)
 * E[T]     = (alpha + beta - 1) / (alpha - 1) for alpha &gt; 1, infinite otherwise
 * </pre>
 *
 * computed as products ({@code S(t) = prod_{j<t} (beta + j) / (alpha + beta + j)}), exact to
 * rounding for any period. With {@code z = 1 / (1 + d)} the customer values of {@link
 * ContractualModel} have closed forms in the Gauss hypergeometric function (Fader &amp; Hardie
 * 2010, equations 3 and 6):
 *
 * <pre>
 * DEL(d)     = 2F1(1, beta; alpha + beta; z)
 * DERL(d, n) = (beta + n) / (alpha + beta + n) 2F1(1, beta + n + 1; alpha + beta + n + 1; z)
 * </pre>
 *
 * ({@code n} renewals made), each evaluated as its hypergeometric series, whose terms {@code (b)_k
 * / (c)_k z^k} follow by one multiplication each; at {@code d = 0}, where {@code 2F1(1, b; c; 1) =
 * (c - 1) / (c - b - 1)}, they are finite for {@code alpha > 1} only.
 */
public final class ShiftedBetaGeometric implements ContractualModel {
  private static final String[] NAMES = {"alpha", "beta"};
  private static final String NAME = "sBG";

  private final double alpha;
  private final double beta;

  private ShiftedBetaGeometric(double alpha, double beta) {
    this.alpha = alpha;
    this.beta = beta;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @param alpha the first shape of the churn-probability distribution, finite and {@code > 0}
   * @param beta the second shape of the churn-probability distribution, finite and {@code > 0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive, naming it
   */
  public static ShiftedBetaGeometric of(double alpha, double beta) {
    Checks.checkPositive("alpha", alpha);
    Checks.checkPositive("beta", beta);
    return new ShiftedBetaGeometric(alpha, beta);
  }

  private static ShiftedBetaGeometric ofParameters(double[] p) {
    return of(p[0], p[1]);
  }

  /**
   * Fits the model to survivor counts by maximum likelihood (Fader &amp; Hardie 2007, equation 9,
   * with every cohort contributing its own periods).
   *
   * <p>The search is Newton's method on the logarithms of the parameters, with the analytic Hessian
   * and Levenberg-Marquardt damping, from {@code alpha = beta = 1}; it stops when a step changes no
   * parameter by more than 1e-10 relatively. Each evaluation costs one pass over the periods,
   * whatever the number of cohorts. Standard errors come from the observed information ({@link
   * ModelFit}).
   *
   * @param data the survivor counts
   * @return the fit: the model, its log-likelihood and the standard errors of its parameters
   * @throws NullPointerException if {@code data} is null
   * @throws IllegalArgumentException if the data cannot identify the model, saying why: no cohort
   *     observed past period 1 (two parameters need two periods); nobody lost; a likelihood that
   *     rises as {@code alpha} and {@code beta} run to infinity together, or whose maximum has both
   *     above 1,000 with standard errors above the estimates (churn probabilities that do not vary
   *     across customers: the message gives the {@code theta} of the homogeneous geometric model
   *     the data fit); a likelihood that runs to another limit; or one left level, with a standard
   *     error above 1,000 times its estimate
   * @throws IllegalStateException if the likelihood's curvature is not finite where the search is
   *     (a search still climbing after 500 steps follows a ridge towards a limit of the model, and
   *     is reported as data that cannot identify it, {@link IllegalArgumentException})
   */
  public static ModelFit<ShiftedBetaGeometric> fit(SurvivorCounts data) {
    Objects.requireNonNull(data, "data");
    ContractualFits.checkIdentifiable(NAME, NAMES.length, data);
    return ContractualFits.fit(
        NAME,
        NAMES,
        new ShiftedBetaGeometricLikelihood(data),
        new double[] {1, 1},
        data,
        ShiftedBetaGeometric::ofParameters);
  }

  /** {@return the first shape {@code alpha} of the churn-probability distribution} */
  public double alpha() {
    return alpha;
  }

  /** {@return the second shape {@code beta} of the churn-probability distribution} */
  public double beta() {
    return beta;
  }

  /**
   * Returns {@code S(t) = prod_{j<t} (beta + j) / (alpha + beta + j)} (equation 6).
   *
   * @param t the period, {@code >= 0}
   * @return the probability, in (0, 1]; 1 at {@code t = 0}
   * @throws IllegalArgumentException if {@code t} is negative
   */
  @Override
  public double survival(int t) {
    Checks.checkAtLeast("t", t, 0);
    double product = 1;
    double logScale = 0;
    for (int j = 0; j < t; j++) {
      product *= (beta + j) / (alpha + beta + j);
      if (product < 1e-280) {
        logScale += Math.log(product);
        product = 1;
      }
    }
    return product * Math.exp(logScale);
  }

  /**
   * Returns {@code P(T = t) = S(t - 1) alpha / (alpha + beta + t - 1)} (equation 7).
   *
   * @param t the period, {@code >= 1}
   * @return the probability, in (0, 1)
   * @throws IllegalArgumentException if {@code t} is below 1
   */
  @Override
  public double churnProbability(int t) {
    Checks.checkAtLeast("t", t, 1);
    return survival(t - 1) * alpha / (alpha + beta + t - 1);
  }

  /**
   * Returns {@code r(t) = (beta + t - 1) / (alpha + beta + t - 1)} (equation 8).
   *
   * @param t the period, {@code >= 1}
   * @return the rate, a fraction in (0, 1)
   * @throws IllegalArgumentException if {@code t} is below 1
   */
  @Override
  public double retentionRate(int t) {
    Checks.checkAtLeast("t", t, 1);
    return (beta + t - 1) / (alpha + beta + t - 1);
  }

  /**
   * Returns the expected lifetime {@code E[T] = sum_{t >= 0} S(t) = (alpha + beta - 1) / (alpha -
   * 1)}, in periods: {@code E[1 / theta]} over the beta distribution.
   *
   * @return the expected lifetime; {@link Double#POSITIVE_INFINITY} when {@code alpha <= 1} (the
   *     customers with a churn probability near 0 are too many for the mean to be finite)
   */
  public double expectedLifetime() {
    return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Double.POSITIVE_INFINITY;
  }

  @Override
  public double logLikelihood(SurvivorCounts data) {
    Objects.requireNonNull(data, "data");
    return new ShiftedBetaGeometricLikelihood(data)
        .evaluate(new double[] {alpha, beta}, null, null);
  }

  /**
   * Returns {@code DEL(d) = 2F1(1, beta; alpha + beta; 1 / (1 + d))} (Fader &amp; Hardie 2010,
   * equation 3).
   *
   * @param discountRate the discount rate per period, finite and {@code >= 0}
   * @return the discounted number of payments, {@code >= 1}; at {@code d = 0} the {@link
   *     #expectedLifetime()}, infinite when {@code alpha <= 1}
   * @throws IllegalArgumentException if {@code discountRate} is NaN, infinite or negative, or so
   *     small and positive that the series would need more than {@link #MAX_TERMS} terms
   */
  @Override
  public double discountedExpectedLifetime(double discountRate) {
    return hypergeometric(beta, alpha + beta, discountRate);
  }

  /**
   * Returns {@code DERL(d, n) = (beta + n) / (alpha + beta + n) 2F1(1, beta + n + 1; alpha + beta +
   * n + 1; 1 / (1 + d))} for a customer who has renewed {@code n} times (Fader &amp; Hardie 2010,
   * equation 6, whose {@code n} is this {@code n + 1}).
   *
   * @param discountRate the discount rate per period, finite and {@code >= 0}
   * @param renewals the renewals made, {@code n >= 0}
   * @return the discounted number of payments still to come, {@code > 0}; at {@code d = 0}, {@code
   *     (beta + n) / (alpha - 1)}, infinite when {@code alpha <= 1}
   * @throws IllegalArgumentException if {@code discountRate} is out of range (as {@link
   *     #discountedExpectedLifetime}) or {@code renewals} is negative
   */
  @Override
  public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
    Checks.checkAtLeast("renewals", renewals, 0);
    double b = beta + renewals;
    return b / (alpha + b) * hypergeometric(b + 1, alpha + b + 1, discountRate);
  }

  /**
   * Returns the retention elasticity of the residual lifetime: the percentage change in {@link
   * #discountedExpectedResidualLifetime DERL(d, n)} per percent increase in every customer's
   * retention probability {@code 1 - theta}, {@code d ln DERL / d ln(1 + epsilon)} at {@code
   * epsilon = 0} with {@code 1 - theta} scaled to {@code (1 + epsilon)(1 - theta)}, the quantity
   * whose heterogeneous and aggregate values Fader &amp; Hardie (2010, section 4) compare.
   *
   * <p>A customer who has renewed {@code n} times has {@code theta ~ Beta(alpha, beta + n)}; with
   * {@code p = 1 - theta} and {@code z = 1 / (1 + d)}, {@code DERL = E[sum_k p^(k+1) z^k]}, whose
   * derivative in {@code epsilon} is {@code E[sum_k (k + 1) p^(k+1) z^k]}, so
   *
   * <pre>
   * elasticity = 2F1(2, beta + n + 1; alpha + beta + n + 1; z) / 2F1(1, beta + n + 1; alpha + beta + n + 1; z)
   * </pre>
   *
   * (the coefficients {@code (2)_k / k!} are {@code k + 1}). A homogeneous model with retention
   * {@code r} gives {@code (1 + d) / (1 + d - r)}: the same formula with every {@code p} equal.
   *
   * @param discountRate the discount rate per period, finite and {@code > 0}
   * @param renewals the renewals made, {@code n >= 0}
   * @return the elasticity, dimensionless, {@code >= 1}
   * @throws IllegalArgumentException if {@code discountRate} is not finite and positive or too
   *     small (as {@link #discountedExpectedLifetime}), or {@code renewals} is negative
   */
  public double retentionElasticity(double discountRate, int renewals) {
    Checks.checkAtLeast("renewals", renewals, 0);
    int terms = ContractualSums.terms(discountRate, "the hypergeometric series");
    double b = beta + renewals + 1;
    double c = alpha + b;
    double z = 1 / (1 + discountRate);
    double plain = 0;
    double weighted = 0;
    double term = 1;
    for (int k = 0; k <= terms && term > 0; k++) {
      plain += term;
      weighted += (k + 1) * term;
      term *= (b + k) / (c + k) * z;
    }
    return weighted / plain;
  }

  /**
   * Returns {@code 2F1(1, b; c; 1 / (1 + d))} for {@code c > b}: the series {@code sum_k (b)_k /
   * (c)_k z^k} for {@code d > 0}, {@code (c - 1) / (c - b - 1)} (Gauss's theorem) for {@code d =
   * 0}.
   */
  private static double hypergeometric(double b, double c, double discountRate) {
    if (discountRate == 0) {
      double excess = c - b - 1; // alpha - 1
      return excess > 0 ? (c - 1) / excess : Double.POSITIVE_INFINITY;
    }
    int terms = ContractualSums.terms(discountRate, "the hypergeometric series");
    double z = 1 / (1 + discountRate);
    double sum = 0;
    double term = 1;
    for (int k = 0; k <= terms && term > 0; k++) {
      sum += term;
      if (term * z / (1 - z) <= 1e-16 * sum) {
        break; // the terms decrease (b < c), so the rest is below term z / (1 - z)
      }
      term *= (b + k) / (c + k) * z;
    }
    return sum;
  }

  /**
   * Simulates one cohort: each customer draws {@code theta ~ Beta(alpha, beta)} and then a
   * geometric lifetime, {@code T = ceil(ln U / ln(1 - theta))} for a uniform {@code U}.
   */
  @Override
  public long[] simulate(long size, int lastPeriod, UniformRandomProvider rng) {
    return BetaDiscreteWeibull.simulate(alpha, beta, 1, size, lastPeriod, rng);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShiftedBetaGeometric other
        && Double.compare(alpha, other.alpha) == 0
        && Double.compare(beta, other.beta) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(alpha) + Double.hashCode(beta);
  }

  /** Returns e.g. {@code sBG(alpha = 0.704, beta = 1.182)}. */
  @Override
  public String toString() {
    return NAME + Newton.describe(NAMES, new double[] {alpha, beta});
  }
}
