package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;

/**
 * One customer of a {@link CalibrationHoldout} split: the summary of the calibration period, which
 * a model is fitted to, and what the customer did in the holdout period that follows, which the fit
 * is checked against.
 *
 * @param calibration the calibration summary (frequency, recency, age, repeat value)
 * @param holdoutPurchases the purchase days in the holdout period (purchases on one day count as
 *     one, as in the calibration summary), {@code >= 0}
 * @param holdoutValue the total amount of the holdout purchases, finite and {@code >= 0}
 */
public record HoldoutHistory(
    PurchaseHistory calibration, int holdoutPurchases, double holdoutValue) {
  /**
   * Creates a holdout history.
   *
   * @param calibration the calibration summary
   * @param holdoutPurchases the purchase days in the holdout period, {@code >= 0}
   * @param holdoutValue the total amount of the holdout purchases, finite and {@code >= 0}
   * @throws NullPointerException if {@code calibration} is null
   * @throws IllegalArgumentException if {@code holdoutPurchases} is negative, or {@code
   *     holdoutValue} is negative, NaN or infinite, naming it
   */
  public HoldoutHistory {
    Objects.requireNonNull(calibration, "calibration");
    Checks.checkAtLeast("holdout purchases", holdoutPurchases, 0);
    Checks.checkNonNegative("holdout value", holdoutValue);
  }
}
