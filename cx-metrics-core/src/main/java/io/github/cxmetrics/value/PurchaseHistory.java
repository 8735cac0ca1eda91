package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Inputs;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One customer's purchase history over a calibration period, summarised as the "RFM" statistics
 * that buy-till-you-die models (BG/NBD, Pareto/NBD, Gamma-Gamma) take as input.
 *
 * <p>Definitions (P. S. Fader, B. G. S. Hardie and K. L. Lee, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275-284, 2005):
 *
 * <ul>
 *   <li>purchases on the same day count as one purchase, of the summed amount;
 *   <li>frequency {@code x}: the number of repeat purchases, i.e. purchase days after the first;
 *   <li>recency {@code t_x}: the time from the first purchase to the last one;
 *   <li>age {@code T}: the time from the first purchase to the end of the calibration period;
 *   <li>the average repeat value: the mean amount of the repeat purchases (the first purchase
 *       excluded), undefined when {@code x = 0}.
 * </ul>
 *
 * <p>Times are in the chosen unit: days, or weeks of exactly 7 days. Purchases after the end of the
 * calibration period belong to a holdout period and are not part of the summary; customers whose
 * first purchase is after it have no summary.
 */
public final class PurchaseHistory {
  private final Object customer;
  private final LocalDate firstPurchase;
  private final int frequency;
  private final double recency;
  private final double age;
  private final double repeatValue;
  private final ChronoUnit unit;

  private PurchaseHistory(
      Object customer,
      LocalDate firstPurchase,
      int frequency,
      double recency,
      double age,
      double repeatValue,
      ChronoUnit unit) {
    this.customer = customer;
    this.firstPurchase = firstPurchase;
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.repeatValue = repeatValue;
    this.unit = unit;
  }

  /**
   * Summarises a transaction log, one {@code PurchaseHistory} per customer with a purchase on or
   * before {@code calibrationEnd}, in the order customers first appear in {@code transactions}.
   *
   * @param <T> the type of the transaction records
   * @param transactions the transactions, in any order
   * @param customer reads the customer identifier of a transaction
   * @param date reads the date of a transaction
   * @param amount reads the amount of a transaction, finite and {@code >= 0}
   * @param calibrationEnd the last day of the calibration period (inclusive)
   * @param unit {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS} (7 days) for recency and age
   * @return the summaries; empty when no transaction falls in the calibration period
   * @throws NullPointerException if an argument, a transaction, or its customer or date is null,
   *     naming the transaction's index
   * @throws IllegalArgumentException if an amount is negative, NaN or infinite, naming it and its
   *     transaction's index, or if {@code unit} is neither days nor weeks
   */
  public static <T> List<PurchaseHistory> summarize(
      Iterable<T> transactions,
      Function<? super T, ?> customer,
      Function<? super T, LocalDate> date,
      ToDoubleFunction<? super T> amount,
      LocalDate calibrationEnd,
      ChronoUnit unit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    daysPerUnit(unit);
    Map<Object, TreeMap<LocalDate, Double>> days =
        purchaseDays(transactions, customer, date, amount, calibrationEnd, new long[1]);
    List<PurchaseHistory> summaries = new ArrayList<>(days.size());
    days.forEach((id, byDay) -> summaries.add(of(id, byDay, calibrationEnd, unit)));
    return summaries;
  }

