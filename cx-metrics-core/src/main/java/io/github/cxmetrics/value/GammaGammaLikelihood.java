package io.github.cxmetrics.value;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The log-likelihood of the Gamma-Gamma model for the repeat buyers of a customer base, with its
 * gradient and Hessian in the natural parameters {@code (p, q, gamma)}, customers grouped by their
 * number of purchases {@code x}.
 *
 * <p>Derivation. For a customer with {@code x} purchases of average {@code m} (Fader &amp; Hardie
 * 2013, equation 3), with {@code s = gamma + m x}:
 *
 * <pre>
 * ln L = ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln gamma
 *      + (p x - 1) ln m + p x ln x - (p x + q) ln s
 * d/dp     = x (psi(p x + q) - psi(p x) + ln x + ln m - ln s)
 * d/dq     = psi(p x + q) - psi(q) + ln gamma - ln s
 * d/dgamma = q / gamma - (p x + q) / s
 * d2/dp2   = x^2 (psi'(p x + q) - psi'(p x)),  d2/dp dq = x psi'(p x + q),  d2/dp dgamma = -x / s
 * d2/dq2   = psi'(p x + q) - psi'(q),  d2/dq dgamma = 1 / gamma - 1 / s
 * d2/dgamma2 = -q / gamma^2 + (p x + q) / s^2
 * </pre>
 *
 * <p>Within a group of {@code n} customers with the same {@code x}, the gamma-function terms are
 * multiplied by {@code n}, and the customer terms are the accumulated sums {@code sumLogAverage =
 * sum ln m} (fixed, computed once), {@code sumLog = sum ln s}, {@code sumInv = sum 1 / s} and
 * {@code sumInv2 = sum 1 / s^2}. {@code LikelihoodDerivativesTest} checks the gradient and Hessian
 * against central differences.
 */
final class GammaGammaLikelihood implements Newton.Objective {
  private final FrequencyGroups groups;
  private final double[] average;
  private final double[] sumLogAverage;

  GammaGammaLikelihood(int[] counts, double[] averages) {
    groups = new FrequencyGroups(counts);
    average = groups.sorted(averages);
    sumLogAverage = new double[groups.count.length];
    for (int g = 0; g < sumLogAverage.length; g++) {
      for (int j = groups.start[g]; j < groups.start[g + 1]; j++) {
        sumLogAverage[g] += Math.log(average[j]);
      }
    }
  }

  @Override
  public double evaluate(double[] params, double[] gradient, double[][] hessian) {
    double p = params[0];
    double q = params[1];
    double gamma = params[2];
    double logGamma = Math.log(gamma);
    double lgQ = LogGamma.value(q);
    double ll = 0;
    double gp = 0;
    double gq = 0;
    double gg = 0;
    double hpp = 0;
    double hpq = 0;
    double hpg = 0;
    double hqq = 0;
    double hqg = 0;
    double hgg = 0;
    for (int g = 0; g < groups.count.length; g++) {
      int x = groups.count[g];
      int count = groups.start[g + 1] - groups.start[g];
      double px = p * x;
      double logX = Math.log(x);
      double sumLog = 0;
      double sumInv = 0;
      double sumInv2 = 0;
      for (int j = groups.start[g]; j < groups.start[g + 1]; j++) {
        double scale = gamma + average[j] * x;
        double inv = 1 / scale;
        sumLog += Math.log(scale);
        sumInv += inv;
        sumInv2 += inv * inv;
      }
      ll +=
          count * (LogGamma.value(px + q) - LogGamma.value(px) - lgQ + q * logGamma + px * logX)
              + (px - 1) * sumLogAverage[g]
              - (px + q) * sumLog;
      double psiPxQ = Digamma.value(px + q);
      double triPxQ = Trigamma.value(px + q);
      gp += x * (count * (psiPxQ - Digamma.value(px) + logX) + sumLogAverage[g] - sumLog);
      gq += count * (psiPxQ - Digamma.value(q) + logGamma) - sumLog;
      gg += count * q / gamma - (px + q) * sumInv;
      hpp += (double) x * x * count * (triPxQ - Trigamma.value(px));
      hpq += x * count * triPxQ;
      hpg -= x * sumInv;
      hqq += count * (triPxQ - Trigamma.value(q));
      hqg += count / gamma - sumInv;
      hgg += -count * q / (gamma * gamma) + (px + q) * sumInv2;
    }
    if (gradient != null) {
      gradient[0] = gp;
      gradient[1] = gq;
      gradient[2] = gg;
      double[][] h = {{hpp, hpq, hpg}, {hpq, hqq, hqg}, {hpg, hqg, hgg}};
      for (int i = 0; i < 3; i++) {
        System.arraycopy(h[i], 0, hessian[i], 0, 3);
      }
    }
    return ll;
  }
}
