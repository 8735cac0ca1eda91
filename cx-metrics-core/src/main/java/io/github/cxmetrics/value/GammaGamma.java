package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The Gamma-Gamma model of the value of a customer's purchases (P. S. Fader, B. G. S. Hardie and K.
 * L. Lee, "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing
 * Research 42(4), 415-430, 2005; P. S. Fader and B. G. S. Hardie, "The Gamma-Gamma Model of
 * Monetary Value", 2013, http://www.brucehardie.com/notes/025/).
 *
 * <p>A customer's purchase amounts are independent draws from {@code Gamma(shape p, rate nu)}, so
 * their mean is {@code p / nu}; across customers, {@code nu ~ Gamma(shape q, rate gamma)}. The
 * model assumes that the value of purchases does not depend on how often a customer buys (check it:
 * the correlation of frequency and average value should be near zero).
 *
 * <p>Log-likelihood of one customer with {@code x >= 1} purchases of average value {@code m} (the
 * 2013 note, equation 3):
 *
 * <pre>
 * ln L = ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln gamma
 *      + (p x - 1) ln m + p x ln x - (p x + q) ln(gamma + m x)
 * </pre>
 *
 * <p>Expected average value of a customer with {@code x} purchases of average {@code m} (equation
 * 5): {@code (p (gamma + m x)) / (p x + q - 1)}, a weighted mean of the population mean {@code p
 * gamma / (q - 1)} and the customer's own average {@code m}, with weight {@code p x / (p x + q -
 * 1)} on the latter.
 */
public final class GammaGamma {
  private static final String[] NAMES = {"p", "q", "gamma"};

  private final double p;
  private final double q;
  private final double gamma;

  private GammaGamma(double p, double q, double gamma) {
    this.p = p;
    this.q = q;
    this.gamma = gamma;
  }

  /**
   * Returns the model with the given parameters.
   *
   * @param p the shape of the purchase-amount distribution, finite and {@code > 0}
   * @param q the shape of the distribution of its rate across customers, finite and {@code > 0}
   * @param gamma the rate of the distribution of that rate, in currency units, finite and {@code >
   *     0}
   * @return the model
   * @throws IllegalArgumentException if a parameter is not finite and positive, naming it
   */
  public static GammaGamma of(double p, double q, double gamma) {
    Checks.checkPositive("p", p);
    Checks.checkPositive("q", q);
    Checks.checkPositive("gamma", gamma);
    return new GammaGamma(p, q, gamma);
  }

