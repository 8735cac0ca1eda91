package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparisonTest {
  @Test
  void differenceOfIndependentEstimatesByHand() {
    Comparison comparison = Comparison.ofIndependent(10, 3, 4, 4);
    assertThat(comparison.difference()).isEqualTo(6.0);
    assertThat(comparison.standardError()).isEqualTo(5.0); // sqrt(3^2 + 4^2)
    assertThat(comparison.z()).isEqualTo(1.2);
    // SciPy 1.17.1: 2 * norm.sf(1.2) = 0.23013934044341644
    assertThat(comparison.pValue()).isCloseTo(0.23013934044341644, within(1e-14));
    assertThat(comparison.isSignificant(0.95)).isFalse();
    // SciPy 1.17.1: norm.ppf(0.975) = 1.959963984540054
    Interval interval = comparison.confidenceInterval(0.95);
    assertThat(interval.lower()).isCloseTo(6 - 5 * 1.959963984540054, within(1e-12));
    assertThat(interval.upper()).isCloseTo(6 + 5 * 1.959963984540054, within(1e-12));
  }

  @Test
  void zeroStandardError() {
    assertThat(new Comparison(0, 0).z()).isZero();
    assertThat(new Comparison(0, 0).pValue()).isEqualTo(1.0);
    assertThat(new Comparison(-2, 0).z()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(new Comparison(-2, 0).pValue()).isZero();
    assertThat(new Comparison(-2, 0).isSignificant(0.99)).isTrue();
  }

  @Test
  void rejectsBadComponents() {
    assertThatThrownBy(() -> new Comparison(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("difference (NaN) must be finite");
    assertThatThrownBy(() -> new Comparison(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("standard error (-1.0) must be finite and >= 0");
    assertThatThrownBy(() -> Comparison.ofIndependent(1, Double.POSITIVE_INFINITY, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Comparison(1, 1).isSignificant(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
