package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;

/**
 * Customers of a discrete-time setting (annual donations, yearly events, seasonal catalogues), as
 * the BG/BB model takes them: for each row, the frequency {@code x} (transactions at the {@code n}
 * opportunities after the first), the recency {@code t_x} (the opportunity, 1 to {@code n}, of the
 * last of them; 0 when {@code x = 0}), the number {@code n} of opportunities, and how many
 * customers share the pattern (a base of 11,104 donors has 22 patterns).
 *
 * <p>Rules for each row: {@code n >= 0}; {@code 0 <= x <= t_x <= n} with {@code t_x = 0} exactly
 * when {@code x = 0} (each transaction takes its own opportunity); the count {@code >= 0}.
 */
public final class OpportunitySummaries {
  private final int[] frequency;
  private final int[] recency;
  private final int[] opportunities;
  private final long[] counts;
  private final long customers;

  private OpportunitySummaries(int[] frequency, int[] recency, int[] opportunities, long[] counts) {
    this.frequency = frequency;
    this.recency = recency;
    this.opportunities = opportunities;
    this.counts = counts;
    long total = 0;
    for (long c : counts) {
      total = Checks.addCounts("customers", total, c);
    }
    this.customers = total;
  }

  /**
   * Returns the summaries of patterns with counts, as published tables give them.
   *
   * @param frequency the frequency {@code x} of each row
   * @param recency the recency {@code t_x} of each row
   * @param opportunities the opportunities {@code n} of each row
   * @param counts the number of customers with each row's pattern
   * @return the summaries (the arrays are copied)
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or a row breaks the rules,
   *     naming its index and values
   */
  public static OpportunitySummaries ofCounts(
      int[] frequency, int[] recency, int[] opportunities, long[] counts) {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(opportunities, "opportunities");
    Objects.requireNonNull(counts, "counts");
    int size = frequency.length;
    if (recency.length != size || opportunities.length != size || counts.length != size) {
      throw new IllegalArgumentException(
          "frequency, recency, opportunities and counts must have one length, not "
              + size
              + ", "
              + recency.length
              + ", "
              + opportunities.length
              + " and "
              + counts.length);
    }
    for (int i = 0; i < size; i++) {
      check(frequency[i], recency[i], opportunities[i], "row at index " + i);
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "count " + counts[i] + " of the row at index " + i + " must be >= 0");
      }
    }
    return new OpportunitySummaries(
        frequency.clone(), recency.clone(), opportunities.clone(), counts.clone());
  }

  /**
   * Returns the summaries of one customer per row.
   *
   * @param frequency the frequency {@code x} of each customer
   * @param recency the recency {@code t_x} of each customer
   * @param opportunities the opportunities {@code n} of each customer
   * @return the summaries
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or a customer breaks the rules,
   *     naming its index and values
   */
  public static OpportunitySummaries of(int[] frequency, int[] recency, int[] opportunities) {
    long[] ones = new long[frequency.length];
    java.util.Arrays.fill(ones, 1);
    return ofCounts(frequency, recency, opportunities, ones);
  }

  /**
   * Checks one pattern.
   *
   * @throws IllegalArgumentException naming {@code where} and the values if it breaks the rules
   */
  static void check(int x, int tx, int n, String where) {
    boolean valid = n >= 0 && x >= 0 && x <= tx && tx <= n && (x == 0) == (tx == 0);
    if (!valid) {
      throw new IllegalArgumentException(
          "frequency "
              + x
              + ", recency "
              + tx
              + " and opportunities "
              + n
              + " of the "
              + where
              + " must satisfy 0 <= x <= t_x <= n, with t_x = 0 exactly when x = 0");
    }
  }

  /** {@return the number of rows} */
  public int size() {
    return frequency.length;
  }

  /** {@return the number of customers: the sum of the counts} */
  public long customers() {
    return customers;
  }

  /**
   * {@return the frequency {@code x} of row {@code i}}
   *
   * @param i a row index
   */
  public int frequency(int i) {
    return frequency[i];
  }

  /**
   * {@return the recency {@code t_x} of row {@code i}}
   *
   * @param i a row index
   */
  public int recency(int i) {
    return recency[i];
  }

  /**
   * {@return the opportunities {@code n} of row {@code i}}
   *
   * @param i a row index
   */
  public int opportunities(int i) {
    return opportunities[i];
  }

  /**
   * {@return the number of customers with the pattern of row {@code i}}
   *
   * @param i a row index
   */
  public long count(int i) {
    return counts[i];
  }

  /** Returns e.g. {@code OpportunitySummaries[22 rows, 11104 customers]}. */
  @Override
  public String toString() {
    return "OpportunitySummaries[" + size() + " rows, " + customers + " customers]";
  }
}