  /**
   * Fits the model by maximum likelihood to customers with at least one purchase in the data
   * (repeat purchases, in the studies: the first purchase is left out).
   *
   * <p>The search is Newton's method on the logarithms of the parameters with the analytic Hessian
   * and Levenberg-Marquardt damping, from {@code p = q = 1} and {@code gamma} equal to the mean of
   * the averages; customers are grouped by count, so that the gamma-function terms are computed
   * once per distinct count.
   *
   * @param counts the number of purchases of each customer, {@code >= 1}
   * @param averages the average purchase value of each customer, finite and {@code > 0}
   * @return the fit
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or are empty, if a count or an
   *     average is out of range (naming it and its index), or if the data cannot identify the model
   *     (for example when every customer has the same average, the likelihood grows without bound
   *     as {@code p} and {@code q} run to infinity)
   * @throws IllegalStateException if the iteration does not converge in 500 steps
   */
  public static ModelFit<GammaGamma> fit(int[] counts, double[] averages) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(averages, "averages");
    if (counts.length != averages.length) {
      throw new IllegalArgumentException(
          "counts and averages must have the same length, not "
              + counts.length
              + " and "
              + averages.length);
    }
    if (counts.length == 0) {
      throw new IllegalArgumentException(
          "the data cannot identify the Gamma-Gamma model: no customers");
    }
    double sum = 0;
    boolean spread = false;
    for (int i = 0; i < counts.length; i++) {
      check(counts[i], averages[i], "customer at index " + i);
      sum += averages[i];
      spread |= averages[i] != averages[0];
    }
    if (!spread) {
      throw new IllegalArgumentException(
          "the data cannot identify the Gamma-Gamma model: every one of the "
              + counts.length
              + " customers has the same average "
              + averages[0]
              + ", so the spread of values across and within customers is unknown");
    }
    GammaGammaLikelihood likelihood = new GammaGammaLikelihood(counts, averages);
    Newton.Result result =
        Newton.maximize("Gamma-Gamma", NAMES, likelihood, new double[] {1, 1, sum / counts.length});
    double[] e = result.params();
    return new ModelFit<>(
        new GammaGamma(e[0], e[1], e[2]),
        NAMES,
        result,
        counts.length,
        "Gamma-Gamma",
        GammaGamma::ofParameters,
        null);
  }

  /**
   * Fits the model to the repeat purchases of purchase histories: customers with no repeat purchase
   * carry no information on value and are left out (the fit's {@link ModelFit#customers()} counts
   * those used). See {@link #fit(int[], double[])}.
   *
   * @param histories the customers' histories
   * @return the fit
   * @throws NullPointerException if {@code histories} or one of them is null, naming its index
   * @throws IllegalArgumentException if no customer has a repeat purchase, if a customer's average
   *     repeat value is 0 (naming the customer), or if the data cannot identify the model
   * @throws IllegalStateException if the iteration does not converge
   */
  public static ModelFit<GammaGamma> fit(Iterable<PurchaseHistory> histories) {
    List<PurchaseHistory> repeaters = new ArrayList<>();
    long[] all = {0};
    Inputs.forEachIndexed(
        histories,
        "histories",
        (history, index) -> {
          all[0]++;
          if (history.frequency() > 0) {
            repeaters.add(history);
          }
        });
    if (repeaters.isEmpty()) {
      throw new IllegalArgumentException(
          "the data cannot identify the Gamma-Gamma model: none of the "
              + all[0]
              + " customers made a repeat purchase");
    }
    int[] counts = new int[repeaters.size()];
    double[] averages = new double[repeaters.size()];
    for (int i = 0; i < counts.length; i++) {
      PurchaseHistory history = repeaters.get(i);
      counts[i] = history.frequency();
      averages[i] = history.averageRepeatValue().getAsDouble();
      if (!(averages[i] > 0)) {
        throw new IllegalArgumentException(
            "average repeat value "
                + averages[i]
                + " of customer "
                + history.customer()
                + " must be > 0 for the Gamma-Gamma model");
      }
    }
    return fit(counts, averages);
  }

  private static void check(int x, double m, String where) {
    if (x < 1) {
      throw new IllegalArgumentException("count " + x + " of the " + where + " must be >= 1");
    }
    if (!(m > 0 && m < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "average " + m + " of the " + where + " must be finite and > 0");
    }
  }

  /** The model with parameters {@code {p, q, gamma}}, for {@link ModelFit#predict}. */
  static GammaGamma ofParameters(double[] parameters) {
    return of(parameters[0], parameters[1], parameters[2]);
  }

  /** {@return the shape {@code p} of the purchase-amount distribution} */
  public double p() {
    return p;
  }

  /** {@return the shape {@code q} of the distribution of the amount rate across customers} */
  public double q() {
    return q;
  }

  /** {@return the rate {@code gamma} of the distribution of the amount rate across customers} */
  public double gamma() {
    return gamma;
  }

  /**
   * Returns the log-likelihood of one customer (formula in the class documentation).
   *
   * @param x the number of purchases, {@code >= 1}
   * @param m their average value, finite and {@code > 0}
   * @return the log-likelihood, dimensionless (a log-density of {@code m}, so it may be positive)
   * @throws IllegalArgumentException if an argument is out of range, naming it
   */
  public double logLikelihood(int x, double m) {
    check(x, m, "customer");
    double px = p * x;
    return LogGamma.value(px + q)
        - LogGamma.value(px)
        - LogGamma.value(q)
        + q * Math.log(gamma)
        + (px - 1) * Math.log(m)
        + px * Math.log(x)
        - (px + q) * Math.log(gamma + m * x);
  }

  /**
   * Returns the mean purchase value across customers, {@code E[p / nu] = p gamma / (q - 1)}, when
   * it exists.
   *
   * @return the mean; empty when {@code q <= 1} (the mean is infinite)
   */
  public OptionalDouble meanValue() {
    return q > 1 ? OptionalDouble.of(p * gamma / (q - 1)) : OptionalDouble.empty();
  }

  /**
   * Returns the expected average purchase value of a customer with {@code x} purchases of average
   * {@code m}: {@code p (gamma + m x) / (p x + q - 1)} (Fader and Hardie 2013, equation 5). For
   * {@code x = 0} it is the population mean {@link #meanValue()}, whatever {@code m}.
   *
   * @param x the number of purchases, {@code >= 0}
   * @param m their average value, finite and {@code >= 0} (ignored when {@code x = 0})
   * @return the expected average value
   * @throws IllegalArgumentException if {@code x} is negative or {@code m} negative, NaN or
   *     infinite
   * @throws IllegalStateException if {@code q <= 1}, where the expectation is infinite for {@code x
   *     = 0} and, for {@code x > 0} with {@code p x + q <= 1}, undefined
   */
  public double conditionalExpectedAverageValue(int x, double m) {
    if (x < 0) {
      throw new IllegalArgumentException("count " + x + " must be >= 0");
    }
    if (!(m >= 0 && m < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("average " + m + " must be finite and >= 0");
    }
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new IllegalStateException(
          "the expected average value is infinite for "
              + x
              + " purchases: p x + q - 1 = "
              + denominator
              + " is not > 0");
    }
    return p * (gamma + (x == 0 ? 0 : m * x)) / denominator;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GammaGamma other
        && Double.compare(p, other.p) == 0
        && Double.compare(q, other.q) == 0
        && Double.compare(gamma, other.gamma) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {p, q, gamma});
  }

  @Override
  public String toString() {
    return "Gamma-Gamma" + Newton.describe(NAMES, new double[] {p, q, gamma});
  }
}
