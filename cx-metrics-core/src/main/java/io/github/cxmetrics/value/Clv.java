package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;

/**
 * Customer lifetime value (CLV) from closed-form formulas.
 *
 * <p>Units: amounts in the currency of the input; rates per period, and every period of the input
 * the same length (a yearly retention rate goes with a yearly margin and a yearly discount rate).
 *
 * <ul>
 *   <li>{@link #simple}: average purchase value x purchases per period x expected lifespan in
 *       periods x gross margin, the common back-of-the-envelope definition (no discounting);
 *   <li>{@link #retentionBased(double, double, double)}: {@code m r / (1 + d - r)}, the present
 *       value of a margin {@code m} received at the end of every period the customer is still
 *       there, with retention rate {@code r} and discount rate {@code d} (S. Gupta and D. R.
 *       Lehmann, "Customers as Assets", Journal of Interactive Marketing 17(1), 9-24, 2003);
 *   <li>{@link #retentionBasedWithInitialMargin}: {@code m (1 + d) / (1 + d - r)}, the same with a
 *       margin also received at time zero;
 *   <li>{@link #retentionBasedOverHorizon}: the finite-horizon sum {@code sum_{t=1..T} m (r / (1 +
 *       d))^t}.
 * </ul>
 *
 * <p>Every value is in the currency of its margin or purchase value.
 *
 * <p>Reference: S. Gupta and D. R. Lehmann, "Customers as Assets", Journal of Interactive Marketing
 * 17(1), 9-24, 2003, <a href="https://doi.org/10.1002/dir.10045">doi:10.1002/dir.10045</a>.
 */
public final class Clv {
  private Clv() {}

  /**
   * Returns {@code averagePurchaseValue * purchasesPerPeriod * lifespanPeriods * grossMargin}.
   *
   * @param averagePurchaseValue the average value of a purchase, finite and {@code >= 0}
   * @param purchasesPerPeriod purchases per customer per period, finite and {@code >= 0}
   * @param lifespanPeriods the expected customer lifespan in periods, finite and {@code >= 0}
   * @param grossMargin the gross margin, in [0, 1] (1 for a revenue value)
   * @return the lifetime value, in the currency of {@code averagePurchaseValue}
   * @throws IllegalArgumentException if an argument is negative, NaN or infinite, or the margin is
   *     above 1, naming it
   */
  public static double simple(
      double averagePurchaseValue,
      double purchasesPerPeriod,
      double lifespanPeriods,
      double grossMargin) {
    Checks.checkNonNegative("averagePurchaseValue", averagePurchaseValue);
    Checks.checkNonNegative("purchasesPerPeriod", purchasesPerPeriod);
    Checks.checkNonNegative("lifespanPeriods", lifespanPeriods);
    Checks.checkProbability("grossMargin", grossMargin);
    return averagePurchaseValue * purchasesPerPeriod * lifespanPeriods * grossMargin;
  }

  /**
   * Returns the infinite-horizon retention-based CLV {@code m r / (1 + d - r)} (Gupta and Lehmann
   * 2003): margins at the end of each period survived, discounted.
   *
   * @param marginPerPeriod the margin per customer per period, finite (may be negative)
   * @param retentionRate the retention rate per period, in [0, 1)
   * @param discountRate the discount rate per period, finite and {@code > -1}, with {@code r < 1 +
   *     d} so that the discounted series converges
   * @return the lifetime value, in the currency of the margin
   * @throws IllegalArgumentException if an argument is out of its range, naming it
   */
  public static double retentionBased(
      double marginPerPeriod, double retentionRate, double discountRate) {
    checkRetentionInputs(marginPerPeriod, retentionRate, discountRate);
    return marginPerPeriod * retentionRate / (1 + discountRate - retentionRate);
  }

  /**
   * Returns the infinite-horizon retention-based CLV with a margin also at time zero, {@code m (1 +
   * d) / (1 + d - r)}, which is {@code m} more than {@link #retentionBased(double, double,
   * double)}.
   *
   * @param marginPerPeriod the margin per customer per period, finite (may be negative)
   * @param retentionRate the retention rate per period, in [0, 1)
   * @param discountRate the discount rate per period, finite and {@code > -1}, with {@code r < 1 +
   *     d}
   * @return the lifetime value, in the currency of the margin
   * @throws IllegalArgumentException if an argument is out of its range, naming it
   */
  public static double retentionBasedWithInitialMargin(
      double marginPerPeriod, double retentionRate, double discountRate) {
    checkRetentionInputs(marginPerPeriod, retentionRate, discountRate);
    return marginPerPeriod * (1 + discountRate) / (1 + discountRate - retentionRate);
  }

  /**
   * Returns the retention-based CLV over a finite horizon, {@code sum_{t=1..T} m q^t} with {@code q
   * = r / (1 + d)}, computed as {@code m q (1 - q^T) / (1 - q)} ({@code m T} when {@code q = 1}).
   *
   * @param marginPerPeriod the margin per customer per period, finite (may be negative)
   * @param retentionRate the retention rate per period, in [0, 1]
   * @param discountRate the discount rate per period, finite and {@code > -1}
   * @param periods the horizon {@code T} in periods, {@code >= 0}; 0 gives 0
   * @return the lifetime value over the horizon, in the currency of the margin
   * @throws IllegalArgumentException if an argument is out of its range, naming it
   */
  public static double retentionBasedOverHorizon(
      double marginPerPeriod, double retentionRate, double discountRate, int periods) {
    Checks.checkFinite("marginPerPeriod", marginPerPeriod);
    Checks.checkProbability("retentionRate", retentionRate);
    checkDiscount(discountRate);
    Checks.checkAtLeast("periods", periods, 0);
    double q = retentionRate / (1 + discountRate);
    if (periods == 0) {
      return 0.0;
    }
    if (q == 1) {
      return marginPerPeriod * periods;
    }
    return marginPerPeriod * q * -Math.expm1(periods * Math.log(q)) / (1 - q);
  }

  private static void checkRetentionInputs(double margin, double retention, double discount) {
    Checks.checkFinite("marginPerPeriod", margin);
    if (!(retention >= 0 && retention < 1)) {
      throw new IllegalArgumentException("retentionRate (" + retention + ") must be in [0, 1)");
    }
    checkDiscount(discount);
    if (!(retention < 1 + discount)) {
      throw new IllegalArgumentException(
          "retentionRate ("
              + retention
              + ") must be below 1 + discountRate ("
              + (1 + discount)
              + ") for the discounted margins to converge");
    }
  }

  private static void checkDiscount(double discount) {
    Checks.checkAbove("discountRate", discount, -1);
  }
}
