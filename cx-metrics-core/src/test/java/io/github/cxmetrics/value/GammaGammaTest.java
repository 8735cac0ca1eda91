package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GammaGammaTest {
  private static final GammaGamma PUBLISHED = GammaGamma.of(6.25, 3.74, 15.44);

  @Test
  void parametersMustBeFiniteAndPositive() {
    assertThatThrownBy(() -> GammaGamma.of(0, 1, 1)).hasMessage("p (0.0) must be finite and > 0");
    assertThatThrownBy(() -> GammaGamma.of(1, Double.NaN, 1)).hasMessageContaining("q (NaN)");
    assertThatThrownBy(() -> GammaGamma.of(1, 1, -2)).hasMessageContaining("gamma (-2.0)");
    GammaGamma model = GammaGamma.of(1, 2, 3);
    assertThat(new double[] {model.p(), model.q(), model.gamma()}).containsExactly(1, 2, 3);
    assertThat(model).isEqualTo(GammaGamma.of(1, 2, 3)).hasSameHashCodeAs(GammaGamma.of(1, 2, 3));
    assertThat(model).isNotEqualTo(GammaGamma.of(1, 2, 4)).isNotEqualTo(GammaGamma.of(1, 3, 3));
    assertThat(model).isNotEqualTo(GammaGamma.of(2, 2, 3)).isNotEqualTo("Gamma-Gamma");
    assertThat(model.toString()).isEqualTo("Gamma-Gamma(p = 1.0, q = 2.0, gamma = 3.0)");
  }

  @Test
  void expectedValuesByHand() {
    // population mean p gamma / (q - 1) = 6.25 * 15.44 / 2.74
    assertThat(PUBLISHED.meanValue()).hasValue(6.25 * 15.44 / 2.74);
    assertThat(GammaGamma.of(1, 1, 1).meanValue()).isEmpty();
    // x = 2 purchases averaging 22.35: p (gamma + m x) / (p x + q - 1) = 6.25 (15.44 + 44.7) /
    // 15.24
    assertThat(PUBLISHED.conditionalExpectedAverageValue(2, 22.35))
        .isCloseTo(6.25 * (15.44 + 44.7) / 15.24, within(1e-12));
    // no purchases: the population mean, whatever m
    assertThat(PUBLISHED.conditionalExpectedAverageValue(0, 99))
        .isEqualTo(PUBLISHED.meanValue().getAsDouble());
    // many purchases: close to the customer's own average
    assertThat(PUBLISHED.conditionalExpectedAverageValue(10_000, 40)).isCloseTo(40, within(0.01));
    assertThatThrownBy(() -> GammaGamma.of(1, 0.5, 1).conditionalExpectedAverageValue(0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the expected average value is infinite for 0 purchases: p x + q - 1 = -0.5 is not > 0");
    assertThatThrownBy(() -> PUBLISHED.conditionalExpectedAverageValue(-1, 1))
        .hasMessage("count -1 must be >= 0");
    assertThatThrownBy(() -> PUBLISHED.conditionalExpectedAverageValue(1, -1))
        .hasMessage("average -1.0 must be finite and >= 0");
  }

  @Test
  void logLikelihoodByHand() {
    // p = 2, q = 3, gamma = 4, x = 1, m = 5: Gamma(5)/(Gamma(2) Gamma(3)) 4^3 5^1 1^2 / 9^5
    GammaGamma model = GammaGamma.of(2, 3, 4);
    double expected = Math.log(24.0 / 2 * 64 * 5 / Math.pow(9, 5));
    assertThat(model.logLikelihood(1, 5)).isCloseTo(expected, within(1e-13));
    // x = 3, m = 2: ln Gamma(9) - ln Gamma(6) - ln Gamma(3) + 3 ln 4 + 5 ln 2 + 6 ln 3 - 9 ln 10
    double three =
        LogGamma.value(9)
            - LogGamma.value(6)
            - LogGamma.value(3)
            + 3 * Math.log(4)
            + 5 * Math.log(2)
            + 6 * Math.log(3)
            - 9 * Math.log(10);
    assertThat(model.logLikelihood(3, 2)).isCloseTo(three, within(1e-12));
    assertThatThrownBy(() -> model.logLikelihood(0, 2))
        .hasMessage("count 0 of the customer must be >= 1");
    assertThatThrownBy(() -> model.logLikelihood(1, 0))
        .hasMessage("average 0.0 of the customer must be finite and > 0");
  }

  @Test
  void fitChecksItsInput() {
    assertThatThrownBy(() -> GammaGamma.fit(new int[0], new double[0]))
        .hasMessage("the data cannot identify the Gamma-Gamma model: no customers");
    assertThatThrownBy(() -> GammaGamma.fit(new int[2], new double[1]))
        .hasMessage("counts and averages must have the same length, not 2 and 1");
    assertThatThrownBy(() -> GammaGamma.fit(new int[] {1, 2}, new double[] {3, Double.NaN}))
        .hasMessage("average NaN of the customer at index 1 must be finite and > 0");
    // identical averages: no spread of values to estimate (q and p run to infinity)
    assertThatThrownBy(() -> GammaGamma.fit(new int[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the data cannot identify the Gamma-Gamma model");
    // a repeat buyer whose repeat purchases were free
    record T(String customer, LocalDate date, double amount) {}
    List<T> log =
        List.of(
            new T("a", LocalDate.of(2024, 1, 1), 10),
            new T("a", LocalDate.of(2024, 1, 8), 0),
            new T("b", LocalDate.of(2024, 1, 2), 10));
    List<PurchaseHistory> histories =
        PurchaseHistory.summarize(
            log, T::customer, T::date, T::amount, LocalDate.of(2024, 2, 1), ChronoUnit.DAYS);
    assertThatThrownBy(() -> GammaGamma.fit(histories))
        .hasMessage("average repeat value 0.0 of customer a must be > 0 for the Gamma-Gamma model");
    assertThatThrownBy(() -> GammaGamma.fit(histories.subList(1, 2)))
        .hasMessage(
            "the data cannot identify the Gamma-Gamma model: none of the 1 customers made a"
                + " repeat purchase");
  }

  @Test
  void recoversTheParametersItWasSimulatedFrom() {
    // amounts ~ Gamma(shape p, rate nu), nu ~ Gamma(shape q, rate gamma); the average of x draws
    // is Gamma(shape p x, rate nu x)
    double p = 6;
    double q = 4;
    double gamma = 15;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2013L);
    var rates = AhrensDieterMarsagliaTsangGammaSampler.of(rng, q, 1 / gamma);
    int n = 50_000;
    int[] counts = new int[n];
    double[] averages = new double[n];
    for (int i = 0; i < n; i++) {
      counts[i] = 1 + rng.nextInt(8);
      double nu = rates.sample();
      averages[i] =
          AhrensDieterMarsagliaTsangGammaSampler.of(rng, p * counts[i], 1 / (nu * counts[i]))
              .sample();
    }
    ModelFit<GammaGamma> fit = GammaGamma.fit(counts, averages);
    double[] truth = {p, q, gamma};
    for (int i = 0; i < 3; i++) {
      assertThat(Math.abs(fit.estimates()[i] - truth[i]))
          .as("%s", fit.parameterNames().get(i))
          .isLessThan(4 * fit.standardErrors()[i]);
    }
    assertThat(fit.customers()).isEqualTo(n);
  }
}
