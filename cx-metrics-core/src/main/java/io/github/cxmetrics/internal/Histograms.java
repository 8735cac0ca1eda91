package io.github.cxmetrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Counting kernels: one pass over an array that validates every value against a closed range {@code
 * [min, max]} and counts it. Shared by NPS, CSAT and CES.
 *
 * <p>The kernels allocate nothing per element and never count a corrupt input: the range check runs
 * in the same pass, as a branch-free accumulation of the values' out-of-range bits; only when that
 * accumulation shows a bad value is the input scanned again to name the first one, its index and
 * the range.
 *
 * <p>Techniques, chosen from the benchmarks in {@code cx-metrics-benchmarks}:
 *
 * <ul>
 *   <li>{@code int[]}: "at least t" indicators computed as {@code (t - 1 - v) >>> 31} and summed,
 *       which the JIT compiles to SIMD reductions, two indicators to an {@code int} in 16-bit
 *       fields where four (scales of up to 5 points) or six (up to 7 points) are needed; a plain
 *       histogram loop for larger scales.
 *   <li>{@code byte[]}: SWAR (SIMD within a register) on 64-bit words of 8 answers: for answers in
 *       0..127, {@code (w + (0x80 - t) * 0x0101010101010101) & 0x8080808080808080} sets the top bit
 *       of each byte that is at least {@code t}, with no carry between bytes; the bits are summed
 *       in byte lanes for up to 255 words, then the lanes are added in pairs and folded with a
 *       multiplication by {@code 0x0001000100010001} (H. S. Warren, <i>Hacker's Delight</i>, 2nd
 *       ed., 2012, sections 5-1 and 6-1). Scales of up to 5 and up to 8 points count the bit planes
 *       of {@code v - min} (and their joint occurrences) in one pass instead, larger ones four
 *       thresholds a pass.
 * </ul>
 */
public final class Histograms {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  /** Words per block of byte-lane sums: each lane gains at most 1 per word, so 255 fit a byte. */
  private static final int WORDS_PER_BLOCK = 255;

  /** Values per block of 16-bit field sums: each field gains at most 1 per value. */
  private static final int INTS_PER_BLOCK = 0xFFFF;

  /** Bit 0 of each 16-bit field. */
  private static final int FIELD_LOW_BITS = 0x0001_0001;

  /** {@code 0x8000 + j - 1} in the fields for j = 1 (low) and j = 2 (high). */
  private static final int BELOW_ONE_AND_TWO = 0x8001_8000;

  /** {@code 0x8000 + j - 1} in the fields for j = 3 (low) and j = 4 (high). */
  private static final int BELOW_THREE_AND_FOUR = 0x8003_8002;

  /** The largest scale counted by thresholds in {@code int[]} kernels (4 thresholds). */
  private static final int MAX_THRESHOLD_POINTS = 5;

  /** {@code 0x8000 + j - 1} in the fields for j = 5 (low) and j = 6 (high). */
  private static final int BELOW_FIVE_AND_SIX = 0x8005_8004;

  /** The largest scale counted by six thresholds in {@code int[]} kernels. */
  private static final int MAX_SIX_THRESHOLD_POINTS = 7;

  /** The largest scale counted by SWAR in {@code byte[]} kernels (3 passes of 4 thresholds). */
  private static final int MAX_SWAR_POINTS = 13;

  /**
   * Whether the {@code int[]} NPS kernel validates by running minimum and maximum, which C2
   * vectorises on JDK 25 (measured: NPS over {@code int[]} 1.17 times the plain sum, against 1.40
   * with the sign-bit check) but not on JDK 17 (4 times slower than the sign-bit check there). JDK
   * 21 to 24 were not measured and keep the sign-bit check, the kernel measured on 17.
   */
  static final boolean MIN_MAX_REDUCTIONS = Runtime.version().feature() >= 25;

  private Histograms() {}

  /**
   * How many values are at least each of two thresholds.
   *
   * @param high the count of values {@code >= high}
   * @param low the count of values {@code >= low}
   */
  public record AtLeast(long high, long low) {}

