package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ParetoNbdTest {
  static Gen<ParetoNbd> models() {
    return doubles()
        .between(0.05, 5)
        .zip(
            doubles().between(0.5, 50),
            doubles().between(0.1, 5),
            doubles().between(0.5, 50),
            ParetoNbd::of);
  }

  @Test
  void probabilitiesOfPurchaseCountsSumToOneWithTheExpectedMean() {
    // the quadrature of the pmf against the closed form of E[X(t)]: no shared formula
    qt().withExamples(40)
        .forAll(models(), doubles().between(0.1, 20))
        .checkAssert(
            (model, t) -> {
              double total = 0;
              double mean = 0;
              for (int n = 0; n < 3000; n++) {
                double p = model.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
              }
              assertThat(total).isCloseTo(1, within(1e-9));
              assertThat(mean).isCloseTo(model.expectedPurchases(t), within(1e-7 * (1 + mean)));
            });
  }

  @Test
  void conditionalProbabilitiesSumToOneWithTheConditionalMean() {
    qt().withExamples(40)
        .forAll(models(), BgNbdPropertiesTest.customers(), doubles().between(0.1, 20))
        .checkAssert(
            (model, c, t) -> {
              int x = (int) c[0];
              double total = 0;
              double mean = 0;
              for (int n = 0; n < 3000; n++) {
                double p = model.conditionalProbabilityOfPurchases(n, t, x, c[1], c[2]);
                total += p;
                mean += n * p;
              }
              double expected = model.conditionalExpectedPurchases(t, x, c[1], c[2]);
              assertThat(total).isCloseTo(1, within(1e-9));
              assertThat(mean).isCloseTo(expected, within(1e-7 * (1 + expected)));
              assertThat(model.probabilityAlive(x, c[1], c[2])).isBetween(0.0, 1.0);
            });
  }

  @Test
  void theExpectationIsExactNearSEqualToOne() {
    // s = 1: r beta / alpha ln(1 + t / beta), by hand for r = 0.5, alpha = 10, beta = 12, t = 39
    double limit = 0.5 * 12 / 10 * Math.log(1 + 39 / 12.0);
    assertThat(ParetoNbd.of(0.5, 10, 1, 12).expectedPurchases(39)).isCloseTo(limit, within(1e-15));
    assertThat(ParetoNbd.of(0.5, 10, 1 + 1e-12, 12).expectedPurchases(39))
        .isCloseTo(limit, within(1e-11));
  }

  @Test
  void recoversTheParametersItWasSimulatedFrom() {
    ParetoNbd truth = ParetoNbd.of(0.55, 10.5, 0.6, 11.7);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1987L);
    double[] ages = new double[50_000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 27 + 12 * rng.nextDouble();
    }
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(truth.simulate(ages, rng));
    BgNbdRecoveryTest.checkRecovery(fit, new double[] {0.55, 10.5, 0.6, 11.7}, 0.5);
  }

  @Test
  void smallBasesFitOrAreReportedUnidentifiable() {
    int[] outcomes = BgNbdFitRobustnessTest.checkSmallBases(models(), ParetoNbd::fit, "Pareto/NBD");
    assertThat(outcomes[0] + outcomes[1]).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> ParetoNbd.of(1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s");
    ParetoNbd model = ParetoNbdReferenceTest.PUBLISHED;
    assertThatThrownBy(() -> model.expectedPurchases(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time NaN must be finite and >= 0");
    assertThatThrownBy(() -> model.probabilityAlive(0, 1, 38))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ParetoNbd.fit(CustomerSummaries.of(new int[0], new double[0], new double[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data cannot identify the Pareto/NBD model: no customers");
    assertThatThrownBy(
            () ->
                ParetoNbd.fit(CustomerSummaries.of(new int[] {0}, new double[1], new double[] {3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the Pareto/NBD model: none of the 1 customers made a repeat"
                + " purchase");
    // a customer whose last purchase is at the end of observation is surely alive
    assertThat(model.probabilityAlive(3, 38, 38)).isEqualTo(1);
    assertThat(model.conditionalProbabilityOfPurchases(0, 0, 2, 30, 38)).isEqualTo(1);
    assertThat(model.logLikelihood(2, 30.43, 38.86))
        .isCloseTo(
            model.logLikelihood(
                CustomerSummaries.of(new int[] {2}, new double[] {30.43}, new double[] {38.86})),
            within(0.0));
    assertThat(model).isEqualTo(ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562));
    assertThat(model.hashCode())
        .isEqualTo(ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562).hashCode());
  }
}
