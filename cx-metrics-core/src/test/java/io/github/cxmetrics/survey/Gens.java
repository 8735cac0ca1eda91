package io.github.cxmetrics.survey;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators shared by the survey property tests. */
final class Gens {
  private Gens() {}

  /** Arrays of 0 to 300 values in {@code [min, max]}. */
  static Gen<int[]> ratings(int min, int max) {
    return ratings(min, max, 0);
  }

  /**
   * Arrays of {@code minSize} to 300 values in {@code [min, max]}. Sizes are bounded here rather
   * than filtered with {@code assuming}, which found no examples when filtering these by size.
   */
  static Gen<int[]> ratings(int min, int max, int minSize) {
    return lists()
        .of(integers().between(min, max))
        .ofSizeBetween(minSize, 300)
        .map(list -> list.stream().mapToInt(Integer::intValue).toArray());
  }

  /** NPS answers, 0 to 300 of them. */
  static Gen<int[]> npsResponses() {
    return ratings(Nps.MIN_RESPONSE, Nps.MAX_RESPONSE);
  }

  /** Confidence levels used in practice and beyond, in [0.5, 0.999]. */
  static Gen<Double> levels() {
    return doubles().between(0.5, 0.999);
  }

  /** Boxes an array. */
  static List<Integer> boxed(int[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  /** The concatenation of two arrays. */
  static int[] concat(int[] a, int[] b) {
    int[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