  /**
   * Validates {@code values} against {@code [min, max]} and returns how many are at least {@code
   * high} and how many are at least {@code low}.
   *
   * @param values the values; {@code null} fails with a {@link NullPointerException} naming {@code
   *     parameter}
   * @param min the smallest valid value
   * @param max the largest valid value
   * @param high a threshold in {@code (min, max]}
   * @param low a threshold in {@code (min, max]}
   * @param parameter the name of the input, for messages
   * @param scale the valid range, for messages (e.g. "the NPS scale [0, 10]")
   * @return {@code count(v >= high)} and {@code count(v >= low)}
   * @throws IllegalArgumentException naming the first value outside the range and its index
   */
  public static AtLeast countAtLeast(
      int[] values, int min, int max, int high, int low, String parameter, ValueRange scale) {
    Objects.requireNonNull(values, parameter);
    return MIN_MAX_REDUCTIONS
        ? countAtLeastCheckingMinMax(values, min, max, high, low, scale)
        : countAtLeastCheckingBits(values, min, max, high, low, scale);
  }

  /**
   * The {@code int[]} "at least" kernel validating by the sign bits of {@code v - min} and {@code
   * max - v}, accumulated by OR: three operations a value, all vectorised by C2 on JDK 17.
   */
  static AtLeast countAtLeastCheckingBits(
      int[] values, int min, int max, int high, int low, ValueRange scale) {
    int span = max - min;
    int highMinusOne = high - 1 - min;
    int lowMinusOne = low - 1 - min;
    int atLeastHigh = 0;
    int atLeastLow = 0;
    int bad = 0;
    for (int i = 0; i < values.length; i++) {
      int r = values[i] - min;
      bad |= r | (span - r);
      atLeastHigh += (highMinusOne - r) >>> 31;
      atLeastLow += (lowMinusOne - r) >>> 31;
    }
    if (bad < 0) {
      throw firstOutside(values, min, max, scale);
    }
    return new AtLeast(atLeastHigh, atLeastLow);
  }

  /**
   * The {@code int[]} "at least" kernel validating by the running minimum and maximum: two
   * operations a value, which C2 on JDK 25 turns into vector min and max reductions (on JDK 17 they
   * stay scalar and the loop runs about four times slower). A value far outside the range may wrap
   * the threshold differences, but the range check then fails and no count is returned.
   */
  static AtLeast countAtLeastCheckingMinMax(
      int[] values, int min, int max, int high, int low, ValueRange scale) {
    int highMinusOne = high - 1;
    int lowMinusOne = low - 1;
    int atLeastHigh = 0;
    int atLeastLow = 0;
    int lowest = min;
    int highest = max;
    for (int i = 0; i < values.length; i++) {
      int v = values[i];
      lowest = Math.min(lowest, v);
      highest = Math.max(highest, v);
      atLeastHigh += (highMinusOne - v) >>> 31;
      atLeastLow += (lowMinusOne - v) >>> 31;
    }
    if (lowest < min || highest > max) {
      throw firstOutside(values, min, max, scale);
    }
    return new AtLeast(atLeastHigh, atLeastLow);
  }

  /**
   * Validates byte {@code values} against {@code [min, max]}, with {@code 0 <= min < max <= 127},
   * and returns how many are at least {@code high} and at least {@code low}; otherwise as {@link
   * #countAtLeast(int[], int, int, int, int, String, ValueRange)}.
   */
  public static AtLeast countAtLeast(
      byte[] values, int min, int max, int high, int low, String parameter, ValueRange scale) {
    Objects.requireNonNull(values, parameter);
    long minimums = min * ONES;
    long aboveSpan = (0x7F - (max - min)) * ONES;
    long highAdd = (0x80 - (high - min)) * ONES;
    long lowAdd = (0x80 - (low - min)) * ONES;
    int n = values.length;
    int words = n >>> 3;
    long atLeastHigh = 0;
    long atLeastLow = 0;
    int word = 0;
    while (word < words) {
      int blockEnd = Math.min(words, word + WORDS_PER_BLOCK);
      long bad = 0;
      long laneHigh = 0;
      long laneLow = 0;
      for (; word < blockEnd; word++) {
        long r = (long) LONGS.get(values, word << 3) - minimums;
        bad |= r | (r + aboveSpan);
        laneHigh += ((r + highAdd) & HIGHS) >>> 7;
        laneLow += ((r + lowAdd) & HIGHS) >>> 7;
      }
      if ((bad & HIGHS) != 0) {
        throw firstOutside(values, min, max, scale);
      }
      atLeastHigh += laneSum(laneHigh);
      atLeastLow += laneSum(laneLow);
    }
    for (int i = words << 3; i < n; i++) {
      int v = values[i];
      if (v < min || v > max) {
        throw scale.outside(v, i);
      }
      atLeastHigh += v >= high ? 1 : 0;
      atLeastLow += v >= low ? 1 : 0;
    }
    return new AtLeast(atLeastHigh, atLeastLow);
  }

