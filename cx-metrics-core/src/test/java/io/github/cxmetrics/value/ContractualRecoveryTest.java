package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: cohorts simulated from known sBG and BdW parameters (each customer's churn
 * probability drawn from the beta distribution, then its lifetime by inversion: code that shares
 * nothing with the likelihoods) must give back those parameters, each within four of its reported
 * standard errors, and the standard errors must shrink like one over the square root of the number
 * of customers.
 */
class ContractualRecoveryTest {
  private static void checkRecovery(ModelFit<?> fit, double[] truth) {
    BgNbdRecoveryTest.checkRecovery(fit, truth, 0.1);
  }

  @Test
  void sbgRecoversOneCohortAndManyCohortsOfDifferentAges() {
    ShiftedBetaGeometric truth = ShiftedBetaGeometric.of(0.7, 1.2);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2007L);
    ModelFit<ShiftedBetaGeometric> one =
        ShiftedBetaGeometric.fit(SurvivorCounts.of(truth.simulate(100_000, 12, rng)));
    checkRecovery(one, new double[] {0.7, 1.2});
    // twelve yearly cohorts, the oldest observed for 12 periods and the newest for 1
    List<long[]> cohorts = new ArrayList<>();
    for (int age = 1; age <= 12; age++) {
      cohorts.add(truth.simulate(10_000, age, rng));
    }
    checkRecovery(
        ShiftedBetaGeometric.fit(SurvivorCounts.ofCohorts(cohorts)), new double[] {0.7, 1.2});
    ModelFit<ShiftedBetaGeometric> small =
        ShiftedBetaGeometric.fit(SurvivorCounts.of(truth.simulate(25_000, 12, rng)));
    for (int i = 0; i < 2; i++) {
      // four times fewer customers, about twice the standard error
      assertThat(small.standardErrors()[i] / one.standardErrors()[i]).isBetween(1.6, 2.5);
    }
  }

  @Test
  void bdwRecoversItsParametersAndTheTestSeesDurationDependence() {
    BetaDiscreteWeibull truth = BetaDiscreteWeibull.of(0.5, 1.0, 1.5);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2018L);
    SurvivorCounts data = SurvivorCounts.of(truth.simulate(200_000, 12, rng));
    checkRecovery(BetaDiscreteWeibull.fit(data), new double[] {0.5, 1.0, 1.5});
    assertThat(BetaDiscreteWeibull.testDurationDependence(data).pValue()).isLessThan(1e-6);
    // without duration dependence the test rejects at 5% about one time in 20: here, not at 0.1%
    SurvivorCounts none =
        SurvivorCounts.of(BetaDiscreteWeibull.of(0.5, 1.0, 1).simulate(200_000, 12, rng));
    assertThat(BetaDiscreteWeibull.testDurationDependence(none).pValue()).isGreaterThan(0.001);
    checkRecovery(BetaDiscreteWeibull.fit(none), new double[] {0.5, 1.0, 1.0});
  }
}
