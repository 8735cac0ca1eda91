package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Inputs;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The frequency, recency and age of a base of customers, in columns: the input of a {@link BgNbd}
 * fit, and what {@link BgNbd#simulate} produces.
 *
 * <p>Customer {@code i} made {@code frequency(i)} repeat purchases (purchases after the first), the
 * last of them {@code recency(i)} time units after the first purchase, and was observed for {@code
 * age(i)} time units after the first purchase (see {@link PurchaseHistory} for the definitions).
 * The unit of time is the caller's (weeks in the CDNOW studies); every time of a fitted model, and
 * every horizon given to it, is in that unit.
 *
 * <p>A row may stand for several customers with the same frequency, recency and age ({@link
 * #ofCounts}): a base summarised by a database or a distributed engine with {@code GROUP BY x, t_x,
 * T} fits as fast as its distinct rows, and as exactly as the customers one by one. With day or
 * week granularity a base of any size has at most a few hundred thousand distinct rows.
 *
 * <p>Instances are immutable: the factories copy the arrays, and the accessors read single values.
 */
public final class CustomerSummaries {
  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final long[] count;
  private final long customers;
  private final ChronoUnit unit;

  private CustomerSummaries(
      int[] frequency, double[] recency, double[] age, long[] count, ChronoUnit unit) {
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.count = count;
    long total = frequency.length;
    if (count != null) {
      total = 0;
      for (long c : count) {
        total = Math.addExact(total, c);
      }
    }
    this.customers = total;
    this.unit = unit;
  }

  /**
   * Returns the summaries of the given columns, copied.
   *
   * @param frequency the repeat purchases of each customer, {@code >= 0}
   * @param recency the time of each customer's last repeat purchase after the first purchase,
   *     finite, 0 when the frequency is 0, in [0, age] otherwise
   * @param age the time each customer was observed after the first purchase, finite and {@code >=
   *     0}
   * @return the summaries; empty when the arrays are empty
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, or a customer's values break
   *     the rules above, naming the values and the index
   */
  public static CustomerSummaries of(int[] frequency, double[] recency, double[] age) {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(age, "age");
    if (frequency.length != recency.length || frequency.length != age.length) {
      throw new IllegalArgumentException(
          "frequency, recency and age must have the same length, not "
              + frequency.length
              + ", "
              + recency.length
              + " and "
              + age.length);
    }
    for (int i = 0; i < frequency.length; i++) {
      check(frequency[i], recency[i], age[i], "customer at index " + i);
    }
    return new CustomerSummaries(frequency.clone(), recency.clone(), age.clone(), null, null);
  }

  /**
   * Returns the summaries of rows that each stand for {@code counts[i]} customers with the same
   * frequency, recency and age. Every statistic of a fit is the same as with each customer given
   * separately.
   *
   * @param frequency the repeat purchases of each row's customers, {@code >= 0}
   * @param recency the recency of each row's customers (rules as in {@link #of(int[], double[],
   *     double[])})
   * @param age the age of each row's customers, finite and {@code >= 0}
   * @param counts the number of customers of each row, {@code >= 0}
   * @return the summaries
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, or a row's values break the
   *     rules, naming the values and the index
   * @throws ArithmeticException if the counts sum beyond {@code Long.MAX_VALUE}
   */
  public static CustomerSummaries ofCounts(
      int[] frequency, double[] recency, double[] age, long[] counts) {
    Objects.requireNonNull(counts, "counts");
    CustomerSummaries rows = of(frequency, recency, age);
    if (counts.length != frequency.length) {
      throw new IllegalArgumentException(
          "counts must have the length of the other columns, "
              + frequency.length
              + ", not "
              + counts.length);
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "count " + counts[i] + " of the row at index " + i + " must be >= 0");
      }
    }
    return new CustomerSummaries(rows.frequency, rows.recency, rows.age, counts.clone(), null);
  }

  /**
   * Returns every {@code stride}-th row from the first (rows {@code 0, stride, 2 stride, ...}) with
   * its count and the unit: a systematic sample, for a pilot fit.
   */
  CustomerSummaries everyRow(int stride) {
    int rows = (frequency.length + stride - 1) / stride;
    int[] x = new int[rows];
    double[] t = new double[rows];
    double[] a = new double[rows];
    long[] c = count == null ? null : new long[rows];
    for (int j = 0; j < rows; j++) {
      x[j] = frequency[j * stride];
      t[j] = recency[j * stride];
      a[j] = age[j * stride];
      if (c != null) {
        c[j] = count[j * stride];
      }
    }
    return new CustomerSummaries(x, t, a, c, unit);
  }

  /**
   * Returns the same rows with other counts, for resampling; the caller has checked that the counts
   * are non-negative and as many as the rows.
   */
  CustomerSummaries withCounts(long[] counts) {
    return new CustomerSummaries(frequency, recency, age, counts, unit);
  }

  /**
   * Returns the frequency, recency and age of the given purchase histories, in their order, with
   * their time unit ({@link #unit()}).
   *
   * @param histories the customers' histories, all in one time unit
   * @return the summaries; empty when {@code histories} is empty
   * @throws NullPointerException if {@code histories} is null, or one of them is, naming its index
   * @throws IllegalArgumentException if the histories are in different time units, naming the first
   *     that differs
   */
  public static CustomerSummaries of(Iterable<PurchaseHistory> histories) {
    List<PurchaseHistory> list = new ArrayList<>();
    Inputs.forEachIndexed(histories, "histories", (history, index) -> list.add(history));
    int[] frequency = new int[list.size()];
    double[] recency = new double[list.size()];
    double[] age = new double[list.size()];
    ChronoUnit unit = list.isEmpty() ? null : list.get(0).unit();
    for (int i = 0; i < frequency.length; i++) {
      PurchaseHistory history = list.get(i);
      if (history.unit() != unit) {
        throw new IllegalArgumentException(
            "the history at index "
                + i
                + " is in "
                + history.unit()
                + ", the first in "
                + unit
                + ": summaries must share one time unit");
      }
      frequency[i] = history.frequency();
      recency[i] = history.recency();
      age[i] = history.age();
    }
    return new CustomerSummaries(frequency, recency, age, null, unit);
  }

  static CustomerSummaries wrap(int[] frequency, double[] recency, double[] age) {
    return new CustomerSummaries(frequency, recency, age, null, null);
  }

  /**
   * Returns the time unit of recency and age, when known: summaries of {@link PurchaseHistory}
   * values know theirs; summaries made from numbers ({@link #of(int[], double[], double[])}, {@link
   * #ofCounts}) do not. Fits record it ({@link ModelFit#timeUnit()}), so that the diagnostics can
   * refuse data in another unit.
   *
   * @return the unit, or empty
   */
  public Optional<ChronoUnit> unit() {
    return Optional.ofNullable(unit);
  }

  /**
   * Checks one customer's frequency, recency and age.
   *
   * @param x the frequency
   * @param tx the recency
   * @param t the age
   * @param where names the customer in a message
   */
  static void check(int x, double tx, double t, String where) {
    if (x < 0) {
      throw new IllegalArgumentException("frequency " + x + " of the " + where + " must be >= 0");
    }
    if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "age " + t + " of the " + where + " must be finite and >= 0");
    }
    if (x == 0 ? tx != 0 : !(tx >= 0 && tx <= t)) {
      throw new IllegalArgumentException(
          "recency "
              + tx
              + " of the "
              + where
              + (x == 0
                  ? " must be 0, as the frequency is 0"
                  : " must be in [0, age " + t + "] (frequency " + x + ")"));
    }
  }

  /**
   * Returns the same customers with identical rows (same frequency, recency and age) merged into
   * one row with their total count, in the order each distinct row first appears. The likelihood of
   * a model and every sum over the customers are unchanged; with times to the day, a large base has
   * far fewer distinct rows than customers, and sums over the base (fits, {@link
   * TransactionModel#conditionalExpectedPurchases(double, CustomerSummaries)}, and the delta method
   * over them) cost per distinct row.
   *
   * @return the grouped summaries; this value when no two rows are identical
   */
  public CustomerSummaries grouped() {
    Map<Row, Integer> rows = new HashMap<>();
    int[] index = new int[frequency.length];
    for (int i = 0; i < frequency.length; i++) {
      Integer previous = rows.putIfAbsent(new Row(frequency[i], recency[i], age[i]), rows.size());
      index[i] = previous == null ? rows.size() - 1 : previous;
    }
    if (rows.size() == frequency.length) {
      return this;
    }
    int[] x = new int[rows.size()];
    double[] tx = new double[rows.size()];
    double[] t = new double[rows.size()];
    long[] counts = new long[rows.size()];
    for (int i = 0; i < frequency.length; i++) {
      int j = index[i];
      x[j] = frequency[i];
      tx[j] = recency[i];
      t[j] = age[i];
      counts[j] = Math.addExact(counts[j], count(i));
    }
    return new CustomerSummaries(x, tx, t, counts, unit);
  }

  private record Row(int frequency, double recency, double age) {}

  /** {@return the number of rows: of customers, unless rows carry counts} */
  public int size() {
    return frequency.length;
  }

  /** {@return the number of customers: the sum of the rows' counts} */
  public long customers() {
    return customers;
  }

  /**
   * Returns the number of customers a row stands for.
   *
   * @param i the row's index, in [0, size)
   * @return its count; 1 unless the summaries were made by {@link #ofCounts}
   * @throws IndexOutOfBoundsException if {@code i} is outside [0, size)
   */
  public long count(int i) {
    Objects.checkIndex(i, frequency.length);
    return count == null ? 1 : count[i];
  }

  /**
   * Returns the frequency of one customer.
   *
   * @param i the customer's index, in [0, size)
   * @return the number of repeat purchases
   * @throws IndexOutOfBoundsException if {@code i} is outside [0, size)
   */
  public int frequency(int i) {
    return frequency[Objects.checkIndex(i, frequency.length)];
  }

  /**
   * Returns the recency of one customer.
   *
   * @param i the customer's index, in [0, size)
   * @return the time from the first to the last purchase
   * @throws IndexOutOfBoundsException if {@code i} is outside [0, size)
   */
  public double recency(int i) {
    return recency[Objects.checkIndex(i, recency.length)];
  }

  /**
   * Returns the age of one customer.
   *
   * @param i the customer's index, in [0, size)
   * @return the time from the first purchase to the end of observation, in the time unit of the
   *     summaries
   * @throws IndexOutOfBoundsException if {@code i} is outside [0, size)
   */
  public double age(int i) {
    return age[Objects.checkIndex(i, age.length)];
  }

  int[] frequencies() {
    return frequency;
  }

  double[] recencies() {
    return recency;
  }

  double[] ages() {
    return age;
  }

  /** {@return the counts of the rows, or null when every row is one customer} */
  long[] counts() {
    return count;
  }
}
