package io.github.cxmetrics.value;

import java.util.Arrays;

/**
 * Customers sorted by an integer count (a purchase frequency), in groups of equal count, so that a
 * likelihood computes its gamma-function terms once per distinct count.
 */
final class FrequencyGroups {
  /** The distinct counts, ascending. */
  final int[] count;

  /** Group {@code g} is the sorted positions {@code [start[g], start[g + 1])}. */
  final int[] start;

  /** {@code order[j]} is the original index of the customer at sorted position {@code j}. */
  private final int[] order;

  /**
   * Groups customers by their counts.
   *
   * @param counts each customer's count, {@code >= 0}
   */
  FrequencyGroups(int[] counts) {
    int n = counts.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) counts[i] << 32) | i;
    }
    Arrays.sort(keys);
    order = new int[n];
    int[] distinct = new int[n];
    int[] starts = new int[n + 1];
    int groups = 0;
    for (int j = 0; j < n; j++) {
      order[j] = (int) keys[j];
      int x = (int) (keys[j] >>> 32);
      if (groups == 0 || distinct[groups - 1] != x) {
        distinct[groups] = x;
        starts[groups] = j;
        groups++;
      }
    }
    starts[groups] = n;
    count = Arrays.copyOf(distinct, groups);
    start = Arrays.copyOf(starts, groups + 1);
  }

  /**
   * Returns each group's total weight.
   *
   * @param sortedWeights each customer row's weight at its sorted position, or null when every row
   *     weighs 1
   * @return per group the sum of its rows' weights (its number of rows when unweighted)
   */
  double[] totals(double[] sortedWeights) {
    double[] totals = new double[count.length];
    for (int g = 0; g < count.length; g++) {
      if (sortedWeights == null) {
        totals[g] = start[g + 1] - start[g];
      } else {
        for (int j = start[g]; j < start[g + 1]; j++) {
          totals[g] += sortedWeights[j];
        }
      }
    }
    return totals;
  }

  /**
   * Returns {@code values} in sorted order.
   *
   * @param values one value per customer, in the original order
   * @return the values at the sorted positions
   */
  double[] sorted(double[] values) {
    double[] sorted = new double[order.length];
    for (int j = 0; j < order.length; j++) {
      sorted[j] = values[order[j]];
    }
    return sorted;
  }

  /**
   * Returns {@code counts} in sorted order, as doubles.
   *
   * @param counts one count per customer row, in the original order
   * @return the counts at the sorted positions
   */
  double[] sorted(long[] counts) {
    double[] sorted = new double[order.length];
    for (int j = 0; j < order.length; j++) {
      sorted[j] = counts[order[j]];
    }
    return sorted;
  }
}
