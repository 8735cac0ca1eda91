package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class ClvTest {
  @Test
  void simpleIsAProduct() {
    // $50 a purchase, 4 purchases a year, 3 years, 30% margin
    assertThat(Clv.simple(50, 4, 3, 0.3)).isCloseTo(50 * 4 * 3 * 0.3, within(1e-12));
    assertThat(Clv.simple(50, 4, 0, 0.3)).isZero();
  }

  @Test
  void retentionBasedByHand() {
    // Gupta & Lehmann (2003): m r / (1 + d - r) = 100 * 0.8 / (1 + 0.1 - 0.8)
    assertThat(Clv.retentionBased(100, 0.8, 0.1)).isCloseTo(80 / 0.3, within(1e-12));
    assertThat(Clv.retentionBasedWithInitialMargin(100, 0.8, 0.1))
        .isCloseTo(110 / 0.3, within(1e-12))
        .isCloseTo(Clv.retentionBased(100, 0.8, 0.1) + 100, within(1e-12));
    // their rule of thumb: with r = 0.8 and d = 0.12, the multiple m r / (1 + d - r) is 2.5
    assertThat(Clv.retentionBased(1, 0.8, 0.12)).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void finiteHorizonEqualsTheExplicitSum() {
    double m = 100;
    double q = 0.8 / 1.1;
    double sum = m * q + m * q * q + m * q * q * q; // t = 1, 2, 3
    assertThat(Clv.retentionBasedOverHorizon(100, 0.8, 0.1, 3)).isCloseTo(sum, within(1e-10));
    assertThat(Clv.retentionBasedOverHorizon(100, 0.8, 0.1, 0)).isZero();
    // r = 1 + d: no decay, T margins
    assertThat(Clv.retentionBasedOverHorizon(100, 1.0, 0.0, 7)).isEqualTo(700.0);
    assertThat(Clv.retentionBasedOverHorizon(100, 0.0, 0.1, 5)).isZero();
  }

  @Test
  void rejectsOutOfRangeInputsNamingThem() {
    assertThatThrownBy(() -> Clv.retentionBased(100, 1.0, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retentionRate (1.0) must be in [0, 1)");
    assertThatThrownBy(() -> Clv.retentionBased(100, 0.5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("discountRate (-1.0) must be finite and > -1");
    assertThatThrownBy(() -> Clv.retentionBased(100, 0.9, -0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "retentionRate (0.9) must be below 1 + discountRate (0.8) for the discounted margins"
                + " to converge");
    assertThatThrownBy(() -> Clv.retentionBased(Double.NaN, 0.5, 0.1))
        .hasMessage("marginPerPeriod (NaN) must be finite");
    assertThatThrownBy(() -> Clv.simple(-1, 1, 1, 1))
        .hasMessage("averagePurchaseValue (-1.0) must be finite and >= 0");
    assertThatThrownBy(() -> Clv.simple(1, 1, 1, 1.2))
        .hasMessage("grossMargin (1.2) must be in [0, 1]");
    assertThatThrownBy(() -> Clv.retentionBasedOverHorizon(1, 0.5, 0.1, -1))
        .hasMessage("periods (-1) must be >= 0");
  }

  @Test
  void finiteHorizonGrowsTowardsTheInfiniteValue() {
    qt().forAll(doubles().between(0, 0.99), doubles().between(0, 0.5), integers().between(0, 200))
        .checkAssert(
            (r, d, periods) -> {
              double infinite = Clv.retentionBased(10, r, d);
              double finite = Clv.retentionBasedOverHorizon(10, r, d, periods);
              double next = Clv.retentionBasedOverHorizon(10, r, d, periods + 1);
              assertThat(finite).isLessThanOrEqualTo(infinite * (1 + 1e-12));
              assertThat(next).isGreaterThanOrEqualTo(finite * (1 - 1e-12));
            });
  }

  @Test
  void everyClvInputIsValidatedAtItsBoundary() {
    // the edges that are allowed
    assertThat(Clv.simple(0, 0, 0, 0)).isZero();
    assertThat(Clv.simple(1, 1, 1, 1)).isEqualTo(1.0);
    assertThat(Clv.retentionBased(10, 0, 0)).isZero();
    assertThat(Clv.retentionBased(10, 0.5, -0.4))
        .isEqualTo(10 * 0.5 / 0.1, org.assertj.core.data.Offset.offset(1e-12));
    // each input just outside its range
    assertThatThrownBy(() -> Clv.simple(1, -1e-9, 1, 1)).hasMessageContaining("purchasesPerPeriod");
    assertThatThrownBy(() -> Clv.simple(1, 1, Double.POSITIVE_INFINITY, 1))
        .hasMessageContaining("lifespanPeriods");
    assertThatThrownBy(() -> Clv.simple(1, 1, 1, -1e-9)).hasMessageContaining("grossMargin");
    assertThatThrownBy(() -> Clv.retentionBased(10, -1e-9, 0.1))
        .hasMessageContaining("retentionRate");
    assertThatThrownBy(() -> Clv.retentionBasedWithInitialMargin(Double.NaN, 0.5, 0.1))
        .hasMessageContaining("marginPerPeriod");
    assertThatThrownBy(() -> Clv.retentionBasedWithInitialMargin(10, 0.5, Double.POSITIVE_INFINITY))
        .hasMessageContaining("discountRate");
    assertThatThrownBy(() -> Clv.retentionBased(10, 0.5, -0.5))
        .hasMessageContaining("must be below 1 + discountRate");
    assertThatThrownBy(() -> Clv.retentionBasedOverHorizon(Double.NaN, 0.5, 0.1, 3))
        .hasMessageContaining("marginPerPeriod");
    assertThatThrownBy(() -> Clv.retentionBasedOverHorizon(1, 1.5, 0.1, 3))
        .hasMessageContaining("retentionRate");
    assertThatThrownBy(() -> Clv.retentionBasedOverHorizon(1, 0.5, -1, 3))
        .hasMessageContaining("discountRate");
  }
}
