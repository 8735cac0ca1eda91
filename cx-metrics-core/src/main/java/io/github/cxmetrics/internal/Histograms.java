package io.github.cxmetrics.internal;

import java.util.Objects;

/**
 * Counting kernels: one pass over an array that validates every value against a closed range {@code
 * [min, max]} and adds its count to a histogram. Shared by NPS, CSAT and CES.
 *
 * <p>The kernels allocate nothing per element and stop at the first invalid value, naming it, its
 * index and the range, so that nothing is counted silently from a corrupt input.
 */
public final class Histograms {
  private Histograms() {}

  /**
   * Adds the counts of {@code values} to {@code counts}, where {@code counts[k]} counts the value
   * {@code min + k}.
   *
   * @param values the values; {@code null} fails with a {@link NullPointerException} naming {@code
   *     parameter}
   * @param min the smallest valid value
   * @param counts the histogram, of length {@code max - min + 1}
   * @param parameter the name of the input, for messages
   * @param scale a description of the valid range, for messages (e.g. "the NPS scale [0, 10]")
   * @throws IllegalArgumentException at the first value outside the range; {@code counts} is then
   *     left unchanged
   */
  public static void count(int[] values, int min, long[] counts, String parameter, String scale) {
    Objects.requireNonNull(values, parameter);
    int size = counts.length;
    int[] local = new int[size];
    for (int i = 0; i < values.length; i++) {
      int k = values[i] - min;
      if (Integer.compareUnsigned(k, size) >= 0) {
        throw outside(values[i], i, scale);
      }
      local[k]++;
    }
    for (int k = 0; k < size; k++) {
      counts[k] += local[k];
    }
  }

  /**
   * Adds the counts of {@code values}, read as signed bytes, to {@code counts}; otherwise as {@link
   * #count(int[], int, long[], String, String)}.
   */
  public static void count(byte[] values, int min, long[] counts, String parameter, String scale) {
    Objects.requireNonNull(values, parameter);
    int size = counts.length;
    int[] local = new int[size];
    for (int i = 0; i < values.length; i++) {
      int k = values[i] - min;
      if (Integer.compareUnsigned(k, size) >= 0) {
        throw outside(values[i], i, scale);
      }
      local[k]++;
    }
    for (int k = 0; k < size; k++) {
      counts[k] += local[k];
    }
  }

  /**
   * The exception for a value outside the range: {@code "response 11 at index 3 is outside the NPS
   * scale [0, 10]"}.
   */
  public static IllegalArgumentException outside(long value, long index, String scale) {
    return new IllegalArgumentException(
        "response " + value + " at index " + index + " is outside " + scale);
  }

  /** The exception for a value outside the range when no index is known. */
  public static IllegalArgumentException outside(long value, String scale) {
    return new IllegalArgumentException("response " + value + " is outside " + scale);
  }
}
