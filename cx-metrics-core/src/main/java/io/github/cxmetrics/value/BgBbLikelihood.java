package io.github.cxmetrics.value;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The log-likelihood of the BG/BB model for patterns with counts, with its gradient and Hessian in
 * the natural parameters {@code (alpha, beta, gamma, delta)}.
 *
 * <p>Derivation. For a pattern {@code (x, t_x, n)} (Fader, Hardie &amp; Shang 2010, equation 5),
 * the likelihood is a sum of terms {@code T_j = B(alpha + x, beta + y_j) / B(alpha, beta) B(gamma +
 * e_j, delta + m_j) / B(gamma, delta)}: one for "alive through opportunity {@code n}" with {@code
 * (y, e, m) = (n - x, 0, n)}, and one for each {@code i = 0 .. n - t_x - 1}, "died at the start of
 * opportunity {@code t_x + i + 1}", with {@code (y, e, m) = (t_x - x + i, 1, t_x + i)}. Each {@code
 * ln T_j} is a sum of log-beta functions, so with {@code psi} the digamma and {@code psi1} the
 * trigamma function and {@code S = alpha + beta + x + y_j}:
 *
 * <pre>
 * d ln T / d alpha  = psi(alpha + x) - psi(S) - psi(alpha) + psi(alpha + beta)
 * d ln T / d beta   = psi(beta + y)  - psi(S) - psi(beta)  + psi(alpha + beta)
 * d2 / d alpha2     = psi1(alpha + x) - psi1(S) - psi1(alpha) + psi1(alpha + beta)
 * d2 / d alpha dbeta = psi1(alpha + beta) - psi1(S)
 * d2 / d beta2      = psi1(beta + y)  - psi1(S) - psi1(beta)  + psi1(alpha + beta)
 * </pre>
 *
 * and the same in {@code (gamma, delta)} with {@code (e, m)} for {@code (x, y)}; the cross
 * derivatives between the two pairs are 0. With weights {@code w_j = T_j / sum T}, the pattern's
 * {@code ln L = ln sum T_j} has gradient {@code g = sum w_j d_j} and Hessian {@code sum w_j (h_j +
 * d_j d_j') - g g'}; each pattern counts {@code c} times. The sum is taken as log-sum-exp so that
 * no term underflows. {@code LikelihoodDerivativesTest} checks the gradient and Hessian against
 * central differences.
 */
final class BgBbLikelihood implements Newton.Objective {
  private final OpportunitySummaries patterns;

  BgBbLikelihood(OpportunitySummaries patterns) {
    this.patterns = patterns;
  }

  @Override
  public double evaluate(double[] params, double[] gradient, double[][] hessian) {
    double alpha = params[0];
    double beta = params[1];
    double gamma = params[2];
    double delta = params[3];
    boolean derivatives = gradient != null;
    double lbAB = LogBeta.value(alpha, beta);
    double lbGD = LogBeta.value(gamma, delta);
    double[] base = new double[4]; // psi terms of the prior, shared by every term
    double[] base2 = new double[4];
    double triAB = 0;
    double triGD = 0;
    if (derivatives) {
      double psiAB = Digamma.value(alpha + beta);
      double psiGD = Digamma.value(gamma + delta);
      triAB = Trigamma.value(alpha + beta);
      triGD = Trigamma.value(gamma + delta);
      base[0] = psiAB - Digamma.value(alpha);
      base[1] = psiAB - Digamma.value(beta);
      base[2] = psiGD - Digamma.value(gamma);
      base[3] = psiGD - Digamma.value(delta);
      base2[0] = triAB - Trigamma.value(alpha);
      base2[1] = triAB - Trigamma.value(beta);
      base2[2] = triGD - Trigamma.value(gamma);
      base2[3] = triGD - Trigamma.value(delta);
      java.util.Arrays.fill(gradient, 0);
      for (double[] row : hessian) {
        java.util.Arrays.fill(row, 0);
      }
    }
    double ll = 0;
    int most = 1;
    for (int i = 0; i < patterns.size(); i++) {
      most = Math.max(most, patterns.opportunities(i) + 1);
    }
    double[] logT = new double[most];
    double[][] d = new double[most][4];
    double[][] h = new double[most][3 * 2]; // aa, ab, bb, gg, gd, dd
    for (int i = 0; i < patterns.size(); i++) {
      long count = patterns.count(i);
      if (count == 0) {
        continue;
      }
      int x = patterns.frequency(i);
      int tx = patterns.recency(i);
      int n = patterns.opportunities(i);
      int terms = 1 + (n - tx);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < terms; j++) {
        int y = j == 0 ? n - x : tx - x + (j - 1);
        int e = j == 0 ? 0 : 1;
        int m = j == 0 ? n : tx + (j - 1);
        logT[j] =
            LogBeta.value(alpha + x, beta + y) - lbAB + LogBeta.value(gamma + e, delta + m) - lbGD;
        max = Math.max(max, logT[j]);
        if (derivatives) {
          double s = alpha + beta + x + y;
          double psiS = Digamma.value(s);
          double triS = Trigamma.value(s);
          double u = gamma + delta + e + m;
          double psiU = Digamma.value(u);
          double triU = Trigamma.value(u);
          d[j][0] = Digamma.value(alpha + x) - psiS + base[0];
          d[j][1] = Digamma.value(beta + y) - psiS + base[1];
          d[j][2] = Digamma.value(gamma + e) - psiU + base[2];
          d[j][3] = Digamma.value(delta + m) - psiU + base[3];
          h[j][0] = Trigamma.value(alpha + x) - triS + base2[0];
          h[j][1] = triAB - triS;
          h[j][2] = Trigamma.value(beta + y) - triS + base2[1];
          h[j][3] = Trigamma.value(gamma + e) - triU + base2[2];
          h[j][4] = triGD - triU;
          h[j][5] = Trigamma.value(delta + m) - triU + base2[3];
        }
      }
      double sum = 0;
      for (int j = 0; j < terms; j++) {
        sum += Math.exp(logT[j] - max);
      }
      ll += count * (max + Math.log(sum));
      if (!derivatives) {
        continue;
      }
      double[] g = new double[4];
      double[][] outer = new double[4][4];
      for (int j = 0; j < terms; j++) {
        double w = Math.exp(logT[j] - max) / sum;
        for (int p = 0; p < 4; p++) {
          g[p] += w * d[j][p];
          for (int q = 0; q < 4; q++) {
            outer[p][q] += w * d[j][p] * d[j][q];
          }
        }
        outer[0][0] += w * h[j][0];
        outer[0][1] += w * h[j][1];
        outer[1][0] += w * h[j][1];
        outer[1][1] += w * h[j][2];
        outer[2][2] += w * h[j][3];
        outer[2][3] += w * h[j][4];
        outer[3][2] += w * h[j][4];
        outer[3][3] += w * h[j][5];
      }
      for (int p = 0; p < 4; p++) {
        gradient[p] += count * g[p];
        for (int q = p; q < 4; q++) {
          hessian[p][q] += count * (outer[p][q] - g[p] * g[q]);
          hessian[q][p] = hessian[p][q]; // one value for both triangles
        }
      }
    }
    return ll;
  }
}
