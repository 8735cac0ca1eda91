package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MbgNbdTest {
  static Gen<MbgNbd> models() {
    return doubles()
        .between(0.05, 5)
        .zip(
            doubles().between(0.5, 50),
            doubles().between(0.1, 5),
            doubles().between(0.1, 10),
            MbgNbd::of);
  }

  @Test
  void probabilitiesOfPurchaseCountsSumToOneWithTheExpectedMean() {
    // sum_n P(X(t) = n) = 1 and sum_n n P(X(t) = n) = E[X(t)], two computations that share no
    // formula: the negative binomial pmf and tail against the positive series
    TransactionModelLaws.purchaseCountsSumToOneWithTheExpectedMean(models(), 60, 4000);
  }

  @Test
  void conditionalProbabilitiesSumToOneWithTheConditionalMean() {
    TransactionModelLaws.conditionalCountsSumToOneWithTheConditionalMean(models(), 60, 4000, true);
  }

  @Test
  void aCustomerWithoutRepeatPurchasesIsLessLikelyAliveTheOlderItIs() {
    MbgNbd model = MbgNbdReferenceTest.PUBLISHED;
    // x = 0: 1 / (1 + a / b (1 + T / alpha)^r), by hand at T = 0: 1 / (1 + 0.891 / 1.614)
    assertThat(model.probabilityAlive(0, 0, 0)).isCloseTo(1 / (1 + 0.891 / 1.614), within(1e-15));
    assertThat(model.probabilityAlive(0, 0, 20)).isLessThan(model.probabilityAlive(0, 0, 10));
    // the BG/NBD says 1 for every such customer
    assertThat(BgNbd.of(0.525, 6.183, 0.891, 1.614).probabilityAlive(0, 0, 20)).isEqualTo(1);
  }

  @Test
  void baseExpectationIsTheSumOfItsCustomers() {
    CustomerSummaries base = CustomerSummaries.of(Cdnow.calibration());
    MbgNbd model = MbgNbdReferenceTest.PUBLISHED;
    double sum = 0;
    for (int i = 0; i < base.size(); i++) {
      sum +=
          base.count(i)
              * model.conditionalExpectedPurchases(
                  39, base.frequency(i), base.recency(i), base.age(i));
    }
    assertThat(model.conditionalExpectedPurchases(39, base)).isCloseTo(sum, within(1e-9 * sum));
    double ll = 0;
    for (int i = 0; i < base.size(); i++) {
      ll += base.count(i) * model.logLikelihood(base.frequency(i), base.recency(i), base.age(i));
    }
    assertThat(model.logLikelihood(base)).isCloseTo(ll, within(1e-8));
  }

  @Test
  void recoversTheParametersItWasSimulatedFrom() {
    MbgNbd truth = MbgNbd.of(0.5, 6, 0.9, 1.6);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2007L);
    double[] ages = new double[200_000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 27 + 12 * rng.nextDouble();
    }
    ModelFit<MbgNbd> fit = MbgNbd.fit(truth.simulate(ages, rng));
    BgNbdRecoveryTest.checkRecovery(fit, new double[] {0.5, 6, 0.9, 1.6}, 0.1);
  }

  @Test
  void smallBasesFitOrAreReportedUnidentifiable() {
    // the small simulated bases of BgNbdFitRobustnessTest, drawn from the MBG/NBD
    int[] outcomes = BgNbdFitRobustnessTest.checkSmallBases(models(), MbgNbd::fit, "MBG/NBD");
    assertThat(outcomes[0] + outcomes[1]).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> MbgNbd.of(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r");
    assertThatThrownBy(() -> MbgNbd.of(1, 1, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b");
    MbgNbd model = MbgNbdReferenceTest.PUBLISHED;
    assertThatThrownBy(() -> model.expectedPurchases(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time -1.0 must be finite and >= 0");
    assertThatThrownBy(() -> model.probabilityAlive(2, 40, 38))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> model.probabilityOfPurchases(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("number of purchases");
    assertThatThrownBy(
            () -> MbgNbd.fit(CustomerSummaries.of(new int[0], new double[0], new double[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data cannot identify the MBG/NBD model: no customers");
    assertThatThrownBy(
            () ->
                MbgNbd.fit(
                    CustomerSummaries.of(new int[] {0, 0}, new double[2], new double[] {3, 4})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the MBG/NBD model: none of the 2 customers made a repeat"
                + " purchase");
    assertThatThrownBy(
            () -> model.simulate(new double[] {1, -2}, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("age -2.0 at index 1 must be finite and >= 0");
    assertThat(model.conditionalProbabilityOfPurchases(0, 0, 1, 1, 2)).isEqualTo(1);
    assertThat(model).isEqualTo(MbgNbd.of(0.525, 6.183, 0.891, 1.614)).isNotEqualTo(List.of());
    assertThat(model.hashCode()).isEqualTo(MbgNbd.of(0.525, 6.183, 0.891, 1.614).hashCode());
  }
}
