package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;

/**
 * Customer lifetime value from a model of purchases ({@link TransactionModel}, e.g. {@link BgNbd})
 * and a {@link GammaGamma} model of their value, per customer, over a finite horizon of equal
 * periods.
 *
 * <p>For a customer with frequency {@code x}, recency {@code t_x}, age {@code T} and average repeat
 * value {@code m}, with periods of length {@code L} (in the time unit of the purchases model),
 * {@code K} periods, a discount rate {@code d} per period and a margin {@code g}:
 *
 * <pre>
 * CLV = g E[M | x, m] sum_{k=1..K} (E[Y(k L) | x, t_x, T] - E[Y((k - 1) L) | x, t_x, T]) / (1 + d)^k
 * </pre>
 *
 * the expected purchases of each period ({@link TransactionModel#conditionalExpectedPurchases}; for
 * the BG/NBD, Fader, Hardie and Lee 2005, equation 10), valued at the expected average value
 * ({@link GammaGamma#conditionalExpectedAverageValue}) and discounted at the end of the period: the
 * discrete-time form of the discounted expected transactions of P. S. Fader, B. G. S. Hardie and K.
 * L. Lee, "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing
 * Research 42(4), 415-430, 2005. It treats purchase counts and values as independent, as the
 * Gamma-Gamma model assumes.
 */
public final class ProbabilisticClv {
  private final TransactionModel purchases;
  private final GammaGamma value;
  private final double margin;
  private final double discountRate;
  private final double periodLength;
  private final int periods;

  private ProbabilisticClv(
      TransactionModel purchases,
      GammaGamma value,
      double margin,
      double discountRate,
      double periodLength,
      int periods) {
    this.purchases = purchases;
    this.value = value;
    this.margin = margin;
    this.discountRate = discountRate;
    this.periodLength = periodLength;
    this.periods = periods;
  }

  /**
   * Returns the valuation with the given models and horizon.
   *
   * @param purchases the model of purchases, fitted in some time unit
   * @param value the model of purchase values
   * @param margin the share of a purchase's value that is profit, in [0, 1] (1 for revenue)
   * @param discountRate the discount rate per period, finite and {@code > -1} (0 for none)
   * @param periodLength the length of a period in the time unit of {@code purchases} (e.g. 52 / 12
   *     for months when the model was fitted in weeks), finite and {@code > 0}
   * @param periods the number of periods of the horizon, {@code >= 0}
   * @return the valuation
   * @throws NullPointerException if a model is null
   * @throws IllegalArgumentException if a number is out of its range, naming it
   */
  public static ProbabilisticClv of(
      TransactionModel purchases,
      GammaGamma value,
      double margin,
      double discountRate,
      double periodLength,
      int periods) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(value, "value");
    Checks.checkProbability("margin", margin);
    Checks.checkAbove("discountRate", discountRate, -1);
    Checks.checkPositive("periodLength", periodLength);
    Checks.checkAtLeast("periods", periods, 0);
    return new ProbabilisticClv(purchases, value, margin, discountRate, periodLength, periods);
  }

  /**
   * Returns {@code sum_{k=1..K} (E[Y(k L)] - E[Y((k - 1) L)]) / (1 + d)^k}, the discounted expected
   * number of purchases of a customer over the horizon.
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @return the discounted expected purchases; 0 for a horizon of 0 periods
   * @throws IllegalArgumentException if an argument is out of range, naming it
   */
  public double discountedExpectedPurchases(int x, double tx, double age) {
    CustomerSummaries.check(x, tx, age, "customer");
    double total = 0;
    double previous = 0;
    double discount = 1;
    for (int k = 1; k <= periods; k++) {
      double current = purchases.conditionalExpectedPurchases(k * periodLength, x, tx, age);
      discount /= 1 + discountRate;
      total += (current - previous) * discount;
      previous = current;
    }
    return total;
  }

  /**
   * Returns the lifetime value of a customer over the horizon (formula in the class documentation).
   *
   * @param x the frequency, {@code >= 0}
   * @param tx the recency: 0 when {@code x = 0}, in [0, T] otherwise
   * @param age the age {@code T}, finite and {@code >= 0}
   * @param averageValue the average value of the repeat purchases, finite and {@code >= 0}; ignored
   *     when {@code x = 0}, where the population mean value is used
   * @return the value, in the currency of the purchase values
   * @throws IllegalArgumentException if an argument is out of range, naming it
   * @throws IllegalStateException if the value model has no finite expected value for this customer
   *     ({@code q <= 1}; see {@link GammaGamma#conditionalExpectedAverageValue})
   */
  public double customerValue(int x, double tx, double age, double averageValue) {
    double expectedValue = value.conditionalExpectedAverageValue(x, averageValue);
    return margin * expectedValue * discountedExpectedPurchases(x, tx, age);
  }

  /**
   * Returns the lifetime value of a customer from a purchase history; see {@link
   * #customerValue(int, double, double, double)}. The history must be in the time unit of the
   * purchases model.
   *
   * @param customer the customer's history
   * @return the value, in the currency of the purchase values
   * @throws NullPointerException if {@code customer} is null
   * @throws IllegalStateException if the value model has no finite expected value for this customer
   */
  public double customerValue(PurchaseHistory customer) {
    Objects.requireNonNull(customer, "customer");
    return customerValue(
        customer.frequency(),
        customer.recency(),
        customer.age(),
        customer.averageRepeatValue().orElse(0));
  }
}
