package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class ChurnRatesTest {
  @Test
  void monthlyToAnnualAndBackByHand() {
    // 1 - 0.95^12, by Python: 0.45963991233736334
    assertThat(ChurnRates.compound(0.05, 12)).isCloseTo(0.45963991233736334, within(1e-15));
    assertThat(ChurnRates.perPeriod(0.45963991233736334, 12)).isCloseTo(0.05, within(1e-15));
    // a quarter of 3 months at 2% a month: 1 - 0.98^3 = 0.058808
    assertThat(ChurnRates.compound(0.02, 3)).isCloseTo(1 - 0.98 * 0.98 * 0.98, within(1e-15));
    assertThat(ChurnRates.expectedLifetime(0.25)).isEqualTo(4.0);
  }

  @Test
  void edgesOfTheRange() {
    assertThat(ChurnRates.compound(0, 12)).isZero();
    assertThat(ChurnRates.compound(1, 12)).isEqualTo(1.0);
    assertThat(ChurnRates.perPeriod(1, 12)).isEqualTo(1.0);
    assertThat(ChurnRates.compound(0.3, 1)).isCloseTo(0.3, within(1e-16));
    assertThat(ChurnRates.expectedLifetime(0)).isEqualTo(Double.POSITIVE_INFINITY);
    // a tiny rate keeps its precision: 1 - (1 - 1e-12)^12 = 1.2e-11 (to 1e-22)
    assertThat(ChurnRates.compound(1e-12, 12)).isCloseTo(1.2e-11, within(1e-22));
  }

  @Test
  void rejectsRatesOutsideTheUnitIntervalAndBadPeriods() {
    assertThatThrownBy(() -> ChurnRates.compound(1.5, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("churn rate (1.5) must be in [0, 1]");
    assertThatThrownBy(() -> ChurnRates.compound(Double.NaN, 12))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChurnRates.perPeriod(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("periods (0.0) must be finite and > 0");
    assertThatThrownBy(() -> ChurnRates.expectedLifetime(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void perPeriodInvertsCompoundAndRatesStayInRange() {
    qt().forAll(doubles().between(0, 1), integers().between(1, 120))
        .checkAssert(
            (rate, periods) -> {
              double over = ChurnRates.compound(rate, periods);
              assertThat(over).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(rate - 1e-15);
              // the inverse is well conditioned only while some survival is left to resolve:
              // rounding 'over' shifts 1 - over by up to 1.1e-16, i.e. relatively by
              // 1.1e-16 / (1 - over)
              if (1 - over >= 1e-3) {
                assertThat(ChurnRates.perPeriod(over, periods)).isCloseTo(rate, within(1e-11));
              }
              assertThat(ChurnRates.compound(ChurnRates.perPeriod(rate, periods), periods))
                  .isCloseTo(rate, within(1e-12));
            });
  }

  @Test
  void churnConversionsRejectBadPeriods() {
    assertThatThrownBy(() -> ChurnRates.compound(0.5, 0))
        .hasMessage("periods (0.0) must be finite and > 0");
    assertThatThrownBy(() -> ChurnRates.compound(0.5, Double.POSITIVE_INFINITY))
        .hasMessage("periods (Infinity) must be finite and > 0");
    assertThatThrownBy(() -> ChurnRates.perPeriod(-0.1, 2))
        .hasMessage("churn rate (-0.1) must be in [0, 1]");
  }
}
