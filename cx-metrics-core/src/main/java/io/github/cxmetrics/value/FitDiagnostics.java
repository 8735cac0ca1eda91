package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks of a fitted {@link TransactionModel} against data, as values to print, plot or assert on:
 * the calibration frequency histogram with a chi-square test ({@link #frequencies}), conditional
 * expectations of holdout purchases by calibration frequency ({@link #conditionalExpectations}),
 * tracking of repeat purchases per period over calibration and holdout ({@link #tracking}) and the
 * errors of the customer-level holdout predictions ({@link #holdoutErrors}). These are the checks
 * of P. S. Fader, B. G. S. Hardie and K. L. Lee, "'Counting Your Customers' the Easy Way",
 * Marketing Science 24(2), 275-284, 2005, section 5. For choosing between models fitted to the same
 * customers, see {@link ModelFit#aic()} and {@link ModelFit#bic()}.
 *
 * <p>Times are in the unit of the data. A fit that knows its unit ({@link ModelFit#timeUnit()}:
 * fitted to {@link PurchaseHistory} summaries) is refused with data in another unit, naming both; a
 * fit of bare numbers cannot be checked, and must be in the data's unit for the figures to mean
 * anything.
 */
public final class FitDiagnostics {
  private FitDiagnostics() {}

  /**
   * Returns the calibration frequency histogram, observed and expected, with its chi-square test
   * (see {@link FrequencyTable}). The expected number of customers with {@code x} repeat purchases
   * is {@code sum_i P(X(T_i) = x)} over the customers' ages {@code T_i} ({@link
   * TransactionModel#probabilityOfPurchases}); the open bin expects the rest of each customer's
   * probability.
   *
   * @param fit the fit, whose number of parameters sets the degrees of freedom
   * @param customers the customers the model was fitted to
   * @param bins the number of bins, {@code k + 1} for {@code 0, 1, ..., k - 1} and {@code k+}; at
   *     least 2
   * @return the table
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bins} is below 2 or there are no customers
   */
  public static FrequencyTable frequencies(
      ModelFit<? extends TransactionModel> fit, CustomerSummaries customers, int bins) {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(customers, "customers");
    Checks.checkAtLeast("number of bins", bins, 2);
    requireCustomers(customers.customers());
    customers.unit().ifPresent(unit -> requireUnit(fit, unit));
    TransactionModel model = fit.model();
    int k = bins - 1;
    long[] observed = new long[bins];
    Map<Double, Long> byAge = new TreeMap<>();
    for (int i = 0; i < customers.size(); i++) {
      observed[Math.min(customers.frequency(i), k)] += customers.count(i);
      byAge.merge(customers.age(i), customers.count(i), Long::sum);
    }
    double[] expected = new double[bins];
    byAge.forEach(
        (age, count) -> {
          double below = 0;
          for (int x = 0; x < k; x++) {
            double p = model.probabilityOfPurchases(x, age);
            expected[x] += count * p;
            below += p;
          }
          expected[k] += count * Math.max(0, 1 - below);
        });
    List<FrequencyBin> table = new ArrayList<>(bins);
    for (int x = 0; x < bins; x++) {
      table.add(new FrequencyBin(x, x == k ? Integer.MAX_VALUE : x, observed[x], expected[x]));
    }
    List<FrequencyBin> pooled = pool(table);
    double chiSquare = 0;
    for (FrequencyBin bin : pooled) {
      double difference = bin.observed() - bin.expected();
      chiSquare += difference * difference / bin.expected();
    }
    int parameters = fit.parameterNames().size();
    return new FrequencyTable(table, pooled, chiSquare, pooled.size() - 1 - parameters);
  }

  /** The bins pooled to expected counts of at least 5, as {@link FrequencyTable} describes. */
  static List<FrequencyBin> pool(List<FrequencyBin> bins) {
    List<FrequencyBin> pooled = new ArrayList<>(bins);
    for (int i = pooled.size() - 1; i > 0; i--) {
      if (pooled.get(i).expected() < 5) {
        pooled.set(i - 1, merge(pooled.get(i - 1), pooled.remove(i)));
      }
    }
    if (pooled.size() > 1 && pooled.get(0).expected() < 5) {
      pooled.set(0, merge(pooled.get(0), pooled.remove(1)));
    }
    return pooled;
  }

  private static FrequencyBin merge(FrequencyBin low, FrequencyBin high) {
    return new FrequencyBin(
        low.from(), high.to(), low.observed() + high.observed(), low.expected() + high.expected());
  }

  /**
   * Returns, for each calibration frequency {@code 0, 1, ..., k - 1} and {@code k+}, the customers'
   * mean holdout purchases and the mean of their predictions {@code E[Y(t) | x, t_x, T]} over the
   * holdout length {@code t} ({@link TransactionModel#conditionalExpectedPurchases}).
   *
   * @param fit the fit to {@code data}'s calibration period
   * @param data the calibration and holdout data
   * @param bins the number of rows, at least 2
   * @return one row per frequency bin, in order; a row with no customers has NaN means
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bins} is below 2, the base is empty, or the fit is
   *     in another time unit than the data
   */
  public static List<ConditionalExpectation> conditionalExpectations(
      ModelFit<? extends TransactionModel> fit, CalibrationHoldout data, int bins) {
    TransactionModel model = check(fit, data);
    Checks.checkAtLeast("number of bins", bins, 2);
    double[] predictions = predictions(model, data);
    int k = bins - 1;
    long[] customers = new long[bins];
    double[] actual = new double[bins];
    double[] expected = new double[bins];
    List<HoldoutHistory> base = data.customers();
    for (int i = 0; i < base.size(); i++) {
      int bin = Math.min(base.get(i).calibration().frequency(), k);
      customers[bin]++;
      actual[bin] += base.get(i).holdoutPurchases();
      expected[bin] += predictions[i];
    }
    List<ConditionalExpectation> rows = new ArrayList<>(bins);
    for (int x = 0; x < bins; x++) {
      rows.add(
          new ConditionalExpectation(
              x,
              x == k ? Integer.MAX_VALUE : x,
              customers[x],
              actual[x] / customers[x],
              expected[x] / customers[x]));
    }
    return rows;
  }

  /**
   * Returns the errors of the customer-level holdout predictions {@code E[Y(t) | x, t_x, T]} over
   * the holdout length {@code t} (see {@link HoldoutErrors}).
   *
   * @param fit the fit to {@code data}'s calibration period
   * @param data the calibration and holdout data
   * @return the errors
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the base is empty, or the fit is in another time unit than
   *     the data
   */
  public static HoldoutErrors holdoutErrors(
      ModelFit<? extends TransactionModel> fit, CalibrationHoldout data) {
    TransactionModel model = check(fit, data);
    int n = data.customers().size();
    double[] predictions = predictions(model, data);
    double meanPredicted = 0;
    double meanActual = 0;
    long totalActual = 0;
    for (int i = 0; i < n; i++) {
      int y = data.customers().get(i).holdoutPurchases();
      totalActual += y;
      meanPredicted += predictions[i];
      meanActual += y;
    }
    double totalPredicted = meanPredicted;
    meanPredicted /= n;
    meanActual /= n;
    double absolute = 0;
    double squared = 0;
    double covariance = 0;
    double predictedVariance = 0;
    double actualVariance = 0;
    for (int i = 0; i < n; i++) {
      double p = predictions[i];
      double y = data.customers().get(i).holdoutPurchases();
      absolute += Math.abs(p - y);
      squared += (p - y) * (p - y);
      covariance += (p - meanPredicted) * (y - meanActual);
      predictedVariance += (p - meanPredicted) * (p - meanPredicted);
      actualVariance += (y - meanActual) * (y - meanActual);
    }
    double correlation =
        predictedVariance > 0 && actualVariance > 0
            ? covariance / Math.sqrt(predictedVariance * actualVariance)
            : Double.NaN;
    return new HoldoutErrors(
        n, absolute / n, Math.sqrt(squared / n), correlation, totalPredicted, totalActual);
  }

  /**
   * Returns the tracking of repeat purchases per period of {@code data}'s unit, from the base's
   * first purchase day to the observation end: observed and expected in each period, and their
   * running totals. A customer whose first purchase was on day {@code f} is expected to have made
   * {@code E[X((d - f) / u)]} repeat purchases by the end of day {@code d} ({@link
   * TransactionModel#expectedPurchases}, with {@code u} the days per unit), which is the convention
   * of the summaries' ages; the expectations of the base's customers are summed, each from its own
   * first purchase, so a base whose customers joined at different times is tracked correctly.
   *
   * @param fit the fit to {@code data}'s calibration period
   * @param data the calibration and holdout data
   * @return one entry per period, in order; the last is shorter when the span is not a whole number
   *     of units
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the base is empty, or the fit is in another time unit than
   *     the data
   */
  public static List<TrackingPeriod> tracking(
      ModelFit<? extends TransactionModel> fit, CalibrationHoldout data) {
    TransactionModel model = check(fit, data);
    double daysPerUnit = PurchaseHistory.daysPerUnit(data.unit());
    LocalDate start = data.trackingStart();
    long span = ChronoUnit.DAYS.between(start, data.observationEnd());
    double[] expectedByElapsedDays = new double[Math.toIntExact(span) + 1];
    for (int d = 1; d < expectedByElapsedDays.length; d++) {
      expectedByElapsedDays[d] = model.expectedPurchases(d / daysPerUnit);
    }
    long[] actual = data.repeatPurchasesPerPeriod();
    List<TrackingPeriod> periods = new ArrayList<>(actual.length);
    long cumulativeActual = 0;
    double previous = 0;
    for (int j = 0; j < actual.length; j++) {
      LocalDate periodStart = start.plusDays((long) (j * daysPerUnit));
      LocalDate periodEnd = periodStart.plusDays((long) daysPerUnit - 1);
      if (periodEnd.isAfter(data.observationEnd())) {
        periodEnd = data.observationEnd();
      }
      double cumulative = 0;
      for (Map.Entry<LocalDate, Long> cohort :
          data.firstPurchases().headMap(periodEnd, true).entrySet()) {
        int elapsed = Math.toIntExact(ChronoUnit.DAYS.between(cohort.getKey(), periodEnd));
        cumulative += cohort.getValue() * expectedByElapsedDays[elapsed];
      }
      cumulativeActual += actual[j];
      periods.add(
          new TrackingPeriod(
              periodStart,
              periodEnd,
              periodStart.isAfter(data.calibrationEnd()),
              actual[j],
              cumulative - previous,
              cumulativeActual,
              cumulative));
      previous = cumulative;
    }
    return periods;
  }

  /**
   * Each base customer's {@code E[Y(t) | x, t_x, T]} over the holdout, once per distinct history.
   */
  private static double[] predictions(TransactionModel model, CalibrationHoldout data) {
    double horizon = data.holdoutLength();
    Map<History, Double> cache = new HashMap<>();
    List<HoldoutHistory> base = data.customers();
    double[] predictions = new double[base.size()];
    for (int i = 0; i < predictions.length; i++) {
      PurchaseHistory c = base.get(i).calibration();
      predictions[i] =
          cache.computeIfAbsent(
              new History(c.frequency(), c.recency(), c.age()),
              h -> model.conditionalExpectedPurchases(horizon, h.x(), h.tx(), h.age()));
    }
    return predictions;
  }

  private record History(int x, double tx, double age) {}

  /** Checks the arguments of a diagnostic of a split and returns the fitted model. */
  private static TransactionModel check(
      ModelFit<? extends TransactionModel> fit, CalibrationHoldout data) {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(data, "data");
    requireCustomers(data.customers().size());
    requireUnit(fit, data.unit());
    return fit.model();
  }

  private static void requireUnit(ModelFit<?> fit, ChronoUnit unit) {
    fit.timeUnit()
        .filter(fitted -> fitted != unit)
        .ifPresent(
            fitted -> {
              throw new IllegalArgumentException(
                  "the fit is in "
                      + fitted
                      + " but the data are in "
                      + unit
                      + ": fit the model to summaries in the data's unit");
            });
  }

  private static void requireCustomers(long customers) {
    if (customers == 0) {
      throw new IllegalArgumentException("the diagnostics of a fit need customers: there are none");
    }
  }
}
