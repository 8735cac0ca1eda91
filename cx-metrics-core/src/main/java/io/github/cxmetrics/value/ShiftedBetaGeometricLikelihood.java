package io.github.cxmetrics.value;

/**
 * The log-likelihood of the shifted-beta-geometric model for survivor counts, with its gradient and
 * Hessian in the natural parameters {@code (alpha, beta)}.
 *
 * <p>Derivation. {@code S(t) = B(alpha, beta + t) / B(alpha, beta)} is the product {@code
 * prod_{j<t} (beta + j) / (alpha + beta + j)}, and {@code P(T = t) = S(t - 1) alpha / (alpha + beta
 * + t - 1)} (Fader &amp; Hardie 2007, equations 5 and 7). With {@code u_j = 1 / (beta + j)} and
 * {@code w_j = 1 / (alpha + beta + j)}:
 *
 * <pre>
 * ln S(t)            = sum_{j&lt;t} ln(beta + j) - ln(alpha + beta + j)
 * d/dalpha ln S(t)   = -sum_{j&lt;t} w_j,            d/dbeta ln S(t) = sum_{j&lt;t} u_j - w_j
 * d2/dalpha2 ln S(t) = d2/dalpha dbeta ln S(t) = sum_{j&lt;t} w_j^2
 * d2/dbeta2 ln S(t)  = sum_{j&lt;t} w_j^2 - u_j^2
 * ln P(t)            = ln alpha - ln(alpha + beta + t - 1) + ln S(t - 1)
 * d/dalpha ln P(t)   = 1 / alpha - w_{t-1} + d/dalpha ln S(t - 1)
 * d/dbeta ln P(t)    = -w_{t-1} + d/dbeta ln S(t - 1)
 * d2/dalpha2 ln P(t) = -1 / alpha^2 + w_{t-1}^2 + d2/dalpha2 ln S(t - 1)
 * d2/dalpha dbeta ln P(t) = w_{t-1}^2 + d2/dalpha dbeta ln S(t - 1)
 * d2/dbeta2 ln P(t)  = w_{t-1}^2 + d2/dbeta2 ln S(t - 1)
 * </pre>
 *
 * <p>The log-likelihood is {@code sum_t L_t ln P(t) + sum_k C_k ln S(k)} over the accumulated
 * counts of {@link SurvivorCounts} ({@code L_t} lost in period {@code t}, {@code C_k} still
 * subscribed at a cohort's last period {@code k}); one pass over {@code t = 0 .. K} carries the
 * five running sums of {@code ln S} and its derivatives, so an evaluation costs {@code O(K)} for
 * any number of cohorts. {@code LikelihoodDerivativesTest} checks the gradient and Hessian against
 * central differences.
 */
final class ShiftedBetaGeometricLikelihood implements Newton.Objective {
  private final SurvivorCounts data;

  ShiftedBetaGeometricLikelihood(SurvivorCounts data) {
    this.data = data;
  }

  @Override
  public double evaluate(double[] params, double[] gradient, double[][] hessian) {
    double alpha = params[0];
    double beta = params[1];
    // ln S(t) and its derivatives, for the current t (starting at t = 0: S = 1)
    double lnS = 0;
    double sA = 0;
    double sB = 0;
    double sAA = 0;
    double sBB = 0;
    double ll = data.censoredAt(0) * lnS;
    double gA = 0;
    double gB = 0;
    double hAA = 0;
    double hAB = 0;
    double hBB = 0;
    for (int t = 1; t <= data.lastPeriod(); t++) {
      double w = 1 / (alpha + beta + t - 1);
      double u = 1 / (beta + t - 1);
      long lost = data.lostIn(t);
      if (lost > 0) {
        ll += lost * (Math.log(alpha * w) + lnS);
        gA += lost * (1 / alpha - w + sA);
        gB += lost * (-w + sB);
        hAA += lost * (-1 / (alpha * alpha) + w * w + sAA);
        hAB += lost * (w * w + sAA);
        hBB += lost * (w * w + sBB);
      }
      // advance ln S from t - 1 to t
      lnS += Math.log((beta + t - 1) * w);
      sA -= w;
      sB += u - w;
      sAA += w * w;
      sBB += w * w - u * u;
      long censored = data.censoredAt(t);
      if (censored > 0) {
        ll += censored * lnS;
        gA += censored * sA;
        gB += censored * sB;
        hAA += censored * sAA;
        hAB += censored * sAA;
        hBB += censored * sBB;
      }
    }
    if (gradient != null) {
      gradient[0] = gA;
      gradient[1] = gB;
      hessian[0][0] = hAA;
      hessian[0][1] = hAB;
      hessian[1][0] = hAB;
      hessian[1][1] = hBB;
    }
    return ll;
  }
}
