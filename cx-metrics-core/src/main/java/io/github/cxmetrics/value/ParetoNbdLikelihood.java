package io.github.cxmetrics.value;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The log-likelihood of the Pareto/NBD model for a customer base, with its gradient and Hessian in
 * the natural parameters {@code (r, alpha, s, beta)}.
 *
 * <p>Derivation. A customer with frequency {@code x}, recency {@code t} and age {@code T} who is
 * alive at {@code T} has density {@code lambda^x e^(-lambda T) e^(-mu T)}; one who died at {@code
 * tau} in {@code (t, T]} has {@code lambda^x e^(-lambda tau) mu e^(-mu tau)}. Averaging over {@code
 * lambda ~ Gamma(r, alpha)} and {@code mu ~ Gamma(s, beta)} (Schmittlein, Morrison &amp; Colombo
 * 1987; Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions",
 * equation 4 before the integral is written with {@code 2F1}):
 *
 * <pre>
 * L = Gamma(r + x) alpha^r beta^s / Gamma(r) [ F1 + s I ],
 * F1 = (alpha + T)^-(r + x) (beta + T)^-s,
 * I  = integral_t^T (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) d tau.
 * </pre>
 *
 * <p>The published form writes {@code I} with Gauss hypergeometric functions whose argument {@code
 * |alpha - beta| / (max(alpha, beta) + t)} approaches 1 for small {@code t}, where the series
 * converges slowly and the two terms of their difference cancel; here {@code I} is integrated
 * directly, after the substitution {@code u = ln(min(alpha, beta) + tau)} that makes the integrand
 * smooth (an analytic function of {@code u} with no singularity near the interval), by composite
 * Gauss-Legendre quadrature with 16 nodes on each panel of width at most 2 in {@code u}. The same
 * nodes give the derivatives, by differentiating under the integral: with {@code h(tau)} the
 * integrand and {@code g = grad ln h = (-ln(alpha + tau), -(r + x) / (alpha + tau), -ln(beta +
 * tau), -(s + 1) / (beta + tau))}, {@code dI = integral h g} and {@code d2I = integral h (g g' +
 * grad2 ln h)}, where {@code grad2 ln h} has {@code -1 / (alpha + tau)} at {@code (r, alpha)},
 * {@code (r + x) / (alpha + tau)^2} at {@code (alpha, alpha)}, {@code -1 / (beta + tau)} at {@code
 * (s, beta)} and {@code (s + 1) / (beta + tau)^2} at {@code (beta, beta)}; {@code F1} likewise with
 * {@code T} for {@code tau} and {@code s} for {@code s + 1}; the factor {@code s} of {@code s I}
 * adds {@code I} and {@code dI} to the {@code s}-derivatives. Every term is scaled by the largest
 * of them before exponentiating, so nothing underflows. {@code LikelihoodDerivativesTest} checks
 * the gradient and Hessian against central differences, and {@code ParetoNbdReferenceTest} the
 * likelihood against the hypergeometric form evaluated by SciPy.
 */
final class ParetoNbdLikelihood implements Newton.Objective {
  private static final int R = 0;
  private static final int ALPHA = 1;
  private static final int S = 2;
  private static final int BETA = 3;

  /** The widest panel in {@code u = ln(min(alpha, beta) + tau)} that one 16-node rule covers. */
  static final double PANEL_WIDTH = 2;

  private final CustomerSummaries customers;
  final double repeatPurchases;
  final double totalAge;

  ParetoNbdLikelihood(CustomerSummaries customers) {
    this.customers = customers;
    double repeats = 0;
    double ages = 0;
    for (int i = 0; i < customers.size(); i++) {
      repeats += customers.count(i) * customers.frequency(i);
      ages += customers.count(i) * customers.age(i);
    }
    this.repeatPurchases = repeats;
    this.totalAge = ages;
  }

  /**
   * The nodes of the integral over {@code (from, to]} of a function of {@code tau}: node {@code k}
   * is {@code tau[k]} with log-weight {@code logWeight[k]} (the quadrature weight times {@code d
   * tau / d u}); returns the number of nodes (0 for an empty interval).
   */
  static int nodes(double m, double from, double to, double[][] out) {
    if (!(to > from)) {
      return 0;
    }
    double u0 = Math.log(m + from);
    double u1 = Math.log(m + to);
    int panels = (int) Math.max(1, Math.ceil((u1 - u0) / PANEL_WIDTH));
    int count = panels * GaussLegendre.POINTS;
    if (out[0].length < count) {
      for (int a = 0; a < out.length; a++) {
        out[a] = new double[count];
      }
    }
    double width = (u1 - u0) / panels;
    double logHalfWidth = Math.log(0.5 * width);
    int k = 0;
    for (int p = 0; p < panels; p++) {
      double mid = u0 + (p + 0.5) * width;
      for (int j = 0; j < GaussLegendre.POINTS; j++) {
        double u = mid + 0.5 * width * GaussLegendre.NODES[j];
        out[0][k] = Math.max(from, Math.min(to, Math.exp(u) - m));
        out[1][k] = logHalfWidth + GaussLegendre.LOG_WEIGHTS[j] + u;
        if (out.length > 2) {
          out[2][k] = u; // ln(m + tau)
        }
        k++;
      }
    }
    return count;
  }

