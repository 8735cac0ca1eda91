package io.github.cxmetrics.drivers;

import java.util.List;
import java.util.Objects;

/**
 * Counts responses into {@link DriverMoments}: one outcome and one rating per driver each. Not
 * thread-safe; give each thread its own and {@link #combine} them.
 */
public final class DriverAccumulator {
  private final List<String> drivers;
  private final int variables;
  private final long[] sums;
  private final long[] products;
  private final long[] row;
  private long count;
  private long incomplete;

  /**
   * Creates an empty accumulator for named drivers.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver or a name repeats
   */
  public DriverAccumulator(List<String> drivers) {
    this.drivers = DriverMoments.empty(drivers).drivers();
    this.variables = this.drivers.size() + 1;
    this.sums = new long[variables];
    this.products = new long[variables * (variables + 1) / 2];
    this.row = new long[variables];
  }

  /**
   * Adds a complete response.
   *
   * @param outcome the outcome (an NPS answer 0..10, a CSAT or CES rating)
   * @param ratings one rating per driver, in the order of the drivers
   * @return this accumulator
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException if there is not one rating per driver, naming both counts
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverAccumulator accept(int outcome, int... ratings) {
    checkLength(Objects.requireNonNull(ratings, "ratings").length, drivers);
    fill(row, outcome, ratings);
    add();
    return this;
  }

  /**
   * Adds a response whose answers may be missing (null): a complete one is counted, an incomplete
   * one is left out of the co-moments and counted in {@link DriverMoments#incomplete()}.
   *
   * @param outcome the outcome, or null
   * @param ratings one rating per driver, each possibly null
   * @return this accumulator
   * @throws NullPointerException if {@code ratings} (the array) is null
   * @throws IllegalArgumentException if there is not one rating per driver
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverAccumulator acceptWithMissing(Integer outcome, Integer... ratings) {
    checkLength(Objects.requireNonNull(ratings, "ratings").length, drivers);
    if (fill(row, outcome, ratings)) {
      add();
    } else {
      incomplete++;
    }
    return this;
  }

  static void checkLength(int ratings, List<String> drivers) {
    if (ratings != drivers.size()) {
      throw new IllegalArgumentException(
          ratings + " ratings for the " + drivers.size() + " drivers " + drivers);
    }
  }

  /** Puts a complete response into {@code row}: the outcome, then the ratings. */
  static void fill(long[] row, int outcome, int[] ratings) {
    row[0] = outcome;
    for (int i = 0; i < ratings.length; i++) {
      row[i + 1] = ratings[i];
    }
  }

  /** Puts a response into {@code row} if no answer is missing, and says whether it did. */
  static boolean fill(long[] row, Integer outcome, Integer[] ratings) {
    if (outcome == null) {
      return false;
    }
    for (Integer rating : ratings) {
      if (rating == null) {
        return false;
      }
    }
    row[0] = outcome;
    for (int i = 0; i < ratings.length; i++) {
      row[i + 1] = ratings[i];
    }
    return true;
  }

  private void add() {
    int p = 0;
    for (int i = 0; i < variables; i++) {
      long a = row[i];
      sums[i] = Math.addExact(sums[i], a);
      for (int j = i; j < variables; j++) {
        products[p] = Math.addExact(products[p], a * row[j]);
        p++;
      }
    }
    count++;
  }

  /**
   * Adds what another accumulator of the same drivers holds.
   *
   * @param other the other accumulator, unchanged
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the drivers differ, naming both
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverAccumulator combine(DriverAccumulator other) {
    return add(other.snapshot());
  }

  /**
   * Adds the co-moments of an already aggregated value, e.g. one read back with {@link
   * DriverMoments#fromByteArray}.
   *
   * @param value co-moments of the same drivers
   * @return this accumulator
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the drivers differ, naming both
   * @throws ArithmeticException if a sum overflows a {@code long}; this accumulator is then
   *     unchanged
   */
  public DriverAccumulator add(DriverMoments value) {
    DriverMoments merged = snapshot().merge(value);
    for (int i = 0; i < variables; i++) {
      sums[i] = merged.sum(i);
    }
    System.arraycopy(merged.products(), 0, products, 0, products.length);
    count = merged.count();
    incomplete = merged.incomplete();
    return this;
  }

  /** {@return the co-moments counted so far, an immutable value} */
  public DriverMoments snapshot() {
    return new DriverMoments(drivers, count, incomplete, sums.clone(), products.clone());
  }
}
