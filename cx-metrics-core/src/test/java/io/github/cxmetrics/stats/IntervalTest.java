package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalTest {
  @Test
  void containsIsClosedAndRejectsNaN() {
    Interval interval = new Interval(-1.5, 2.5, 0.9, Unit.PERCENT);
    assertThat(interval.contains(-1.5)).isTrue();
    assertThat(interval.contains(2.5)).isTrue();
    assertThat(interval.contains(0)).isTrue();
    assertThat(interval.contains(2.5000001)).isFalse();
    assertThat(interval.contains(Double.NaN)).isFalse();
    assertThat(interval.width()).isEqualTo(4.0);
    assertThat(new Interval(3, 3, 0.5, Unit.PERCENT).width()).isZero();
  }

  @Test
  void rejectsInvertedOrNonFiniteBoundsAndBadLevels() {
    assertThatThrownBy(() -> new Interval(2, 1, 0.95, Unit.PERCENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval lower bound (2.0) must be <= upper bound (1.0)");
    assertThatThrownBy(() -> new Interval(Double.NaN, 1, 0.95, Unit.PERCENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval bounds (NaN, 1.0) must be finite");
    assertThatThrownBy(() -> new Interval(0, 1, 1.0, Unit.PERCENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence level (1.0) must be in the open interval (0, 1)");
    assertThatThrownBy(() -> new Interval(0, 1, 0.95, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("unit");
  }

  @Test
  void scalesIntoAnotherUnit() {
    Interval percent = new Interval(0.25, 0.5, 0.9, Unit.FRACTION).scaled(100, Unit.PERCENT);
    assertThat(percent).isEqualTo(new Interval(25, 50, 0.9, Unit.PERCENT));
    assertThatThrownBy(() -> percent.scaled(0, Unit.FRACTION))
        .hasMessage("factor (0.0) must be finite and > 0");
  }
}
