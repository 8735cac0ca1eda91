package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.util.Objects;

/**
 * A model prediction with the standard error that the uncertainty of the fitted parameters gives
 * it, from {@link ModelFit#predict}.
 *
 * <p>The standard error is the delta method's: for a prediction {@code g(theta)} of parameters
 * estimated with covariance {@code Sigma}, {@code SE = sqrt(grad g' Sigma grad g)} (e.g. G. Casella
 * and R. L. Berger, "Statistical Inference", 2nd ed., Duxbury, 2002, section 5.5.4). It measures
 * how much the prediction would move with the estimates, not how much the predicted customer's own
 * outcome varies around it (for that, see {@link
 * TransactionModel#conditionalProbabilityOfPurchases}).
 *
 * @param estimate the prediction at the estimated parameters
 * @param standardError its delta-method standard error, finite and {@code >= 0}, in {@code unit}
 * @param unit the unit of the prediction, e.g. purchases, currency or {@link Unit#FRACTION}
 */
public record Prediction(double estimate, double standardError, Unit unit) {
  /** The unit of expected numbers of purchases. */
  public static final Unit PURCHASES = new Unit("purchases");

  /** The unit of money amounts: the currency of the input. */
  public static final Unit CURRENCY = new Unit("currency of the input");

  /**
   * Creates a prediction.
   *
   * @param estimate the prediction, finite
   * @param standardError its standard error, finite and {@code >= 0}
   * @param unit the unit of both
   * @throws NullPointerException if {@code unit} is null
   * @throws IllegalArgumentException if {@code estimate} is not finite or {@code standardError} is
   *     negative, NaN or infinite, naming it
   */
  public Prediction {
    Objects.requireNonNull(unit, "unit");
    Checks.checkFinite("estimate", estimate);
    Checks.checkNonNegative("standard error", standardError);
  }

  /**
   * Returns the Wald interval {@code estimate +- z SE}, with {@code z} the standard normal quantile
   * of {@code (1 + level) / 2}. It is not clipped: a lower end below 0 for a quantity that cannot
   * be negative says that the normal approximation is poor there.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, in the prediction's unit
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), naming it
   */
  public Interval confidenceInterval(double level) {
    Checks.checkLevel(level);
    double margin = Critical.z(level) * standardError;
    return new Interval(estimate - margin, estimate + margin, level, unit);
  }
}
