package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {
  @Test
  void holmByHand() {
    // sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> max 0.06
    double[] adjusted = MultipleComparisons.holm(0.01, 0.04, 0.03, 0.005);
    assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
    assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
    assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
    assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
    assertThat(MultipleComparisons.holmRejects(0.05, 0.01, 0.04, 0.03, 0.005))
        .containsExactly(true, false, false, true);
    assertThat(MultipleComparisons.holm(0.6, 0.9)).containsExactly(1.0, 1.0);
    assertThat(MultipleComparisons.holm()).isEmpty();
  }

  @Test
  void rejectsInvalidPValues() {
    assertThatThrownBy(() -> MultipleComparisons.holm(0.5, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p-value 1.5 at index 1 must be in [0, 1]");
    assertThatThrownBy(() -> MultipleComparisons.holm(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultipleComparisons.holmRejects(0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha (0.0) must be in (0, 1)");
  }

  @Test
  void matchesTheDefinitionComputedDirectly() {
    qt().forAll(lists().of(doubles().between(0, 1)).ofSizeBetween(0, 30))
        .checkAssert(
            list -> {
              double[] p = list.stream().mapToDouble(Double::doubleValue).toArray();
              double[] adjusted = MultipleComparisons.holm(p);
              int m = p.length;
              // the definition: rank each p-value, then max over the ranks up to its own
              Integer[] order = new Integer[m];
              Arrays.setAll(order, i -> i);
              Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
              for (int rank = 0; rank < m; rank++) {
                double expected = 0;
                for (int j = 0; j <= rank; j++) {
                  expected = Math.max(expected, Math.min(1, (m - j) * p[order[j]]));
                }
                assertThat(adjusted[order[rank]]).isEqualTo(expected);
                assertThat(adjusted[order[rank]]).isBetween(p[order[rank]], 1.0);
              }
            });
  }

  @Test
  void holmAtTheEdgesOfItsRanges() {
    assertThat(MultipleComparisons.holm(0.0, 1.0)).containsExactly(0.0, 1.0);
    // rejection is strict, like Comparison.isSignificant: p < alpha
    assertThat(MultipleComparisons.holmRejects(0.05, 0.05)).containsExactly(false);
    assertThat(MultipleComparisons.holmRejects(0.05, 0.0499999)).containsExactly(true);
    assertThatThrownBy(() -> MultipleComparisons.holmRejects(1, 0.5))
        .hasMessage("alpha (1.0) must be in (0, 1)");
    assertThatThrownBy(() -> MultipleComparisons.holm(-0.0001))
        .hasMessage("p-value -1.0E-4 at index 0 must be in [0, 1]");
  }
}