  /**
   * Reads a transaction log into each customer's purchase days up to {@code lastDay} (inclusive),
   * with the amounts of one day summed, in the order customers first appear with such a day; {@code
   * later[0]} counts the transactions after {@code lastDay}.
   */
  static <T> Map<Object, TreeMap<LocalDate, Double>> purchaseDays(
      Iterable<T> transactions,
      Function<? super T, ?> customer,
      Function<? super T, LocalDate> date,
      ToDoubleFunction<? super T> amount,
      LocalDate lastDay,
      long[] later) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
    Map<Object, TreeMap<LocalDate, Double>> days = new LinkedHashMap<>();
    Inputs.forEachIndexed(
        transactions,
        "transactions",
        (transaction, index) -> {
          Object id = Inputs.field(customer.apply(transaction), "transaction", index, "customer");
          LocalDate day = Inputs.field(date.apply(transaction), "transaction", index, "date");
          double value = amount.applyAsDouble(transaction);
          if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                "amount "
                    + value
                    + " of the transaction at index "
                    + index
                    + " must be finite and >= 0");
          }
          if (day.isAfter(lastDay)) {
            later[0]++;
          } else {
            days.computeIfAbsent(id, k -> new TreeMap<>()).merge(day, value, Double::sum);
          }
        });
    return days;
  }

  /**
   * The summary of a customer's purchase days on or before {@code calibrationEnd} (at least one),
   * with times in {@code unit} (days or weeks).
   */
  static PurchaseHistory of(
      Object id, NavigableMap<LocalDate, Double> byDay, LocalDate calibrationEnd, ChronoUnit unit) {
    double daysPerUnit = daysPerUnit(unit);
    LocalDate first = byDay.firstKey();
    LocalDate last = byDay.lastKey();
    double repeat = 0;
    for (double value : byDay.tailMap(first, false).values()) {
      repeat += value;
    }
    return new PurchaseHistory(
        id,
        first,
        byDay.size() - 1,
        ChronoUnit.DAYS.between(first, last) / daysPerUnit,
        ChronoUnit.DAYS.between(first, calibrationEnd) / daysPerUnit,
        repeat,
        unit);
  }

  /** The length of {@code unit} in days: 1 or 7; other units are refused. */
  static double daysPerUnit(ChronoUnit unit) {
    Objects.requireNonNull(unit, "unit");
    return switch (unit) {
      case DAYS -> 1;
      case WEEKS -> 7;
      default ->
          throw new IllegalArgumentException(
              "unit " + unit + " must be DAYS or WEEKS: other units have no fixed length in days");
    };
  }

  /** {@return the customer identifier} */
  public Object customer() {
    return customer;
  }

  /** {@return the day of the first purchase} */
  public LocalDate firstPurchase() {
    return firstPurchase;
  }

  /** {@return the frequency {@code x}: repeat purchase days in the calibration period} */
  public int frequency() {
    return frequency;
  }

  /** {@return the recency {@code t_x}: first to last purchase, in the summary's unit} */
  public double recency() {
    return recency;
  }

  /** {@return the age {@code T}: first purchase to the calibration end, in the summary's unit} */
  public double age() {
    return age;
  }

  /** {@return the time unit of recency and age: days or weeks} */
  public ChronoUnit unit() {
    return unit;
  }

  /** {@return the total amount of the repeat purchases, 0 when there are none} */
  public double repeatValue() {
    return repeatValue;
  }

  /**
   * Returns the average amount of the repeat purchases, {@code repeatValue() / frequency()}.
   *
   * @return the average, or empty when there is no repeat purchase
   */
  public OptionalDouble averageRepeatValue() {
    return frequency == 0 ? OptionalDouble.empty() : OptionalDouble.of(repeatValue / frequency);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PurchaseHistory other
        && customer.equals(other.customer)
        && firstPurchase.equals(other.firstPurchase)
        && frequency == other.frequency
        && Double.compare(recency, other.recency) == 0
        && Double.compare(age, other.age) == 0
        && Double.compare(repeatValue, other.repeatValue) == 0
        && unit == other.unit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(customer, firstPurchase, frequency, recency, age, repeatValue, unit);
  }

  /**
   * Returns e.g. {@code PurchaseHistory[customer=1, x=2, t_x=30.43, T=38.86, repeatValue=44.69]}.
   */
  @Override
  public String toString() {
    return "PurchaseHistory[customer="
        + customer
        + ", x="
        + frequency
        + ", t_x="
        + recency
        + ", T="
        + age
        + ", repeatValue="
        + repeatValue
        + "]";
  }
}
