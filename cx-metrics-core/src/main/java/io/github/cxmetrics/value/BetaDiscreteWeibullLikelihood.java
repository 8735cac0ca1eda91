package io.github.cxmetrics.value;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The log-likelihood of the beta-discrete-Weibull model for survivor counts, with its gradient and
 * Hessian in the natural parameters {@code (alpha, beta, c)}.
 *
 * <p>Derivation. With {@code s = t^c} and {@code l = ln t}, {@code ln S(t) = ln B(alpha, beta + s)
 * - ln B(alpha, beta)} (Fader et al. 2018, equation 5) is
 *
 * <pre>
 * ln S(t) = ln Gamma(beta + s) - ln Gamma(alpha + beta + s) - ln Gamma(beta) + ln Gamma(alpha + beta)
 * </pre>
 *
 * and with {@code D = psi(beta + s) - psi(alpha + beta + s)}, {@code D' = psi'(beta + s) -
 * psi'(alpha + beta + s)} ({@code ds/dc = s l}, {@code d2s/dc2 = s l^2}):
 *
 * <pre>
 * d/dalpha   = psi(alpha + beta) - psi(alpha + beta + s)
 * d/dbeta    = D - psi(beta) + psi(alpha + beta)
 * d/dc       = D s l
 * d2/dalpha2 = d2/dalpha dbeta = psi'(alpha + beta) - psi'(alpha + beta + s)
 * d2/dbeta2  = D' - psi'(beta) + psi'(alpha + beta)
 * d2/dalpha dc = -psi'(alpha + beta + s) s l,    d2/dbeta dc = D' s l
 * d2/dc2     = D' (s l)^2 + D s l^2
 * </pre>
 *
 * all zero at {@code t = 0}. The churn probability {@code P(t) = S(t - 1) - S(t)} is taken as
 * {@code ln P(t) = ln S(t - 1) + ln q} with {@code Delta = ln S(t) - ln S(t - 1) < 0} and {@code q
 * = -expm1(Delta)}, so that no difference of two close survivor values loses precision; with {@code
 * v = 1 / expm1(-Delta)} (that is {@code e^Delta / q}):
 *
 * <pre>
 * d/dx ln P(t)    = d/dx ln S(t - 1) - v Delta_x
 * d2/dx dy ln P(t) = d2/dx dy ln S(t - 1) - v (Delta_xy + Delta_x Delta_y) - v^2 Delta_x Delta_y
 * </pre>
 *
 * ({@code d/dDelta ln q = -v}, {@code dv/dDelta = v + v^2}). The log-likelihood is {@code sum_t L_t
 * ln P(t) + sum_k C_k ln S(k)} over the accumulated counts of {@link SurvivorCounts}; one pass over
 * {@code t = 0 .. K} keeps {@code ln S} and its 9 derivatives at {@code t - 1} and {@code t}.
 * {@code LikelihoodDerivativesTest} checks the gradient and Hessian against central differences.
 */
final class BetaDiscreteWeibullLikelihood implements Newton.Objective {
  private final SurvivorCounts data;

  BetaDiscreteWeibullLikelihood(SurvivorCounts data) {
    this.data = data;
  }

  /** {@return {@code ln S(t)} at {@code s = t^c}, without its derivatives} */
  static double logSurvival(double alpha, double beta, double s) {
    return LogGamma.value(beta + s)
        - LogGamma.value(alpha + beta + s)
        - LogGamma.value(beta)
        + LogGamma.value(alpha + beta);
  }

  /**
   * Writes {@code ln S(t)} (at index 0), its gradient (1 to 3) and its Hessian's upper triangle (4:
   * alpha alpha, 5: alpha beta, 6: alpha c, 7: beta beta, 8: beta c, 9: c c) to {@code out}.
   */
  static void logSurvival(double alpha, double beta, double c, int t, double[] out) {
    if (t == 0) {
      java.util.Arrays.fill(out, 0);
      return;
    }
    double l = Math.log(t);
    double s = Math.exp(c * l);
    double ab = alpha + beta;
    out[0] = logSurvival(alpha, beta, s);
    double psiAbs = Digamma.value(ab + s);
    double triAbs = Trigamma.value(ab + s);
    double d1 = Digamma.value(beta + s) - psiAbs;
    double d2 = Trigamma.value(beta + s) - triAbs;
    double psiAb = Digamma.value(ab);
    double triAb = Trigamma.value(ab);
    double sl = s * l;
    out[1] = psiAb - psiAbs;
    out[2] = d1 - Digamma.value(beta) + psiAb;
    out[3] = d1 * sl;
    out[4] = triAb - triAbs;
    out[5] = out[4];
    out[6] = -triAbs * sl;
    out[7] = d2 - Trigamma.value(beta) + triAb;
    out[8] = d2 * sl;
    out[9] = d2 * sl * sl + d1 * sl * l;
  }

  @Override
  public double evaluate(double[] params, double[] gradient, double[][] hessian) {
    double alpha = params[0];
    double beta = params[1];
    double c = params[2];
    double[] previous = new double[10];
    double[] current = new double[10];
    double[] sum = new double[10];
    double[] delta = new double[10];
    for (int t = 1; t <= data.lastPeriod(); t++) {
      logSurvival(alpha, beta, c, t, current);
      long lost = data.lostIn(t);
      if (lost > 0) {
        for (int i = 0; i < 10; i++) {
          delta[i] = current[i] - previous[i];
        }
        double v = 1 / Math.expm1(-delta[0]);
        sum[0] += lost * (previous[0] + Math.log(-Math.expm1(delta[0])));
        for (int i = 1; i <= 3; i++) {
          sum[i] += lost * (previous[i] - v * delta[i]);
        }
        int h = 4;
        for (int i = 1; i <= 3; i++) {
          for (int j = i; j <= 3; j++, h++) {
            double cross = delta[i] * delta[j];
            sum[h] += lost * (previous[h] - v * (delta[h] + cross) - v * v * cross);
          }
        }
      }
      long censored = data.censoredAt(t);
      if (censored > 0) {
        for (int i = 0; i < 10; i++) {
          sum[i] += censored * current[i];
        }
      }
      double[] swap = previous;
      previous = current;
      current = swap;
    }
    if (gradient != null) {
      System.arraycopy(sum, 1, gradient, 0, 3);
      int h = 4;
      for (int i = 0; i < 3; i++) {
        for (int j = i; j < 3; j++, h++) {
          hessian[i][j] = sum[h];
          hessian[j][i] = sum[h];
        }
      }
    }
    return sum[0];
  }
}
