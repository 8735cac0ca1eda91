package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each check returns a valid argument and names an invalid one, NaN included. */
class ChecksTest {
  @Test
  void doubleChecksAcceptTheirRangeAndNameWhatTheyRefuse() {
    assertThat(Checks.checkPositive("x", Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    assertThatThrownBy(() -> Checks.checkPositive("x", 0))
        .hasMessage("x (0.0) must be finite and > 0");
    assertThatThrownBy(() -> Checks.checkPositive("x", Double.NaN))
        .hasMessage("x (NaN) must be finite and > 0");
    assertThatThrownBy(() -> Checks.checkPositive("x", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.checkNonNegative("y", 0)).isZero();
    assertThatThrownBy(() -> Checks.checkNonNegative("y", -0.5))
        .hasMessage("y (-0.5) must be finite and >= 0");
    assertThatThrownBy(() -> Checks.checkNonNegative("y", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.checkFinite("z", -1e308)).isEqualTo(-1e308);
    assertThatThrownBy(() -> Checks.checkFinite("z", Double.NEGATIVE_INFINITY))
        .hasMessage("z (-Infinity) must be finite");
    assertThat(Checks.checkProbability("p", 1)).isEqualTo(1.0);
    assertThat(Checks.checkProbability("p", 0)).isZero();
    assertThatThrownBy(() -> Checks.checkProbability("p", 1.0000001))
        .hasMessage("p (1.0000001) must be in [0, 1]");
    assertThatThrownBy(() -> Checks.checkProbability("p", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.checkAbove("d", -0.5, -1)).isEqualTo(-0.5);
    assertThatThrownBy(() -> Checks.checkAbove("d", -1, -1))
        .hasMessage("d (-1.0) must be finite and > -1");
    assertThatThrownBy(() -> Checks.checkAbove("d", 0.1, 0.25))
        .hasMessage("d (0.1) must be finite and > 0.25");
    assertThatThrownBy(() -> Checks.checkAbove("d", Double.POSITIVE_INFINITY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.checkOpenUnit("a", 0.5)).isEqualTo(0.5);
    assertThatThrownBy(() -> Checks.checkOpenUnit("a", 0)).hasMessage("a (0.0) must be in (0, 1)");
    assertThatThrownBy(() -> Checks.checkOpenUnit("a", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.checkLevel(0.95)).isEqualTo(0.95);
    assertThatThrownBy(() -> Checks.checkLevel(Double.NaN))
        .hasMessage("confidence level (NaN) must be in the open interval (0, 1)");
  }

  @Test
  void countChecks() {
    assertThat(Checks.checkAtLeast("n", 1, 1)).isEqualTo(1);
    assertThatThrownBy(() -> Checks.checkAtLeast("n", 0, 1)).hasMessage("n (0) must be >= 1");
    assertThat(Checks.checkCount("c", 0)).isZero();
    assertThatThrownBy(() -> Checks.checkCount("c", -1)).hasMessage("c (-1) must be >= 0");
    assertThat(Checks.addCounts("sum", Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Checks.addCounts("sum", Long.MAX_VALUE, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageStartingWith("sum overflows a long");
    assertThat(Checks.checkWeight(0, 3)).isZero();
    assertThatThrownBy(() -> Checks.checkWeight(-1, 3))
        .hasMessage("weight -1.0 at index 3 must be finite and >= 0");
  }
}
