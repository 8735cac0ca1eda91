package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsEdgesTest {
  @Test
  void holmAtTheEdgesOfItsRanges() {
    assertThat(MultipleComparisons.holm(0.0, 1.0)).containsExactly(0.0, 1.0);
    assertThat(MultipleComparisons.holmRejects(0.05, 0.05)).containsExactly(true);
    assertThat(MultipleComparisons.holmRejects(0.05, 0.0500001)).containsExactly(false);
    assertThatThrownBy(() -> MultipleComparisons.holmRejects(1, 0.5))
        .hasMessage("alpha (1.0) must be in (0, 1)");
    assertThatThrownBy(() -> MultipleComparisons.holm(-0.0001))
        .hasMessage("p-value -1.0E-4 at index 0 must be in [0, 1]");
  }

  @Test
  void comparisonEdges() {
    assertThatThrownBy(() -> new Comparison(1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Comparison(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Comparison(0, 0).isSignificant(0.5)).isFalse();
    assertThat(new Comparison(2, 1).z()).isEqualTo(2.0);
    assertThatThrownBy(() -> Comparison.ofIndependent(1, 1, 0, -1))
        .hasMessage("standard error (-1.0) must be finite and >= 0");
  }
}