  /**
   * Adds the counts of {@code values} to {@code counts}, where {@code counts[k]} counts the value
   * {@code min + k}.
   *
   * @param values the values; {@code null} fails with a {@link NullPointerException} naming {@code
   *     parameter}
   * @param min the smallest valid value
   * @param counts the histogram, of length {@code max - min + 1}
   * @param parameter the name of the input, for messages
   * @param scale the valid range, for messages (e.g. "the NPS scale [0, 10]")
   * @throws IllegalArgumentException at the first value outside the range; {@code counts} is then
   *     left unchanged
   */
  public static void count(
      int[] values, int min, long[] counts, String parameter, ValueRange scale) {
    Objects.requireNonNull(values, parameter);
    if (counts.length <= MAX_THRESHOLD_POINTS) {
      countByThresholds(values, min, counts, scale);
      return;
    }
    if (counts.length <= MAX_SIX_THRESHOLD_POINTS) {
      countBySixThresholds(values, min, counts, scale);
      return;
    }
    int size = counts.length;
    int[] local = new int[size];
    for (int i = 0; i < values.length; i++) {
      int k = values[i] - min;
      if (Integer.compareUnsigned(k, size) >= 0) {
        throw scale.outside(values[i], i);
      }
      local[k]++;
    }
    for (int k = 0; k < size; k++) {
      counts[k] += local[k];
    }
  }

  /**
   * Scales of at most 5 points: the four "below min + j" indicators, two to an {@code int} in
   * 16-bit fields. With {@code r = v - min} copied into both fields, {@code R = r | r << 16}, the
   * field of {@code (0x8000 + j - 1) - r} keeps its bit 15 exactly when {@code r < j} (no field
   * borrows for {@code 0 <= r < 0x8000}); the bits are summed as SIMD reductions over blocks of
   * {@value #INTS_PER_BLOCK} values, so no field overflows, and unpacked after each block.
   */
  private static void countByThresholds(int[] values, int min, long[] counts, ValueRange scale) {
    int span = counts.length - 1;
    long[] below = new long[4];
    int bad = 0;
    for (int start = 0; start < values.length; start += INTS_PER_BLOCK) {
      int end = Math.min(values.length, start + INTS_PER_BLOCK);
      int belowOneAndTwo = 0;
      int belowThreeAndFour = 0;
      for (int i = start; i < end; i++) {
        int r = values[i] - min;
        bad |= r | (span - r);
        int both = r | r << 16;
        belowOneAndTwo += ((BELOW_ONE_AND_TWO - both) >>> 15) & FIELD_LOW_BITS;
        belowThreeAndFour += ((BELOW_THREE_AND_FOUR - both) >>> 15) & FIELD_LOW_BITS;
      }
      if (bad < 0) {
        throw firstOutside(values, min, min + span, scale);
      }
      below[0] += belowOneAndTwo & 0xFFFF;
      below[1] += belowOneAndTwo >>> 16;
      below[2] += belowThreeAndFour & 0xFFFF;
      below[3] += belowThreeAndFour >>> 16;
    }
    long[] atLeast = new long[4];
    for (int j = 0; j < 4; j++) {
      atLeast[j] = values.length - below[j];
    }
    addCumulative(counts, values.length, atLeast);
  }

  /**
   * Scales of 6 or 7 points: as {@link #countByThresholds}, with a third {@code int} of two 16-bit
   * fields for the thresholds 5 and 6 (for 6 points the sixth counts nothing and is not used).
   */
  private static void countBySixThresholds(int[] values, int min, long[] counts, ValueRange scale) {
    int span = counts.length - 1;
    long[] below = new long[6];
    int bad = 0;
    for (int start = 0; start < values.length; start += INTS_PER_BLOCK) {
      int end = Math.min(values.length, start + INTS_PER_BLOCK);
      int belowOneAndTwo = 0;
      int belowThreeAndFour = 0;
      int belowFiveAndSix = 0;
      for (int i = start; i < end; i++) {
        int r = values[i] - min;
        bad |= r | (span - r);
        int both = r | r << 16;
        belowOneAndTwo += ((BELOW_ONE_AND_TWO - both) >>> 15) & FIELD_LOW_BITS;
        belowThreeAndFour += ((BELOW_THREE_AND_FOUR - both) >>> 15) & FIELD_LOW_BITS;
        belowFiveAndSix += ((BELOW_FIVE_AND_SIX - both) >>> 15) & FIELD_LOW_BITS;
      }
      if (bad < 0) {
        throw firstOutside(values, min, min + span, scale);
      }
      below[0] += belowOneAndTwo & 0xFFFF;
      below[1] += belowOneAndTwo >>> 16;
      below[2] += belowThreeAndFour & 0xFFFF;
      below[3] += belowThreeAndFour >>> 16;
      below[4] += belowFiveAndSix & 0xFFFF;
      below[5] += belowFiveAndSix >>> 16;
    }
    long[] atLeast = new long[6];
    for (int j = 0; j < 6; j++) {
      atLeast[j] = values.length - below[j];
    }
    addCumulative(counts, values.length, atLeast);
  }

