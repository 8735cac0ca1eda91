package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * Reference values: SciPy 1.17.1, the same sum written with the paper's closed form of the
 * conditional expectation ({@code scipy.special.hyp2f1}, Fader, Hardie and Lee 2005, equation 10)
 * and the Gamma-Gamma expectation, at the published CDNOW estimates (BG/NBD r = 0.243, alpha =
 * 4.414, a = 0.793, b = 2.426; Gamma-Gamma p = 6.25, q = 3.74, gamma = 15.44), months of 52/12
 * weeks, 12 of them, 1% a month, margin 30%.
 */
class ProbabilisticClvTest {
  private static final BgNbd PURCHASES = BgNbd.of(0.243, 4.414, 0.793, 2.426);
  private static final GammaGamma VALUE = GammaGamma.of(6.25, 3.74, 15.44);
  private static final ProbabilisticClv YEAR =
      ProbabilisticClv.of(PURCHASES, VALUE, 0.3, 0.01, 52.0 / 12, 12);

  @Test
  void matchesTheClosedFormSum() {
    // SciPy: discounted purchases 1.4681141952076757, expected value 24.663713910761153
    assertThat(YEAR.discountedExpectedPurchases(2, 30.43, 38.86))
        .isCloseTo(1.4681141952076757, withPercentage(1e-9));
    assertThat(YEAR.customerValue(2, 30.43, 38.86, 22.35))
        .isCloseTo(10.862744549678839, withPercentage(1e-9));
    // SciPy: a customer with no repeat purchase is valued at the population mean value
    assertThat(YEAR.customerValue(0, 0, 38.86, 0))
        .isCloseTo(2.5047595546354184, withPercentage(1e-9));
    assertThat(YEAR.customerValue(26, 30.86, 31.0, 55.0))
        .isCloseTo(398.8970448872796, withPercentage(1e-9));
  }

  @Test
  void withoutDiscountingTheSumTelescopes() {
    // d = 0, margin 1: E[M] * E[Y(K L)]
    ProbabilisticClv plain = ProbabilisticClv.of(PURCHASES, VALUE, 1, 0, 4, 13);
    double expected =
        VALUE.conditionalExpectedAverageValue(3, 40)
            * PURCHASES.conditionalExpectedPurchases(52, 3, 20, 39);
    assertThat(plain.customerValue(3, 20, 39, 40)).isCloseTo(expected, withPercentage(1e-10));
    assertThat(ProbabilisticClv.of(PURCHASES, VALUE, 1, 0.05, 4, 0).customerValue(3, 20, 39, 40))
        .isZero();
    // discounting lowers the value; so does a longer silence
    assertThat(YEAR.customerValue(3, 20, 39, 40)).isLessThan(plain.customerValue(3, 20, 39, 40));
    assertThat(YEAR.customerValue(3, 10, 39, 40)).isLessThan(YEAR.customerValue(3, 20, 39, 40));
  }

  @Test
  void fromAPurchaseHistory() {
    PurchaseHistory first = Cdnow.calibration().get(0);
    assertThat(YEAR.customerValue(first))
        .isEqualTo(
            YEAR.customerValue(
                first.frequency(),
                first.recency(),
                first.age(),
                first.averageRepeatValue().getAsDouble()));
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> ProbabilisticClv.of(PURCHASES, VALUE, 1.5, 0, 1, 1))
        .hasMessage("margin (1.5) must be in [0, 1]");
    assertThatThrownBy(() -> ProbabilisticClv.of(PURCHASES, VALUE, 1, -1, 1, 1))
        .hasMessage("discountRate (-1.0) must be finite and > -1");
    assertThatThrownBy(() -> ProbabilisticClv.of(PURCHASES, VALUE, 1, 0, 0, 1))
        .hasMessage("periodLength (0.0) must be finite and > 0");
    assertThatThrownBy(() -> ProbabilisticClv.of(PURCHASES, VALUE, 1, 0, 1, -1))
        .hasMessage("periods (-1) must be >= 0");
    assertThatThrownBy(() -> ProbabilisticClv.of(null, VALUE, 1, 0, 1, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("purchases");
    ProbabilisticClv none = ProbabilisticClv.of(PURCHASES, VALUE, 1, 0, 1, 0);
    assertThatThrownBy(() -> none.customerValue(0, 2, 3, 0))
        .hasMessage("recency 2.0 of the customer must be 0, as the frequency is 0");
    assertThat(none.discountedExpectedPurchases(1, 2, 3)).isZero();
    assertThat(YEAR.customerValue(1, 2, 3, 0))
        .isCloseTo(
            0.3 * 6.25 * 15.44 / (6.25 + 2.74) * YEAR.discountedExpectedPurchases(1, 2, 3),
            within(1e-12));
  }
}
