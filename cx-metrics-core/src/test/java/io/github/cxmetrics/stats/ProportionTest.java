package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {
  @Test
  void figuresByHand() {
    Proportion p = Proportion.of(30, 120);
    assertThat(p.successes()).isEqualTo(30);
    assertThat(p.trials()).isEqualTo(120);
    assertThat(p.count()).isEqualTo(120);
    assertThat(p.isEmpty()).isFalse();
    assertThat(p.score()).isEqualTo(0.25);
    assertThat(p.standardError()).isCloseTo(Math.sqrt(0.25 * 0.75 / 120), within(1e-15));
    assertThat(p.unit()).isEqualTo(Unit.FRACTION);
    // Agresti-Caffo: 31 of 122
    TestBasis basis = p.testBasis();
    assertThat(basis.estimate()).isCloseTo(31.0 / 122, within(1e-15));
    assertThat(basis.standardError())
        .isCloseTo(Math.sqrt(31.0 / 122 * (91.0 / 122) / 122), within(1e-15));
    // SciPy 1.17.1: statsmodels-free Wilson by hand, z = norm.ppf(0.975) = 1.959963984540054
    double z = 1.959963984540054;
    double n = 120;
    double centre = (0.25 + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * Math.sqrt(0.25 * 0.75 / n + z * z / (4 * n * n));
    Interval wilson = p.confidenceInterval(0.95);
    assertThat(wilson.lower()).isCloseTo(centre - half, within(1e-12));
    assertThat(wilson.upper()).isCloseTo(centre + half, within(1e-12));
    assertThat(wilson.unit()).isEqualTo(Unit.FRACTION);
    assertThat(p.marginOfError(0.95)).isCloseTo(z * p.standardError(), within(1e-12));
    assertThat(p).hasToString("Proportion[30/120]");
  }

  @Test
  void boundariesAreExactAndNeverCollapse() {
    Interval none = Proportion.of(0, 5).confidenceInterval(0.95);
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isPositive();
    Interval all = Proportion.of(5, 5).confidenceInterval(0.95);
    assertThat(all.upper()).isEqualTo(1.0);
    assertThat(all.lower()).isLessThan(1.0);
    assertThat(Proportion.of(5, 5).testBasis().standardError()).isPositive();
  }

  @Test
  void mergesByAddingCounts() {
    Proportion a = Proportion.of(1, 4);
    Proportion b = Proportion.of(2, 6);
    assertThat(a.merge(b)).isEqualTo(Proportion.of(3, 10));
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
    assertThat(a.merge(Proportion.EMPTY)).isEqualTo(a);
    assertThat(Proportion.of(0, 0)).isSameAs(Proportion.EMPTY);
    assertThat(a.hashCode()).isEqualTo(Proportion.of(1, 4).hashCode());
    assertThat(a).isNotEqualTo(Proportion.of(1, 5)).isNotEqualTo(Proportion.of(2, 4));
    assertThatThrownBy(() -> Proportion.of(Long.MAX_VALUE, Long.MAX_VALUE).merge(a))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> a.merge(null)).hasMessage("other");
  }

  @Test
  void rejectsImpossibleCountsAndEmptyStatistics() {
    assertThatThrownBy(() -> Proportion.of(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("successes (3) must be <= trials (2)");
    assertThatThrownBy(() -> Proportion.of(-1, 2)).hasMessage("successes (-1) must be >= 0");
    assertThatThrownBy(() -> Proportion.of(0, -2)).hasMessage("trials (-2) must be >= 0");
    assertThat(Proportion.EMPTY.isEmpty()).isTrue();
    assertThat(Proportion.EMPTY.count()).isZero();
    assertThatThrownBy(Proportion.EMPTY::score)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a proportion is undefined with no trials");
    assertThatThrownBy(Proportion.EMPTY::standardError).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(Proportion.EMPTY::testBasis).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Proportion.EMPTY.confidenceInterval(0.95))
        .isInstanceOf(IllegalStateException.class);
    // the level is checked before the sample
    assertThatThrownBy(() -> Proportion.EMPTY.confidenceInterval(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Proportion.EMPTY.marginOfError(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unitsAndBasesAreValidated() {
    assertThat(new Unit("weeks")).hasToString("weeks");
    assertThatThrownBy(() -> new Unit(" ")).hasMessage("unit name (\" \") must not be blank");
    assertThatThrownBy(() -> new Unit(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TestBasis(Double.NaN, 1))
        .hasMessage("estimate (NaN) must be finite");
    assertThatThrownBy(() -> new TestBasis(1, -1))
        .hasMessage("standard error (-1.0) must be finite and >= 0");
  }
}
