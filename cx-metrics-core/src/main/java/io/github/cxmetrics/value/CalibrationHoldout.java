package io.github.cxmetrics.value;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A transaction log split for validation: a calibration period that a model is fitted to and the
 * holdout period after it that the fit's predictions are checked against (the design of P. S.
 * Fader, B. G. S. Hardie and K. L. Lee, "'Counting Your Customers' the Easy Way", Marketing Science
 * 24(2), 275-284, 2005, section 5: CDNOW, 39 weeks of calibration and 39 of holdout).
 *
 * <p>The calibration base is the customers with a purchase on or before the calibration end; each
 * has its calibration summary ({@link PurchaseHistory}, the input of {@link BgNbd#fit}) and its
 * purchases and spend in the holdout period, after the calibration end up to the observation end
 * (inclusive). As in the summaries, purchases on one day count as one purchase, of the summed
 * amount. Customers whose first purchase is in the holdout are not in the base (a model fitted to
 * the calibration period knows nothing of them); they are counted in {@link
 * #customersFirstSeenInHoldout()}. Transactions after the observation end are outside the study and
 * are counted in {@link #transactionsAfterObservationEnd()}.
 *
 * <p>For tracking plots ({@link FitDiagnostics#tracking}) the split also keeps, per period of the
 * time unit from the base's first purchase day, the repeat purchases of the base (purchase days
 * after each customer's first), and the number of customers whose first purchase fell on each day.
 */
public final class CalibrationHoldout {
  private final List<HoldoutHistory> customers;
  private final LocalDate calibrationEnd;
  private final LocalDate observationEnd;
  private final ChronoUnit unit;
  private final long firstSeenInHoldout;
  private final long afterObservationEnd;
  private final NavigableMap<LocalDate, Long> firstPurchases;
  private final long[] repeatPurchasesByDay;

  private CalibrationHoldout(
      List<HoldoutHistory> customers,
      LocalDate calibrationEnd,
      LocalDate observationEnd,
      ChronoUnit unit,
      long firstSeenInHoldout,
      long afterObservationEnd,
      NavigableMap<LocalDate, Long> firstPurchases,
      long[] repeatPurchasesByDay) {
    this.customers = customers;
    this.calibrationEnd = calibrationEnd;
    this.observationEnd = observationEnd;
    this.unit = unit;
    this.firstSeenInHoldout = firstSeenInHoldout;
    this.afterObservationEnd = afterObservationEnd;
    this.firstPurchases = firstPurchases;
    this.repeatPurchasesByDay = repeatPurchasesByDay;
  }

  /**
   * Splits a transaction log at {@code calibrationEnd}.
   *
   * @param <T> the type of the transaction records
   * @param transactions the transactions, in any order
   * @param customer reads the customer identifier of a transaction
   * @param date reads the date of a transaction
   * @param amount reads the amount of a transaction, finite and {@code >= 0}
   * @param calibrationEnd the last day of the calibration period (inclusive)
   * @param observationEnd the last day of the holdout period (inclusive), after {@code
   *     calibrationEnd}
   * @param unit {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS} (7 days): the time unit of the
   *     summaries, of the holdout length and of the tracking periods
   * @return the split; its base is in the order customers first appear in {@code transactions}, and
   *     is empty when no transaction falls in the calibration period
   * @throws NullPointerException if an argument, a transaction, or its customer or date is null,
   *     naming the transaction's index
   * @throws IllegalArgumentException if {@code observationEnd} is not after {@code calibrationEnd}
   *     (a holdout of length 0 or less), naming both; if an amount is negative, NaN or infinite,
   *     naming it and its transaction's index; or if {@code unit} is neither days nor weeks
   */
  public static <T> CalibrationHoldout of(
      Iterable<T> transactions,
      Function<? super T, ?> customer,
      Function<? super T, LocalDate> date,
      ToDoubleFunction<? super T> amount,
      LocalDate calibrationEnd,
      LocalDate observationEnd,
      ChronoUnit unit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    Objects.requireNonNull(observationEnd, "observationEnd");
    PurchaseHistory.daysPerUnit(unit);
    if (!observationEnd.isAfter(calibrationEnd)) {
      throw new IllegalArgumentException(
          "the observation end "
              + observationEnd
              + " must be after the calibration end "
              + calibrationEnd
              + ": the holdout period would be empty");
    }
    long[] later = new long[1];
    Map<Object, TreeMap<LocalDate, Double>> days =
        PurchaseHistory.purchaseDays(transactions, customer, date, amount, observationEnd, later);
    List<HoldoutHistory> base = new ArrayList<>(days.size());
    NavigableMap<LocalDate, Long> firstPurchases = new TreeMap<>();
    long firstSeenInHoldout = 0;
    for (Map.Entry<Object, TreeMap<LocalDate, Double>> entry : days.entrySet()) {
      TreeMap<LocalDate, Double> byDay = entry.getValue();
      if (byDay.firstKey().isAfter(calibrationEnd)) {
        firstSeenInHoldout++;
        continue;
      }
      NavigableMap<LocalDate, Double> holdout = byDay.tailMap(calibrationEnd, false);
      double holdoutValue = 0;
      for (double value : holdout.values()) {
        holdoutValue += value;
      }
      PurchaseHistory calibration =
          PurchaseHistory.of(
              entry.getKey(), byDay.headMap(calibrationEnd, true), calibrationEnd, unit);
      base.add(new HoldoutHistory(calibration, holdout.size(), holdoutValue));
      firstPurchases.merge(byDay.firstKey(), 1L, Long::sum);
    }
    long[] repeatByDay = new long[0];
    if (!firstPurchases.isEmpty()) {
      LocalDate start = firstPurchases.firstKey();
      repeatByDay = new long[Math.toIntExact(ChronoUnit.DAYS.between(start, observationEnd) + 1)];
      for (TreeMap<LocalDate, Double> byDay : days.values()) {
        if (!byDay.firstKey().isAfter(calibrationEnd)) {
          for (LocalDate day : byDay.tailMap(byDay.firstKey(), false).keySet()) {
            repeatByDay[Math.toIntExact(ChronoUnit.DAYS.between(start, day))]++;
          }
        }
      }
    }
    return new CalibrationHoldout(
        Collections.unmodifiableList(base),
        calibrationEnd,
        observationEnd,
        unit,
        firstSeenInHoldout,
        later[0],
        Collections.unmodifiableNavigableMap(firstPurchases),
        repeatByDay);
  }

  /** {@return the calibration base: one history per customer with a calibration purchase} */
  public List<HoldoutHistory> customers() {
    return customers;
  }

  /** {@return the calibration summaries of the base, in its order: what a model is fitted to} */
  public List<PurchaseHistory> calibration() {
    List<PurchaseHistory> summaries = new ArrayList<>(customers.size());
    for (HoldoutHistory customer : customers) {
      summaries.add(customer.calibration());
    }
    return summaries;
  }

  /** {@return the last day of the calibration period} */
  public LocalDate calibrationEnd() {
    return calibrationEnd;
  }

  /** {@return the last day of the holdout period} */
  public LocalDate observationEnd() {
    return observationEnd;
  }

  /** {@return the time unit of the summaries, the holdout length and the tracking periods} */
  public ChronoUnit unit() {
    return unit;
  }

  /**
   * {@return the length of the holdout period, from the calibration end to the observation end, in
   * the split's time unit}
   */
  public double holdoutLength() {
    return ChronoUnit.DAYS.between(calibrationEnd, observationEnd)
        / PurchaseHistory.daysPerUnit(unit);
  }

  /** {@return the number of customers whose first purchase is in the holdout: not in the base} */
  public long customersFirstSeenInHoldout() {
    return firstSeenInHoldout;
  }

  /** {@return the number of transactions after the observation end, which the split leaves out} */
  public long transactionsAfterObservationEnd() {
    return afterObservationEnd;
  }

  /** {@return the number of base customers whose first purchase fell on each day, in day order} */
  public NavigableMap<LocalDate, Long> firstPurchases() {
    return firstPurchases;
  }

  /**
   * Returns the base's repeat purchases per tracking period: periods of the split's unit, the first
   * starting on the base's first purchase day, the last ending on the observation end (and shorter
   * when the span is not a whole number of units).
   *
   * @return the repeat purchases of each period; empty when the base is empty
   */
  public long[] repeatPurchasesPerPeriod() {
    int daysPerPeriod = (int) PurchaseHistory.daysPerUnit(unit);
    long[] periods = new long[(repeatPurchasesByDay.length + daysPerPeriod - 1) / daysPerPeriod];
    for (int day = 0; day < repeatPurchasesByDay.length; day++) {
      periods[day / daysPerPeriod] += repeatPurchasesByDay[day];
    }
    return periods;
  }

  /** {@return the day the first tracking period starts: the base's first purchase day} */
  LocalDate trackingStart() {
    return firstPurchases.firstKey();
  }

  @Override
  public String toString() {
    return "CalibrationHoldout["
        + customers.size()
        + " customers, calibration to "
        + calibrationEnd
        + ", holdout to "
        + observationEnd
        + " ("
        + holdoutLength()
        + " "
        + unit.toString().toLowerCase(java.util.Locale.ROOT)
        + "), "
        + firstSeenInHoldout
        + " first seen in the holdout]";
  }
}