  /**
   * Adds the counts of byte {@code values} to {@code counts}; otherwise as {@link #count(int[],
   * int, long[], String, ValueRange)}.
   */
  public static void count(
      byte[] values, int min, long[] counts, String parameter, ValueRange scale) {
    Objects.requireNonNull(values, parameter);
    int max = min + counts.length - 1;
    if (min >= 0 && max <= Byte.MAX_VALUE && counts.length <= MAX_SWAR_POINTS) {
      countBySwar(values, min, counts, scale);
      return;
    }
    int size = counts.length;
    int[] local = new int[size];
    for (int i = 0; i < values.length; i++) {
      int k = values[i] - min;
      if (Integer.compareUnsigned(k, size) >= 0) {
        throw scale.outside(values[i], i);
      }
      local[k]++;
    }
    for (int k = 0; k < size; k++) {
      counts[k] += local[k];
    }
  }

  /**
   * Scales within 0..127 of at most {@value #MAX_SWAR_POINTS} points: the "at least min + j"
   * counts, four thresholds a pass over the input.
   */
  private static void countBySwar(byte[] values, int min, long[] counts, ValueRange scale) {
    if (counts.length <= 5) {
      countFiveBySwarBits(values, min, counts, scale);
      return;
    }
    if (counts.length <= 8) {
      countEightBySwarBits(values, min, counts, scale);
      return;
    }
    long[] atLeast = new long[counts.length - 1];
    for (int first = 1; first < counts.length; first += 4) {
      atLeastFour(values, min, counts.length - 1, first, atLeast, scale);
    }
    addCumulative(counts, values.length, atLeast);
  }

  /**
   * Scales within 0..127 of at most 5 points, so that {@code r = v - min} is in 0..4: one SWAR pass
   * counting bit planes. Bit 2 of {@code r} is set only for 4, bit 0 for 1 and 3, bit 1 for 2 and
   * 3, and bits 0 and 1 together only for 3; so with {@code B_k} the count of bit {@code k} and
   * {@code T} the count of both low bits: {@code c4 = B_2}, {@code c3 = T}, {@code c1 = B_0 - T},
   * {@code c2 = B_1 - T} and {@code c0} the rest. The input is validated as in {@link
   * #atLeastFour}.
   */
  private static void countFiveBySwarBits(byte[] values, int min, long[] counts, ValueRange scale) {
    int span = counts.length - 1;
    long minimums = min * ONES;
    long aboveSpan = (0x7F - span) * ONES;
    long bit0 = 0;
    long bit1 = 0;
    long bit2 = 0;
    long three = 0;
    int n = values.length;
    int words = n >>> 3;
    int word = 0;
    while (word < words) {
      int blockEnd = Math.min(words, word + WORDS_PER_BLOCK);
      long bad = 0;
      long lane0 = 0;
      long lane1 = 0;
      long lane2 = 0;
      long laneThree = 0;
      for (; word < blockEnd; word++) {
        long r = (long) LONGS.get(values, word << 3) - minimums;
        bad |= r | (r + aboveSpan);
        long half = r >>> 1;
        long b0 = r & ONES;
        lane0 += b0;
        lane1 += half & ONES;
        lane2 += (r >>> 2) & ONES;
        laneThree += b0 & half;
      }
      if ((bad & HIGHS) != 0) {
        throw firstOutside(values, min, min + span, scale);
      }
      bit0 += laneSum(lane0);
      bit1 += laneSum(lane1);
      bit2 += laneSum(lane2);
      three += laneSum(laneThree);
    }
    long[] local = new long[5];
    local[1] = bit0 - three;
    local[2] = bit1 - three;
    local[3] = three;
    local[4] = bit2;
    for (int i = words << 3; i < n; i++) {
      int r = values[i] - min;
      if (r < 0 || r > span) {
        throw scale.outside(values[i], i);
      }
      local[r]++;
    }
    local[0] = n - local[1] - local[2] - local[3] - local[4];
    for (int k = 0; k < counts.length; k++) {
      counts[k] += local[k];
    }
  }

