package io.github.cxmetrics.value;

import java.util.Arrays;
import java.util.stream.IntStream;
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
 * Gauss-Legendre quadrature, panels at most 2 wide in {@code u} and narrow enough that the
 * integrand falls by at most {@code e^20} across one, with 8, 12 or 16 nodes each (see {@code
 * nodes}, which states the error bounds). The same nodes give the derivatives, by differentiating
 * under the integral: with {@code h(tau)} the integrand and {@code g = grad ln h = (-ln(alpha +
 * tau), -(r + x) / (alpha + tau), -ln(beta + tau), -(s + 1) / (beta + tau))}, {@code dI = integral
 * h g} and {@code d2I = integral h (g g' + grad2 ln h)}, where {@code grad2 ln h} has {@code -1 /
 * (alpha + tau)} at {@code (r, alpha)}, {@code (r + x) / (alpha + tau)^2} at {@code (alpha,
 * alpha)}, {@code -1 / (beta + tau)} at {@code (s, beta)} and {@code (s + 1) / (beta + tau)^2} at
 * {@code (beta, beta)}; {@code F1} likewise with {@code T} for {@code tau} and {@code s} for {@code
 * s + 1}; the factor {@code s} of {@code s I} adds {@code I} and {@code dI} to the {@code
 * s}-derivatives. Every term is scaled by the largest of them before exponentiating, so nothing
 * underflows. Customers are grouped by frequency ({@code FrequencyGroups}), so that {@code ln
 * Gamma(r + x)} and its derivatives are computed once per distinct {@code x}; the customer terms
 * are summed in blocks of {@link #BLOCK} sorted rows, in parallel when there are several, and the
 * blocks' sums added in order. {@code LikelihoodDerivativesTest} checks the gradient and Hessian
 * against central differences, and {@code ParetoNbdReferenceTest} the likelihood against the
 * hypergeometric form evaluated by SciPy on CDNOW and by mpmath at 60 digits for customers whose
 * integrand falls steeply.
 */
final class ParetoNbdLikelihood implements Newton.Objective {
  private static final int R = 0;
  private static final int ALPHA = 1;
  private static final int S = 2;
  private static final int BETA = 3;

  /** The widest panel in {@code u = ln(min(alpha, beta) + tau)}. */
  static final double PANEL_WIDTH = 2;

  /**
   * The largest fall of the integrand's logarithm across one panel: {@code c w} for an integrand
   * {@code e^(-c u)} on a panel of width {@code w}. Gauss-Legendre with 16 nodes integrates {@code
   * e^(-c u)} to 2e-15 relative error at {@code c w = 20} (6e-11 at 35, 6e-7 at 60), so panels are
   * narrowed until {@code c w <= 20}.
   */
  static final double PANEL_FALL = 20;

  /**
   * The most panels one integral gets, so that a search wandering to extreme parameters still takes
   * bounded time per customer; no customer of a real base comes near it (the fall across the whole
   * interval would have to exceed {@code 256 * 20}).
   */
  static final int MAX_PANELS = 256;

  /**
   * Customers per block of the likelihood's sum: a base of more blocks than one is summed block by
   * block on the common fork-join pool, and the blocks' sums are added in order, so the result does
   * not depend on the number of threads.
   */
  static final int BLOCK = 1 << 14;

  /** The log-likelihood, 4 gradient and 16 Hessian terms of a block. */
  private static final int TERMS = 21;

  private final FrequencyGroups groups;
  private final double[] recency;
  private final double[] age;
  private final double[] weight;
  private final double[] groupWeight;

  ParetoNbdLikelihood(CustomerSummaries customers) {
    long[] counts = customers.counts();
    this.groups = new FrequencyGroups(customers.frequencies());
    this.recency = groups.sorted(customers.recencies());
    this.age = groups.sorted(customers.ages());
    this.weight = counts == null ? null : groups.sorted(counts);
    this.groupWeight = groups.totals(weight);
  }

  /**
   * The nodes of the integral over {@code (from, to]} of {@code (alpha + tau)^-a (beta + tau)^-b}
   * times a factor that varies slowly in {@code u = ln(min(alpha, beta) + tau)}: node {@code k} is
   * {@code tau[k]} with log-weight {@code logWeight[k]} (the quadrature weight times {@code d tau /
   * d u}); returns the number of nodes (0 for an empty interval).
   *
   * <p>In {@code u}, with {@code m = min(alpha, beta)}, the integrand's logarithm falls at the rate
   * {@code D(u) = a (m + tau) / (alpha + tau) + b (m + tau) / (beta + tau) - 1}, which grows with
   * {@code u} (both ratios rise towards 1), so its largest size on the interval {@code c =
   * max(|D(u0)|, |D(u1)|)} is at an end. Apart from that fall the integrand is analytic at a
   * distance of at least {@code pi} from the real axis (the other base vanishes only at {@code u =
   * ln(|alpha - beta|) + i pi}). The interval is cut into equal panels no wider than {@link
   * #PANEL_WIDTH} and with {@code c w <=} {@link #PANEL_FALL} (at most {@link #MAX_PANELS}), so
   * that a customer with many purchases and an early last one (a steep integrand over a long
   * interval) gets more panels. Each panel takes the smallest rule that is exact to rounding for
   * both parts: 8 nodes when {@code c w <= 2} and {@code w <= 1} (the error on {@code e^(-c u)} is
   * 4e-16 at {@code c w = 2}; the analytic part's bound {@code rho^-16}, {@code rho = 2 pi / w +
   * sqrt(1 + (2 pi / w)^2)}, is 3e-18), 12 nodes when {@code c w <= 10} (6e-16; {@code rho^-24} is
   * 4e-20 at {@code w = 2}), else 16 nodes.
   */
  static int nodes(
      double alpha, double beta, double a, double b, double from, double to, double[][] out) {
    if (!(to > from)) {
      return 0;
    }
    double m = Math.min(alpha, beta);
    double u0 = Math.log(m + from);
    double u1 = Math.log(m + to);
    double span = u1 - u0;
    double rateFrom = a * (m + from) / (alpha + from) + b * (m + from) / (beta + from) - 1;
    double rateTo = a * (m + to) / (alpha + to) + b * (m + to) / (beta + to) - 1;
    double c = Math.max(Math.abs(rateFrom), Math.abs(rateTo));
    double panels =
        Math.min(
            MAX_PANELS,
            Math.max(1, Math.max(Math.ceil(span / PANEL_WIDTH), Math.ceil(c * span / PANEL_FALL))));
    double width = span / panels;
    double fall = c * width;
    GaussLegendre rule =
        fall <= 2 && width <= 1
            ? GaussLegendre.OF_8
            : fall <= 10 ? GaussLegendre.OF_12 : GaussLegendre.OF_16;
    int count = (int) panels * rule.points;
    if (out[0].length < count) {
      for (int k = 0; k < out.length; k++) {
        out[k] = new double[count];
      }
    }
    double logHalfWidth = Math.log(0.5 * width);
    int k = 0;
    for (int p = 0; p < panels; p++) {
      double mid = u0 + (p + 0.5) * width;
      for (int j = 0; j < rule.points; j++) {
        double u = mid + 0.5 * width * rule.nodes[j];
        out[0][k] = Math.max(from, Math.min(to, Math.exp(u) - m));
        out[1][k] = logHalfWidth + rule.logWeights[j] + u;
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
    int size = recency.length;
    int blocks = Math.max(1, (size + BLOCK - 1) / BLOCK);
    double[][] partial = new double[blocks][];
    IntStream indexes = IntStream.range(0, blocks);
    (blocks > 1 ? indexes.parallel() : indexes)
        .forEach(
            b ->
                partial[b] =
                    customerTerms(params, derivatives, b * BLOCK, Math.min(size, (b + 1) * BLOCK)));
    // the blocks are fixed by the base alone and added in their order: the same bits on any
    // number of threads
    double[] sums = new double[TERMS];
    for (double[] block : partial) {
      for (int k = 0; k < block.length; k++) {
        sums[k] += block[k];
      }
    }
    double ll = sums[0];
    // the terms of ln Gamma(r + x) - ln Gamma(r) + r ln alpha + s ln beta, once per frequency
    double lgR = LogGamma.value(r);
    double psiR = derivatives ? Digamma.value(r) : 0;
    double triR = derivatives ? Trigamma.value(r) : 0;
    double logAlpha = Math.log(alpha);
    double logBeta = Math.log(beta);
    for (int group = 0; group < groups.count.length; group++) {
      double rx = r + groups.count[group];
      double n = groupWeight[group];
      ll += n * (LogGamma.value(rx) - lgR + r * logAlpha + s * logBeta);
      if (derivatives) {
        sums[1 + R] += n * (Digamma.value(rx) - psiR + logAlpha);
        sums[1 + ALPHA] += n * r / alpha;
        sums[1 + S] += n * logBeta;
        sums[1 + BETA] += n * s / beta;
        sums[5 + 4 * R + R] += n * (Trigamma.value(rx) - triR);
        sums[5 + 4 * R + ALPHA] += n / alpha;
        sums[5 + 4 * ALPHA + ALPHA] += -n * r / (alpha * alpha);
        sums[5 + 4 * S + BETA] += n / beta;
        sums[5 + 4 * BETA + BETA] += -n * s / (beta * beta);
      }
    }
    if (derivatives) {
      for (int p = 0; p < 4; p++) {
        gradient[p] = sums[1 + p];
        for (int q = p; q < 4; q++) {
          hessian[p][q] = sums[5 + 4 * p + q];
          hessian[q][p] = hessian[p][q];
        }
      }
    }
    return ll;
  }

  /**
   * The customer-by-customer terms of sorted positions {@code [from, to)}: {@code ln(F1 + s I)}
   * times the count, and with {@code derivatives} its gradient (at 1 to 4) and the upper triangle
   * of its Hessian (at {@code 5 + 4 p + q}, {@code q >= p}).
   */
  private double[] customerTerms(double[] params, boolean derivatives, int from, int to) {
    double r = params[R];
    double alpha = params[ALPHA];
    double s = params[S];
    double beta = params[BETA];
    double logS = Math.log(s);
    double[] out = new double[derivatives ? TERMS : 1];
    double[][] scratch = {new double[64], new double[64], new double[64]};
    double[] logA = new double[64];
    double[] logB = new double[64];
    boolean alphaIsMin = alpha <= beta;
    double[] g = new double[4];
    double[] a = new double[4];
    double[] dF = new double[4];
    double[][] d2F = new double[4][4];
    double[] jSum = new double[4];
    double[][] kSum = new double[4][4];
    if (from >= to) {
      return out;
    }
    // the group holding position from: the last whose start is at most from (groups are not empty)
    int group = Arrays.binarySearch(groups.start, from);
    group = group >= 0 ? group : -group - 2;
    for (int i = from; i < to; i++) {
      while (i >= groups.start[group + 1]) {
        group++;
      }
      double rx = r + groups.count[group];
      double c = weight == null ? 1 : weight[i];
      double t = recency[i];
      double customerAge = age[i];
      double logAlphaT = Math.log(alpha + customerAge);
      double logBetaT = Math.log(beta + customerAge);
      double l1 = -rx * logAlphaT - s * logBetaT;
      int n = nodes(alpha, beta, rx, s + 1, t, customerAge, scratch);
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
        double w = Math.exp(logW[k] - max);
        logW[k] = w; // reuse: now the scaled weighted integrand
        integral += w;
      }
      double f = f1 + s * integral;
      out[0] += c * (max + Math.log(f));
      if (!derivatives) {
        continue;
      }
      Arrays.fill(jSum, 0);
      for (double[] row : kSum) {
        Arrays.fill(row, 0);
      }
      for (int k = 0; k < n; k++) {
        double w = logW[k];
        double ia = 1 / (alpha + tau[k]);
        double ib = 1 / (beta + tau[k]);
        g[R] = -logA[k];
        g[ALPHA] = -rx * ia;
        g[S] = -logB[k];
        g[BETA] = -(s + 1) * ib;
        for (int p = 0; p < 4; p++) {
          double wg = w * g[p];
          jSum[p] += wg;
          for (int q = p; q < 4; q++) {
            kSum[p][q] += wg * g[q];
          }
        }
        kSum[R][ALPHA] += -w * ia;
        kSum[ALPHA][ALPHA] += w * rx * ia * ia;
        kSum[S][BETA] += -w * ib;
        kSum[BETA][BETA] += w * (s + 1) * ib * ib;
      }
      double iaT = 1 / (alpha + customerAge);
      double ibT = 1 / (beta + customerAge);
      a[R] = -logAlphaT;
      a[ALPHA] = -rx * iaT;
      a[S] = -logBetaT;
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
        out[1 + p] += c * g[p];
      }
      for (int p = 0; p < 4; p++) {
        for (int q = p; q < 4; q++) {
          out[5 + 4 * p + q] += c * (d2F[p][q] / f - g[p] * g[q]);
        }
      }
    }
    return out;
  }
}
