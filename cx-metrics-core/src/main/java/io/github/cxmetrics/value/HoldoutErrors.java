package io.github.cxmetrics.value;

/**
 * How well a fit predicts each customer's holdout purchases from the calibration history: the
 * predictions are {@code E[Y(t) | x, t_x, T]} over the holdout length {@code t}, the actual values
 * the customers' holdout purchases.
 *
 * <p>Customer level: mean absolute error {@code sum |p_i - y_i| / n}, root mean squared error
 * {@code sqrt(sum (p_i - y_i)^2 / n)} and Pearson's correlation of {@code p} and {@code y}.
 * Aggregate level: total predicted and total actual purchases.
 *
 * @param customers the number of customers {@code n}
 * @param meanAbsoluteError in purchases per customer
 * @param rootMeanSquaredError in purchases per customer
 * @param correlation Pearson's correlation of predicted and actual purchases, in [-1, 1]; NaN when
 *     either has no variation
 * @param totalPredicted the sum of the predictions
 * @param totalActual the sum of the actual holdout purchases
 */
public record HoldoutErrors(
    long customers,
    double meanAbsoluteError,
    double rootMeanSquaredError,
    double correlation,
    double totalPredicted,
    long totalActual) {
  /**
   * {@return the aggregate error in percent, {@code 100 (totalPredicted - totalActual) /
   * totalActual}; infinite or NaN when no holdout purchase was made}
   */
  public double percentError() {
    return 100 * (totalPredicted - totalActual) / totalActual;
  }
}