  /**
   * Scales within 0..127 of 6 to 8 points, so that {@code r = v - min} is in 0..7: one SWAR pass
   * counting the joint bit planes of {@code r}. With {@code A_S} the count of values whose bits
   * include the set {@code S} of {0, 1, 2} ({@code A_{}} = n), the count of the value whose bits
   * are exactly {@code R} is {@code c_R = sum over S containing R of (-1)^|S - R| A_S} (the Moebius
   * inversion of the subset lattice; R. P. Stanley, <i>Enumerative Combinatorics</i>, vol. 1, 2nd
   * ed., 2012, section 2.1): {@code c7 = A_012}, {@code c3 = A_01 - A_012}, {@code c1 = A_0 - A_01
   * - A_02 + A_012}, and so on. Scales of at most 7 points skip {@code A_012}, which is then 0. The
   * input is validated as in {@link #atLeastFour}.
   */
  private static void countEightBySwarBits(
      byte[] values, int min, long[] counts, ValueRange scale) {
    int span = counts.length - 1;
    boolean eightPoints = span == 7;
    long minimums = min * ONES;
    long aboveSpan = (0x7F - span) * ONES;
    long[] joint = new long[8]; // A_S, S as a bit mask
    int n = values.length;
    int words = n >>> 3;
    int word = 0;
    while (word < words) {
      int blockEnd = Math.min(words, word + WORDS_PER_BLOCK);
      long bad = 0;
      long lane0 = 0;
      long lane1 = 0;
      long lane2 = 0;
      long lane01 = 0;
      long lane02 = 0;
      long lane12 = 0;
      long lane012 = 0;
      if (eightPoints) {
        for (; word < blockEnd; word++) {
          long r = (long) LONGS.get(values, word << 3) - minimums;
          bad |= r | (r + aboveSpan);
          long half = r >>> 1;
          long quarter = r >>> 2;
          long b0 = r & ONES;
          long b1 = half & ONES;
          long b01 = b0 & half;
          lane0 += b0;
          lane1 += b1;
          lane2 += quarter & ONES;
          lane01 += b01;
          lane02 += b0 & quarter;
          lane12 += b1 & quarter;
          lane012 += b01 & quarter;
        }
      } else {
        for (; word < blockEnd; word++) {
          long r = (long) LONGS.get(values, word << 3) - minimums;
          bad |= r | (r + aboveSpan);
          long half = r >>> 1;
          long quarter = r >>> 2;
          long b0 = r & ONES;
          long b1 = half & ONES;
          lane0 += b0;
          lane1 += b1;
          lane2 += quarter & ONES;
          lane01 += b0 & half;
          lane02 += b0 & quarter;
          lane12 += b1 & quarter;
        }
      }
      if ((bad & HIGHS) != 0) {
        throw firstOutside(values, min, min + span, scale);
      }
      joint[1] += laneSum(lane0);
      joint[2] += laneSum(lane1);
      joint[4] += laneSum(lane2);
      joint[3] += laneSum(lane01);
      joint[5] += laneSum(lane02);
      joint[6] += laneSum(lane12);
      joint[7] += laneSum(lane012);
    }
    long[] local = new long[8];
    for (int i = words << 3; i < n; i++) {
      int r = values[i] - min;
      if (r < 0 || r > span) {
        throw scale.outside(values[i], i);
      }
      local[r]++;
    }
    joint[0] = words << 3;
    for (int bits = 7; bits >= 0; bits--) {
      long c = 0;
      for (int superset = bits; superset < 8; superset = (superset + 1) | bits) {
        c += Integer.bitCount(superset ^ bits) % 2 == 0 ? joint[superset] : -joint[superset];
      }
      local[bits] += c;
    }
    for (int k = 0; k < counts.length; k++) {
      counts[k] += local[k];
    }
  }

