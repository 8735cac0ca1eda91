package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CriticalTest {

  @Test
  void criticalValuesAtTheirEdges() {
    assertThatThrownBy(() -> Critical.t(0.95, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("degrees of freedom (0.0) must be > 0");
    assertThat(Critical.t(0.95, 1))
        .isCloseTo(
            12.706204736174694 /* SciPy 1.17.1: t.ppf(0.975, 1) */,
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Critical.twoSidedNormalP(Double.NaN)).isNaN();
    assertThat(Critical.twoSidedNormalP(0)).isEqualTo(1.0);
  }
}
