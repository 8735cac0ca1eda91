package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The counting kernels against a plain reference loop, on every length from 0 to 300 (so that every
 * alignment and tail of the 8-byte words is met) and across the 255-word blocks of the SWAR
 * kernels, and with each kind of invalid value at every position.
 */
class HistogramsTest {
  private static final ValueRange S = ValueRange.of("value", "s");

  /**
   * Scales exercising each kernel: thresholds (up to 5 and 7 points), SWAR (bit planes up to 5 and
   * 8 points, thresholds above), the fallback loops, negative minimums.
   */
  private static final int[][] SCALES = {
    {0, 10},
    {1, 5},
    {1, 7},
    {0, 5},
    {2, 9},
    {121, 126},
    {0, 1},
    {1, 9},
    {0, 8},
    {-3, 1},
    {-2, 6},
    {100, 104},
    {120, 127},
    {-128, -120},
    {1, 10},
    {0, 100}
  };

  private static final int MAX_LENGTH = 300;

  private static long[] reference(int[] values, int min, int max) {
    long[] counts = new long[max - min + 1];
    for (int v : values) {
      counts[v - min]++;
    }
    return counts;
  }

  private static int[] valid(SplittableRandom random, int length, int min, int max) {
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      values[i] = min + random.nextInt(max - min + 1);
    }
    return values;
  }

  private static byte[] bytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static ValueRange scale(int min, int max) {
    return ValueRange.of("value", "[" + min + ", " + max + "]");
  }

  @Test
  void histogramsEqualAReferenceLoopAtEveryLength() {
    qt().withExamples(20)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              for (int[] scale : SCALES) {
                int min = scale[0];
                int max = scale[1];
                for (int length = 0; length <= MAX_LENGTH; length++) {
                  int[] values = valid(random, length, min, max);
                  long[] expected = reference(values, min, max);
                  long[] fromInts = new long[expected.length];
                  Histograms.count(values, min, fromInts, "values", scale(min, max));
                  assertThat(fromInts)
                      .as("int[] %s, length %d", scale(min, max), length)
                      .containsExactly(expected);
                  long[] fromBytes = new long[expected.length];
                  if (max <= Byte.MAX_VALUE && min >= Byte.MIN_VALUE) {
                    Histograms.count(bytes(values), min, fromBytes, "values", scale(min, max));
                    assertThat(fromBytes)
                        .as("byte[] %s, length %d", scale(min, max), length)
                        .containsExactly(expected);
                  }
                }
              }
            });
  }

  @Test
  void histogramsAddToExistingCounts() {
    long[] counts = {10, 20, 30, 40, 50};
    Histograms.count(new int[] {1, 5, 5}, 1, counts, "values", S);
    Histograms.count(new byte[] {2, 3}, 1, counts, "values", S);
    assertThat(counts).containsExactly(11, 21, 31, 40, 52);
  }

  @Test
  void atLeastCountsEqualAReferenceLoopAtEveryLength() {
    qt().withExamples(20)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              for (int length = 0; length <= MAX_LENGTH; length++) {
                int[] values = valid(random, length, 0, 10);
                long high = 0;
                long low = 0;
                for (int v : values) {
                  high += v >= 9 ? 1 : 0;
                  low += v >= 7 ? 1 : 0;
                }
                Histograms.AtLeast expected = new Histograms.AtLeast(high, low);
                assertThat(Histograms.countAtLeast(values, 0, 10, 9, 7, "v", S))
                    .isEqualTo(expected);
                // both int kernels, whichever this JDK selects
                assertThat(Histograms.countAtLeastCheckingBits(values, 0, 10, 9, 7, S))
                    .isEqualTo(expected);
                assertThat(Histograms.countAtLeastCheckingMinMax(values, 0, 10, 9, 7, S))
                    .isEqualTo(expected);
                assertThat(Histograms.countAtLeast(bytes(values), 0, 10, 9, 7, "v", S))
                    .isEqualTo(expected);
              }
            });
  }

  @Test
  void longInputsAcrossManyBlocks() {
    qt().withExamples(10)
        .forAll(longs().all(), integers().between(2040 * 3, 2040 * 5))
        .checkAssert(
            (seed, length) -> {
              SplittableRandom random = new SplittableRandom(seed);
              for (int[] scale : new int[][] {{0, 10}, {1, 5}, {1, 7}, {0, 5}, {0, 7}}) {
                int[] values = valid(random, length, scale[0], scale[1]);
                long[] expected = reference(values, scale[0], scale[1]);
                long[] fromBytes = new long[expected.length];
                Histograms.count(bytes(values), scale[0], fromBytes, "v", S);
                assertThat(fromBytes).containsExactly(expected);
                long[] fromInts = new long[expected.length];
                Histograms.count(values, scale[0], fromInts, "v", S);
                assertThat(fromInts).containsExactly(expected);
              }
              int[] nps = valid(random, length, 0, 10);
              long[] h = reference(nps, 0, 10);
              Histograms.AtLeast expected =
                  new Histograms.AtLeast(h[9] + h[10], h[7] + h[8] + h[9] + h[10]);
              assertThat(Histograms.countAtLeast(bytes(nps), 0, 10, 9, 7, "v", S))
                  .isEqualTo(expected);
              assertThat(Histograms.countAtLeast(nps, 0, 10, 9, 7, "v", S)).isEqualTo(expected);
              assertThat(Histograms.countAtLeastCheckingBits(nps, 0, 10, 9, 7, S))
                  .isEqualTo(expected);
              assertThat(Histograms.countAtLeastCheckingMinMax(nps, 0, 10, 9, 7, S))
                  .isEqualTo(expected);
            });
  }

  @Test
  void intInputsAcrossTheSixteenBitBlocks() {
    SplittableRandom random = new SplittableRandom(11);
    for (int length : new int[] {0xFFFF, 0xFFFF + 1, 2 * 0xFFFF + 17}) {
      for (int points : new int[] {5, 7}) {
        int[] values = valid(random, length, 1, points);
        long[] counts = new long[points];
        Histograms.count(values, 1, counts, "v", S);
        assertThat(counts).containsExactly(reference(values, 1, points));
        // every value at the top, or at the bottom: each 16-bit field reaches its block's length
        for (int value : new int[] {1, points}) {
          int[] same = new int[length];
          java.util.Arrays.fill(same, value);
          long[] expected = new long[points];
          expected[value - 1] = length;
          long[] got = new long[points];
          Histograms.count(same, 1, got, "v", S);
          assertThat(got).as("%d points, all %d", points, value).containsExactly(expected);
        }
      }
    }
  }

  /** Invalid values of every kind for a scale: just outside, far outside, the type's extremes. */
  private static int[] invalidInts(int min, int max) {
    return new int[] {min - 1, max + 1, Integer.MIN_VALUE, Integer.MAX_VALUE, -1 - max, min - 200};
  }

  private static int[] invalidBytes(int min, int max) {
    return java.util.stream.IntStream.of(
            min - 1, max + 1, Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0x7F & (min - 1))
        .filter(v -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE && (v < min || v > max))
        .toArray();
  }

  @Test
  @Tag("slow")
  void everyKindOfInvalidValueIsRejectedAtEveryPosition() {
    SplittableRandom random = new SplittableRandom(7);
    for (int[] scale : SCALES) {
      int min = scale[0];
      int max = scale[1];
      ValueRange description = scale(min, max);
      for (int length = 1; length <= 80; length++) {
        int[] values = valid(random, length, min, max);
        for (int position = 0; position < length; position++) {
          for (int bad : invalidInts(min, max)) {
            if (bad >= min && bad <= max) {
              continue;
            }
            int[] copy = values.clone();
            copy[position] = bad;
            // a second invalid value later must not hide the first
            if (position + 1 < length) {
              copy[length - 1] = bad;
            }
            String message =
                "value " + bad + " at index " + position + " is outside " + description;
            long[] counts = new long[max - min + 1];
            assertThatThrownBy(() -> Histograms.count(copy, min, counts, "v", description))
                .hasMessage(message);
            assertThat(counts).containsOnly(0);
            if (min == 0 && max == 10) {
              assertThatThrownBy(() -> Histograms.countAtLeast(copy, 0, 10, 9, 7, "v", description))
                  .hasMessage(message);
              assertThatThrownBy(
                      () -> Histograms.countAtLeastCheckingBits(copy, 0, 10, 9, 7, description))
                  .hasMessage(message);
              assertThatThrownBy(
                      () -> Histograms.countAtLeastCheckingMinMax(copy, 0, 10, 9, 7, description))
                  .hasMessage(message);
            }
          }
          if (min < Byte.MIN_VALUE || max > Byte.MAX_VALUE) {
            continue;
          }
          for (int bad : invalidBytes(min, max)) {
            byte[] copy = bytes(values);
            copy[position] = (byte) bad;
            String message =
                "value " + bad + " at index " + position + " is outside " + description;
            long[] counts = new long[max - min + 1];
            assertThatThrownBy(() -> Histograms.count(copy, min, counts, "v", description))
                .hasMessage(message);
            assertThat(counts).containsOnly(0);
            if (min == 0 && max == 10) {
              assertThatThrownBy(() -> Histograms.countAtLeast(copy, 0, 10, 9, 7, "v", description))
                  .hasMessage(message);
            }
          }
        }
      }
    }
  }

  @Test
  void anInvalidValueDeepInALongInputIsFound() {
    int length = 2040 * 4 + 3;
    for (int position : new int[] {0, 2039, 2040, 5000, length - 4, length - 1}) {
      byte[] values = new byte[length];
      java.util.Arrays.fill(values, (byte) 9);
      values[position] = 11;
      assertThatThrownBy(() -> Histograms.countAtLeast(values, 0, 10, 9, 7, "v", S))
          .hasMessage("value 11 at index " + position + " is outside s");
      assertThatThrownBy(() -> Histograms.count(values, 1, new long[5], "v", S))
          .hasMessage("value " + values[0] + " at index 0 is outside s");
    }
  }

  @Test
  void nullInputNamesTheParameter() {
    assertThatThrownBy(() -> Histograms.count((int[]) null, 0, new long[3], "ratings", S))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ratings");
    assertThatThrownBy(() -> Histograms.countAtLeast((byte[]) null, 0, 10, 9, 7, "responses", S))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("responses");
  }
}