  /**
   * One SWAR pass: validates {@code values} against {@code [min, min + span]} (the caller has
   * checked {@code 0 <= min} and {@code min + span <= 127}) and stores how many are at least {@code
   * min + j} in {@code atLeast[j - 1]}, for {@code j = first .. min(first + 3, span)}.
   *
   * <p>With {@code r = w - min * 0x0101010101010101}, every byte of {@code r} is its value minus
   * {@code min} when all eight are valid; a byte below {@code min} borrows and sets its top bit,
   * and a byte above {@code min + span} sets the top bit of {@code r + (0x7F - span) * 0x01..01},
   * so one OR of both finds any invalid byte.
   */
  private static void atLeastFour(
      byte[] values, int min, int span, int first, long[] atLeast, ValueRange scale) {
    long minimums = min * ONES;
    long aboveSpan = (0x7F - span) * ONES;
    // "r >= j" sets the top bit of r + (0x80 - j); past the span the constant 0 sets none
    long add1 = first <= span ? (0x80 - first) * ONES : 0;
    long add2 = first + 1 <= span ? (0x80 - first - 1) * ONES : 0;
    long add3 = first + 2 <= span ? (0x80 - first - 2) * ONES : 0;
    long add4 = first + 3 <= span ? (0x80 - first - 3) * ONES : 0;
    long sum1 = 0;
    long sum2 = 0;
    long sum3 = 0;
    long sum4 = 0;
    int n = values.length;
    int words = n >>> 3;
    int word = 0;
    while (word < words) {
      int blockEnd = Math.min(words, word + WORDS_PER_BLOCK);
      long bad = 0;
      long lane1 = 0;
      long lane2 = 0;
      long lane3 = 0;
      long lane4 = 0;
      for (; word < blockEnd; word++) {
        long r = (long) LONGS.get(values, word << 3) - minimums;
        bad |= r | (r + aboveSpan);
        lane1 += ((r + add1) & HIGHS) >>> 7;
        lane2 += ((r + add2) & HIGHS) >>> 7;
        lane3 += ((r + add3) & HIGHS) >>> 7;
        lane4 += ((r + add4) & HIGHS) >>> 7;
      }
      if ((bad & HIGHS) != 0) {
        throw firstOutside(values, min, min + span, scale);
      }
      sum1 += laneSum(lane1);
      sum2 += laneSum(lane2);
      sum3 += laneSum(lane3);
      sum4 += laneSum(lane4);
    }
    for (int i = words << 3; i < n; i++) {
      int r = values[i] - min;
      if (r < 0 || r > span) {
        throw scale.outside(values[i], i);
      }
      sum1 += r >= first ? 1 : 0;
      sum2 += r >= first + 1 ? 1 : 0;
      sum3 += r >= first + 2 ? 1 : 0;
      sum4 += r >= first + 3 ? 1 : 0;
    }
    long[] sums = {sum1, sum2, sum3, sum4};
    for (int k = 0; k < 4 && first + k <= span; k++) {
      atLeast[first - 1 + k] = sums[k];
    }
  }

  /** The sum of the eight byte lanes of {@code lanes} (at most 8 * 255). */
  private static long laneSum(long lanes) {
    long pairs = (lanes & 0x00FF_00FF_00FF_00FFL) + ((lanes >>> 8) & 0x00FF_00FF_00FF_00FFL);
    return (pairs * 0x0001_0001_0001_0001L) >>> 48;
  }

  /**
   * Turns "at least min + j" counts ({@code atLeast[j - 1]}, j = 1..) of {@code n} values into
   * per-value counts and adds them: {@code counts[k] += atLeast(k) - atLeast(k + 1)}, with {@code
   * atLeast(0) = n} and {@code atLeast(points) = 0}.
   */
  private static void addCumulative(long[] counts, long n, long[] atLeast) {
    long previous = n;
    for (int k = 0; k < counts.length; k++) {
      long next = k < counts.length - 1 ? atLeast[k] : 0;
      counts[k] += previous - next;
      previous = next;
    }
  }

  private static IllegalArgumentException firstOutside(
      int[] values, int min, int max, ValueRange scale) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < min || values[i] > max) {
        return scale.outside(values[i], i);
      }
    }
    throw new AssertionError("no value outside [" + min + ", " + max + "]");
  }

  private static IllegalArgumentException firstOutside(
      byte[] values, int min, int max, ValueRange scale) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < min || values[i] > max) {
        return scale.outside(values[i], i);
      }
    }
    throw new AssertionError("no value outside [" + min + ", " + max + "]");
  }
}