  @Override
  public double evaluate(double[] params, double[] gradient, double[][] hessian) {
    double r = params[R];
    double alpha = params[ALPHA];
    double s = params[S];
    double beta = params[BETA];
    boolean derivatives = gradient != null;
    double m = Math.min(alpha, beta);
    double lgR = LogGamma.value(r);
    double psiR = derivatives ? Digamma.value(r) : 0;
    double triR = derivatives ? Trigamma.value(r) : 0;
    double logAlpha = Math.log(alpha);
    double logBeta = Math.log(beta);
    double logS = Math.log(s);
    double[][] scratch = {new double[64], new double[64], new double[64]};
    double[] logA = new double[64];
    double[] logB = new double[64];
    boolean alphaIsMin = alpha <= beta;
    double[] g = new double[4];
    double[][] h = new double[4][4];
    double[] a = new double[4];
    double[] dF = new double[4];
    double[][] d2F = new double[4][4];
    double[] jSum = new double[4];
    double[][] kSum = new double[4][4];
    if (derivatives) {
      java.util.Arrays.fill(gradient, 0);
      for (double[] row : hessian) {
        java.util.Arrays.fill(row, 0);
      }
    }
    double ll = 0;
    for (int i = 0; i < customers.size(); i++) {
      double c = customers.count(i);
      int x = customers.frequency(i);
      double t = customers.recency(i);
      double age = customers.age(i);
      double rx = r + x;
      double base = LogGamma.value(rx) - lgR + r * logAlpha + s * logBeta;
      double l1 = -rx * Math.log(alpha + age) - s * Math.log(beta + age);
      int n = nodes(m, t, age, scratch);
      double[] tau = scratch[0];
      double[] logW = scratch[1];
      if (logA.length < n) {
        logA = new double[n];
        logB = new double[n];
      }
      double max = l1;
      for (int k = 0; k < n; k++) {
        // ln(min(alpha, beta) + tau) is the node's u: one logarithm per node instead of two
        logA[k] = alphaIsMin ? scratch[2][k] : Math.log(alpha + tau[k]);
        logB[k] = alphaIsMin ? Math.log(beta + tau[k]) : scratch[2][k];
        double lh = logW[k] - rx * logA[k] - (s + 1) * logB[k];
        logW[k] = lh; // reuse: now the log of the weighted integrand
        max = Math.max(max, logS + lh);
      }
      double f1 = Math.exp(l1 - max);
      double integral = 0;
      for (int k = 0; k < n; k++) {
        integral += Math.exp(logW[k] - max);
      }
      double f = f1 + s * integral;
      ll += c * (base + max + Math.log(f));
      if (!derivatives) {
        continue;
      }
      java.util.Arrays.fill(jSum, 0);
      for (double[] row : kSum) {
        java.util.Arrays.fill(row, 0);
      }
      for (int k = 0; k < n; k++) {
        double w = Math.exp(logW[k] - max);
        double ia = 1 / (alpha + tau[k]);
        double ib = 1 / (beta + tau[k]);
        g[R] = -logA[k];
        g[ALPHA] = -rx * ia;
        g[S] = -logB[k];
        g[BETA] = -(s + 1) * ib;
        for (int p = 0; p < 4; p++) {
          jSum[p] += w * g[p];
          for (int q = p; q < 4; q++) {
            kSum[p][q] += w * g[p] * g[q];
          }
        }
        kSum[R][ALPHA] += -w * ia;
        kSum[ALPHA][ALPHA] += w * rx * ia * ia;
        kSum[S][BETA] += -w * ib;
        kSum[BETA][BETA] += w * (s + 1) * ib * ib;
      }
      double iaT = 1 / (alpha + age);
      double ibT = 1 / (beta + age);
      a[R] = -Math.log(alpha + age);
      a[ALPHA] = -rx * iaT;
      a[S] = -Math.log(beta + age);
      a[BETA] = -s * ibT;
      for (int p = 0; p < 4; p++) {
        dF[p] = f1 * a[p] + s * jSum[p] + (p == S ? integral : 0);
        for (int q = p; q < 4; q++) {
          d2F[p][q] =
              f1 * a[p] * a[q] + s * kSum[p][q] + (p == S ? jSum[q] : 0) + (q == S ? jSum[p] : 0);
        }
      }
      d2F[R][ALPHA] += -f1 * iaT;
      d2F[ALPHA][ALPHA] += f1 * rx * iaT * iaT;
      d2F[S][BETA] += -f1 * ibT;
      d2F[BETA][BETA] += f1 * s * ibT * ibT;
      for (int p = 0; p < 4; p++) {
        g[p] = dF[p] / f;
      }
      for (int p = 0; p < 4; p++) {
        for (int q = p; q < 4; q++) {
          h[p][q] = d2F[p][q] / f - g[p] * g[q];
        }
      }
      g[R] += Digamma.value(rx) - psiR + logAlpha;
      g[ALPHA] += r / alpha;
      g[S] += logBeta;
      g[BETA] += s / beta;
      h[R][R] += Trigamma.value(rx) - triR;
      h[R][ALPHA] += 1 / alpha;
      h[ALPHA][ALPHA] += -r / (alpha * alpha);
      h[S][BETA] += 1 / beta;
      h[BETA][BETA] += -s / (beta * beta);
      for (int p = 0; p < 4; p++) {
        gradient[p] += c * g[p];
        for (int q = p; q < 4; q++) {
          hessian[p][q] += c * h[p][q];
          hessian[q][p] = hessian[p][q];
        }
      }
    }
    return ll;
  }
}
