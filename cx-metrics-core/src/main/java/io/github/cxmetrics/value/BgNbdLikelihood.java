package io.github.cxmetrics.value;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The log-likelihood of the BG/NBD model, or of the MBG/NBD model ({@link MbgNbd}), for a customer
 * base, with its gradient and Hessian in the natural parameters {@code (r, alpha, a, b)}, customers
 * grouped by frequency {@code x} so that the gamma-function terms are computed once per distinct
 * frequency.
 *
 * <p>The MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007, equation 3) differs in two places only,
 * written here with a shift {@code s} that is 0 for the BG/NBD and 1 for the MBG/NBD: the beta term
 * is {@code ln B(a, b + x + s) - ln B(a, b)}, and the "dropped out" term {@code v} has {@code b1 =
 * b + x - 1 + s} and is present for every customer, {@code x = 0} included (an MBG/NBD customer may
 * drop out at time 0, right after the first purchase, so {@code t_x = 0}). Every derivative below
 * holds with {@code b + x} replaced by {@code b + x + s}.
 *
 * <p>Derivation. For a customer with frequency {@code x}, recency {@code t} and age {@code T}
 * (Fader, Hardie &amp; Lee 2005, equation 6; {@code c} the customer's count when rows are grouped,
 * else 1), write {@code rx = r + x}, {@code b1 = b + x - 1}, {@code lT = ln(alpha + T)}, {@code lt
 * = ln(alpha + t)}, {@code iT = 1 / (alpha + T)}, {@code it = 1 / (alpha + t)}. Then
 *
 * <pre>
 * ln L = ln Gamma(rx) - ln Gamma(r) + r ln alpha + ln B(a, b + x) - ln B(a, b) + ln(e^u + e^v)
 * u = -rx lT                       (the customer is still alive at T)
 * v = ln(a / b1) - rx lt           (the customer dropped out right after t; only for x &gt; 0)
 * </pre>
 *
 * and for {@code x = 0} the last term is {@code u} alone. With {@code w = e^v / (e^u + e^v)} (the
 * posterior weight of "dropped out"), the derivatives of {@code ln(e^u + e^v)} are {@code (1 - w)
 * du + w dv} and, for second derivatives, {@code (1 - w) d2u + w d2v + w (1 - w) (dv - du)(dv -
 * du)'}. The partial derivatives of {@code u} and {@code v}:
 *
 * <pre>
 *            r      alpha        a       b
 * du        -lT    -rx iT        0       0
 * dv        -lt    -rx it       1/a   -1/b1
 * dv - du    dl    rx di        1/a   -1/b1      with dl = lT - lt, di = iT - it
 * d2u/dr dalpha = -iT, d2u/dalpha2 = rx iT^2; d2v likewise with t; d2v/da2 = -1/a^2, d2v/db2 = 1/b1^2
 * </pre>
 *
 * <p>So each frequency group accumulates, over its customers {@code j} with counts {@code c}:
 *
 * <ul>
 *   <li>{@code sumW = sum c w}: the weight of "dropped out", for {@code d/da} and {@code d/db};
 *   <li>{@code sumLog = sum c ((1 - w) lT + w lt)}: minus the {@code r}-derivative of the last
 *       term;
 *   <li>{@code sumInv = sum c ((1 - w) iT + w it)} and {@code sumInv2 = sum c ((1 - w) iT^2 + w
 *       it^2)}: the {@code alpha}-derivatives, over {@code -rx} and {@code rx};
 *   <li>{@code sumWw = sum c w (1 - w)}, {@code sumWwDl}, {@code sumWwDl2}, {@code sumWwDi}, {@code
 *       sumWwDi2}, {@code sumWwDlDi}: {@code sum c w (1 - w)} times {@code dl}, {@code dl^2},
 *       {@code di}, {@code di^2} and {@code dl di}, the outer-product term of the Hessian;
 * </ul>
 *
 * <p>and the gamma and beta terms add, per group of {@code n} customers, {@code n (psi(rx) - psi(r)
 * + ln alpha)} to {@code d/dr}, {@code n r / alpha} to {@code d/dalpha}, {@code n (psi(a + b) -
 * psi(a + b + x))} to {@code d/da} and {@code n (psi(a + b) + psi(b + x) - psi(b) - psi(a + b +
 * x))} to {@code d/db}, with the trigamma differences in the Hessian. {@code ln(e^u + e^v)} is
 * computed as {@code max + ln(1 + exp(min - max))} so that neither exponential underflows; for rows
 * of one customer each the logarithms of a group are taken of products of up to {@link
 * #PRODUCT_FACTORS} factors {@code 1 + exp(min - max)} (a sum of logarithms is the logarithm of the
 * product), for rows with counts {@code c ln(1 + e)} by {@link #log1p(double)}. An MBG/NBD customer
 * with {@code x = 0} has {@code t = 0} ({@link CustomerSummaries}), so its {@code lt} and {@code
 * it} are the group's constants {@code ln alpha} and {@code 1 / alpha}. {@code
 * LikelihoodDerivativesTest} checks the gradient and Hessian against central differences.
 */
final class BgNbdLikelihood implements Newton.Objective {
  private final FrequencyGroups groups;
  private final double[] recency;
  private final double[] age;
  private final double[] weight;
  private final double[] groupWeight;
  private final int shift;

  /**
   * Factors {@code 1 + e} in {@code (1, 2]} multiplied before one logarithm is taken: {@code 2^512}
   * is far from overflow, and the product's rounding, at most 512 half-units in the last place, is
   * below the rounding of the sum it is added to.
   */
  private static final int PRODUCT_FACTORS = 512;

  /** The BG/NBD likelihood of {@code customers}. */
  BgNbdLikelihood(CustomerSummaries customers) {
    this(customers, false);
  }

  /**
   * The BG/NBD likelihood of {@code customers}, or the MBG/NBD likelihood when {@code modified}.
   */
  BgNbdLikelihood(CustomerSummaries customers, boolean modified) {
    this.shift = modified ? 1 : 0;
    long[] counts = customers.counts();
    this.groups = new FrequencyGroups(customers.frequencies());
    this.recency = groups.sorted(customers.recencies());
    this.age = groups.sorted(customers.ages());
    this.weight = counts == null ? null : groups.sorted(counts);
    this.groupWeight = groups.totals(weight);
  }

  @Override
  public double evaluate(double[] params, double[] gradient, double[][] hessian) {
    double r = params[0];
    double alpha = params[1];
    double a = params[2];
    double b = params[3];
    boolean derivatives = gradient != null;
    double logAlpha = Math.log(alpha);
    double invAlpha = 1 / alpha;
    double lgR = LogGamma.value(r);
    double lbAB = LogBeta.value(a, b);
    double psiR = derivatives ? Digamma.value(r) : 0;
    double triR = derivatives ? Trigamma.value(r) : 0;
    double psiAB = derivatives ? Digamma.value(a + b) : 0;
    double triAB = derivatives ? Trigamma.value(a + b) : 0;
    double psiB = derivatives ? Digamma.value(b) : 0;
    double triB = derivatives ? Trigamma.value(b) : 0;
    double ll = 0;
    double gr = 0;
    double gal = 0;
    double ga = 0;
    double gb = 0;
    double hrr = 0;
    double hral = 0;
    double halal = 0;
    double hra = 0;
    double hrb = 0;
    double hala = 0;
    double halb = 0;
    double haa = 0;
    double hab = 0;
    double hbb = 0;
    for (int g = 0; g < groups.count.length; g++) {
      int x = groups.count[g];
      int from = groups.start[g];
      int to = groups.start[g + 1];
      double count = groupWeight[g];
      double rx = r + x;
      double bxs = b + x + shift;
      ll += count * (LogGamma.value(rx) - lgR + r * logAlpha + LogBeta.value(a, bxs) - lbAB);
      if (x == 0 && shift == 0) {
        double sumLog = 0;
        double sumInv = 0;
        double sumInv2 = 0;
        for (int j = from; j < to; j++) {
          double c = weight == null ? 1 : weight[j];
          double inv = 1 / (alpha + age[j]);
          sumLog += c * Math.log(alpha + age[j]);
          sumInv += c * inv;
          sumInv2 += c * inv * inv;
        }
        ll -= r * sumLog;
        if (derivatives) {
          gr += count * logAlpha - sumLog;
          gal += count * r / alpha - r * sumInv;
          hral += count / alpha - sumInv;
          halal += -count * r / (alpha * alpha) + r * sumInv2;
        }
        continue;
      }
      double bx1 = bxs - 1;
      double logRatio = Math.log(a / bx1);
      double sumW = 0;
      double sumLog = 0;
      double sumInv = 0;
      double sumInv2 = 0;
      double sumWw = 0;
      double sumWwDl = 0;
      double sumWwDl2 = 0;
      double sumWwDi = 0;
      double sumWwDi2 = 0;
      double sumWwDlDi = 0;
      boolean noRepeat = x == 0;
      double product = 1;
      int factors = 0;
      for (int j = from; j < to; j++) {
        double c = weight == null ? 1 : weight[j];
        double lT = Math.log(alpha + age[j]);
        double lt = noRepeat ? logAlpha : Math.log(alpha + recency[j]);
        double u = -rx * lT;
        double v = logRatio - rx * lt;
        double w;
        double e;
        if (v > u) {
          e = Math.exp(u - v);
          ll += c * v;
          w = 1 / (1 + e);
        } else {
          e = Math.exp(v - u);
          ll += c * u;
          w = e / (1 + e);
        }
        if (weight == null) {
          product *= 1 + e;
          if (++factors == PRODUCT_FACTORS) {
            ll += Math.log(product);
            product = 1;
            factors = 0;
          }
        } else {
          ll += c * log1p(e);
        }
        if (derivatives) {
          double iT = 1 / (alpha + age[j]);
          double it = noRepeat ? invAlpha : 1 / (alpha + recency[j]);
          double cw = c * w;
          double ww = cw * (1 - w);
          double dl = lT - lt;
          double di = iT - it;
          sumW += cw;
          sumLog += c * lT + cw * (lt - lT);
          sumInv += c * iT + cw * (it - iT);
          sumInv2 += c * iT * iT + cw * (it * it - iT * iT);
          sumWw += ww;
          sumWwDl += ww * dl;
          sumWwDl2 += ww * dl * dl;
          sumWwDi += ww * di;
          sumWwDi2 += ww * di * di;
          sumWwDlDi += ww * dl * di;
        }
      }
      ll += Math.log(product);
      if (!derivatives) {
        continue;
      }
      double psiRx = Digamma.value(rx);
      double psiBx = Digamma.value(bxs);
      double psiABx = Digamma.value(a + bxs);
      double triABx = Trigamma.value(a + bxs);
      double triBeta = triAB - triABx;
      gr += count * (psiRx - psiR + logAlpha) - sumLog;
      gal += count * r / alpha - rx * sumInv;
      ga += count * (psiAB - psiABx) + sumW / a;
      gb += count * (psiAB + psiBx - psiB - psiABx) - sumW / bx1;
      hrr += count * (Trigamma.value(rx) - triR) + sumWwDl2;
      hral += count / alpha - sumInv + rx * sumWwDlDi;
      halal += -count * r / (alpha * alpha) + rx * sumInv2 + rx * rx * sumWwDi2;
      hra += sumWwDl / a;
      hrb -= sumWwDl / bx1;
      hala += rx * sumWwDi / a;
      halb -= rx * sumWwDi / bx1;
      haa += count * triBeta + (sumWw - sumW) / (a * a);
      hab += count * triBeta - sumWw / (a * bx1);
      hbb += count * (triBeta + Trigamma.value(bxs) - triB) + (sumW + sumWw) / (bx1 * bx1);
    }
    if (derivatives) {
      double[] g = {gr, gal, ga, gb};
      System.arraycopy(g, 0, gradient, 0, 4);
      double[][] h = {
        {hrr, hral, hra, hrb},
        {hral, halal, hala, halb},
        {hra, hala, haa, hab},
        {hrb, halb, hab, hbb}
      };
      for (int i = 0; i < 4; i++) {
        System.arraycopy(h[i], 0, hessian[i], 0, 4);
      }
    }
    return ll;
  }

  /**
   * Returns {@code ln(1 + e)} for {@code e} in {@code [0, 1]} with one call of {@link
   * Math#log(double)}: {@code e ln(1 + e) / ((1 + e) - 1)}, which is within a few units in the last
   * place of {@code ln(1 + e)} because the rounding error of {@code 1 + e} cancels between
   * numerator and denominator (D. Goldberg, "What Every Computer Scientist Should Know About
   * Floating-Point Arithmetic", ACM Computing Surveys 23(1), 1991, Theorem 4); {@code e} itself
   * when {@code 1 + e} rounds to 1. On JDK 17 {@link Math#log1p(double)} is not an intrinsic and
   * costs more than twice {@link Math#log(double)}; this is the inner loop of every BG/NBD and
   * MBG/NBD fit.
   *
   * @param e a number in {@code [0, 1]}
   * @return {@code ln(1 + e)}
   */
  static double log1p(double e) {
    double onePlus = 1 + e;
    return onePlus == 1 ? e : e * Math.log(onePlus) / (onePlus - 1);
  }
}
