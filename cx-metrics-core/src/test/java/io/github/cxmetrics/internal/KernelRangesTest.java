package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two-threshold kernels on ranges that do not start at 0, against a plain loop. */
class KernelRangesTest {
  private static final ValueRange S = ValueRange.of("value", "s");

  @Test
  void atLeastCountsOnShiftedRanges() {
    SplittableRandom random = new SplittableRandom(3);
    int[][] ranges = {{1, 5, 4, 2}, {100, 120, 118, 103}, {-7, 3, 2, -5}, {20, 27, 27, 21}};
    for (int[] range : ranges) {
      int min = range[0];
      int max = range[1];
      int high = range[2];
      int low = range[3];
      for (int length = 0; length < 70; length++) {
        int[] values = random.ints(length, min, max + 1).toArray();
        long h = 0;
        long l = 0;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
          h += values[i] >= high ? 1 : 0;
          l += values[i] >= low ? 1 : 0;
          bytes[i] = (byte) values[i];
        }
        Histograms.AtLeast expected = new Histograms.AtLeast(h, l);
        assertThat(Histograms.countAtLeast(values, min, max, high, low, "v", S))
            .isEqualTo(expected);
        if (min >= 0) {
          assertThat(Histograms.countAtLeast(bytes, min, max, high, low, "v", S))
              .as("byte %d..%d length %d", min, max, length)
              .isEqualTo(expected);
        }
      }
      int[] bad = {min, max + 1};
      assertThatThrownBy(() -> Histograms.countAtLeast(bad, min, max, high, low, "v", S))
          .hasMessage("value " + (max + 1) + " at index 1 is outside s");
      int[] below = {min - 1};
      assertThatThrownBy(() -> Histograms.countAtLeast(below, min, max, high, low, "v", S))
          .hasMessage("value " + (min - 1) + " at index 0 is outside s");
    }
  }

  @Test
  void byteKernelRejectsValuesJustOutsideShiftedRanges() {
    byte[] justBelow = new byte[17];
    java.util.Arrays.fill(justBelow, (byte) 30);
    justBelow[9] = 19;
    assertThatThrownBy(() -> Histograms.countAtLeast(justBelow, 20, 40, 35, 25, "v", S))
        .hasMessage("value 19 at index 9 is outside s");
    byte[] justAbove = justBelow.clone();
    justAbove[9] = 41;
    assertThatThrownBy(() -> Histograms.countAtLeast(justAbove, 20, 40, 35, 25, "v", S))
        .hasMessage("value 41 at index 9 is outside s");
  }
}
