package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.gamma.LogBeta;
import org.junit.jupiter.api.Test;

/**
 * Examples and edges of the contractual models, with expected values computed here by hand or by a
 * second formula: survivor values from {@code LogBeta} where the models multiply ratios, sums of
 * series term by term where they use closed forms.
 */
class ContractualModelTest {
  private static final ShiftedBetaGeometric SBG = ShiftedBetaGeometric.of(0.704, 1.182);
  private static final BetaDiscreteWeibull BDW = BetaDiscreteWeibull.of(0.456, 0.779, 1.283);

  /** S(t) = B(alpha, beta + t^c) / B(alpha, beta) through Commons Numbers' log-beta. */
  private static double survival(double alpha, double beta, double c, int t) {
    return Math.exp(LogBeta.value(alpha, beta + Math.pow(t, c)) - LogBeta.value(alpha, beta));
  }

  @Test
  void sbgFunctionsByHand() {
    double a = 0.704;
    double b = 1.182;
    assertThat(SBG.survival(0)).isEqualTo(1.0);
    assertThat(SBG.survival(1)).isCloseTo(b / (a + b), within(1e-15));
    assertThat(SBG.survival(2)).isCloseTo(b / (a + b) * (b + 1) / (a + b + 1), within(1e-15));
    assertThat(SBG.churnProbability(1)).isCloseTo(a / (a + b), within(1e-15));
    assertThat(SBG.churnProbability(2)).isCloseTo(b / (a + b) * a / (a + b + 1), within(1e-15));
    assertThat(SBG.retentionRate(3)).isCloseTo((b + 2) / (a + b + 2), within(1e-15));
    for (int t : new int[] {5, 40, 1000}) {
      assertThat(SBG.survival(t))
          .isCloseTo(survival(a, b, 1, t), within(1e-12 * survival(a, b, 1, t)));
    }
    // far periods keep their precision: S(t) ~ Gamma(a + b) / Gamma(b) t^-a, tiny but not 0
    assertThat(SBG.survival(2_000_000)).isPositive();
    assertThat(SBG.expectedSurvivors(1000, 2)).isCloseTo(1000 * SBG.survival(2), within(1e-12));
  }

  @Test
  void bdwFunctionsByHand() {
    assertThat(BDW.survival(0)).isEqualTo(1.0);
    for (int t = 1; t <= 30; t++) {
      double s = survival(0.456, 0.779, 1.283, t);
      double before = survival(0.456, 0.779, 1.283, t - 1);
      assertThat(BDW.survival(t)).isCloseTo(s, within(1e-13));
      assertThat(BDW.churnProbability(t)).isCloseTo(before - s, within(1e-13));
      assertThat(BDW.retentionRate(t)).isCloseTo(s / before, within(1e-12));
    }
    // c = 1 is the sBG
    BetaDiscreteWeibull one = BetaDiscreteWeibull.of(0.704, 1.182, 1);
    for (int t = 0; t <= 50; t++) {
      assertThat(one.survival(t)).isCloseTo(SBG.survival(t), within(1e-13));
    }
    assertThat(one.discountedExpectedLifetime(0.1))
        .isCloseTo(SBG.discountedExpectedLifetime(0.1), within(1e-11));
    assertThat(one.discountedExpectedResidualLifetime(0.05, 6))
        .isCloseTo(SBG.discountedExpectedResidualLifetime(0.05, 6), within(1e-10));
    SurvivorCounts regular = ContractualReferenceTest.calibration(ContractualReferenceTest.REGULAR);
    assertThat(one.logLikelihood(regular)).isCloseTo(SBG.logLikelihood(regular), within(1e-9));
  }

  @Test
  void closedFormsAgreeWithTermByTermSums() {
    // the interface's default sums (ContractualSums) against the sBG's hypergeometric series
    for (double d : new double[] {0.01, 0.1, 0.5, 3}) {
      assertThat(ContractualSums.discounted(SBG, d, 0))
          .isCloseTo(SBG.discountedExpectedLifetime(d), within(1e-11 * (1 / d)));
      for (int n : new int[] {0, 1, 7}) {
        double derl = ContractualSums.discounted(SBG, d, n + 1) / SBG.survival(n);
        assertThat(SBG.discountedExpectedResidualLifetime(d, n))
            .isCloseTo(derl, within(1e-11 * (1 / d)));
      }
    }
    // a direct sum over LogBeta survivor values, d = 0.1 (the terms fall like 1.1^-t)
    double sum = 0;
    for (int t = 0; t < 600; t++) {
      sum += survival(0.704, 1.182, 1, t) / Math.pow(1.1, t);
    }
    assertThat(SBG.discountedExpectedLifetime(0.1)).isCloseTo(sum, within(1e-11));
  }

  @Test
  void undiscountedLifetimeOfTheSbg() {
    ShiftedBetaGeometric finite = ShiftedBetaGeometric.of(2, 3);
    // E[1 / theta] for theta ~ Beta(2, 3): (a + b - 1) / (a - 1) = 4
    assertThat(finite.expectedLifetime()).isEqualTo(4.0);
    assertThat(finite.discountedExpectedLifetime(0)).isEqualTo(4.0);
    // (beta + n) / (alpha - 1): renewed 5 times, 8 payments to come on average
    assertThat(finite.discountedExpectedResidualLifetime(0, 5)).isCloseTo(8.0, within(1e-15));
    double direct = 0;
    for (int t = 0; t < 2_000_000; t++) {
      direct += survival(2, 3, 1, t);
    }
    assertThat(direct).isCloseTo(4.0, within(1e-5)); // tail ~ 12 / 2e6
    assertThat(SBG.expectedLifetime()).isInfinite();
    assertThat(SBG.discountedExpectedLifetime(0)).isInfinite();
    assertThat(ShiftedBetaGeometric.of(1, 3).expectedLifetime()).isInfinite();
  }

  @Test
  void discountRatesOutsideTheirRangeAreRejected() {
    for (double d : new double[] {-1, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> SBG.discountedExpectedLifetime(d))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("discountRate (" + d + ")");
      assertThatThrownBy(() -> BDW.discountedExpectedResidualLifetime(d, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("discountRate (" + d + ")");
    }
    assertThatThrownBy(() -> BDW.discountedExpectedLifetime(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discountRate (0.0) must be finite and > 0");
    assertThatThrownBy(() -> SBG.retentionElasticity(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discountRate (0.0)");
    assertThatThrownBy(() -> BDW.discountedExpectedLifetime(1e-9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discountRate (1.0E-9) is too small");
    assertThatThrownBy(() -> SBG.discountedExpectedLifetime(1e-9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is too small");
    assertThatThrownBy(() -> SBG.discountedExpectedResidualLifetime(0.1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("renewals (-1) must be >= 0");
    assertThatThrownBy(() -> BDW.discountedExpectedResidualLifetime(0.1, -1))
        .hasMessageContaining("renewals (-1) must be >= 0");
    assertThatThrownBy(() -> SBG.retentionElasticity(0.1, -2))
        .hasMessageContaining("renewals (-2) must be >= 0");
  }

  @Test
  void parametersAndPeriodsOutsideTheirRangeAreRejected() {
    assertThatThrownBy(() -> ShiftedBetaGeometric.of(0, 1))
        .hasMessage("alpha (0.0) must be finite and > 0");
    assertThatThrownBy(() -> ShiftedBetaGeometric.of(1, Double.NaN))
        .hasMessage("beta (NaN) must be finite and > 0");
    assertThatThrownBy(() -> BetaDiscreteWeibull.of(1, 1, -1))
        .hasMessage("c (-1.0) must be finite and > 0");
    assertThatThrownBy(() -> SBG.survival(-1)).hasMessage("t (-1) must be >= 0");
    assertThatThrownBy(() -> BDW.survival(-1)).hasMessage("t (-1) must be >= 0");
    assertThatThrownBy(() -> SBG.churnProbability(0)).hasMessage("t (0) must be >= 1");
    assertThatThrownBy(() -> BDW.churnProbability(0)).hasMessage("t (0) must be >= 1");
    assertThatThrownBy(() -> SBG.retentionRate(0)).hasMessage("t (0) must be >= 1");
    assertThatThrownBy(() -> BDW.retentionRate(0)).hasMessage("t (0) must be >= 1");
    assertThatThrownBy(() -> SBG.expectedSurvivors(-5, 1)).hasMessage("size (-5) must be >= 0");
    assertThatThrownBy(() -> SBG.project(new long[] {10, 12}, 3))
        .hasMessageContaining("the observed cohort grows from 10 at period 0 to 12 at period 1");
    assertThatThrownBy(() -> SBG.project(new long[] {10}, -1))
        .hasMessage("lastPeriod (-1) must be >= 0");
    assertThatThrownBy(() -> SBG.lifetimeValue(Double.NaN, 0.1))
        .hasMessage("margin (NaN) must be finite");
    assertThatThrownBy(() -> SBG.simulate(-1, 3, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesOfCustomersAndOfABase() {
    assertThat(SBG.lifetimeValue(50, 0.1))
        .isCloseTo(50 * SBG.discountedExpectedLifetime(0.1), within(1e-12));
    // a negative margin is a loss-making subscription: its value is negative
    assertThat(SBG.lifetimeValue(-20, 0.1)).isNegative();
    // a base of two cohorts: 400 of 1000 still subscribed after 3 renewals, 700 of 800 after 1
    SurvivorCounts base =
        SurvivorCounts.ofCohorts(List.of(new long[] {1000, 600, 500, 400}, new long[] {800, 700}));
    double expected =
        30
            * (400 * SBG.discountedExpectedResidualLifetime(0.1, 3)
                + 700 * SBG.discountedExpectedResidualLifetime(0.1, 1));
    assertThat(SBG.residualValue(30, 0.1, base)).isCloseTo(expected, within(1e-9));
    assertThat(BDW.residualValue(30, 0.1, SurvivorCounts.of(10, 0))).isZero();
    // retention rises with tenure, so a customer who renewed more is worth more
    assertThat(SBG.discountedExpectedResidualLifetime(0.1, 8))
        .isGreaterThan(SBG.discountedExpectedResidualLifetime(0.1, 2));
    // homogeneous retention r gives the elasticity (1 + d) / (1 + d - r); heterogeneity raises it
    double r = SBG.retentionRate(1);
    assertThat(SBG.retentionElasticity(0.1, 0)).isGreaterThan(1.1 / (1.1 - r));
  }

  @Test
  void projectionRowsPairObservedAndExpected() {
    List<ProjectedSurvivors> rows = SBG.project(new long[] {500, 300}, 3);
    assertThat(rows).extracting(ProjectedSurvivors::period).containsExactly(0, 1, 2, 3);
    assertThat(rows.get(0).observed()).hasValue(500);
    assertThat(rows.get(1).observed()).hasValue(300);
    assertThat(rows.get(2).observed()).isEmpty();
    assertThat(rows.get(3).expected()).isCloseTo(500 * SBG.survival(3), within(1e-10));
    assertThat(SBG.project(new long[] {500, 300}, 0)).hasSize(1);
  }

  @Test
  void survivorCountsAccumulateLostAndCensoredCustomers() {
    SurvivorCounts data =
        SurvivorCounts.ofCohorts(
            List.of(new long[] {100, 60, 50}, new long[] {40, 30}, new long[] {7}));
    assertThat(data.cohortCount()).isEqualTo(3);
    assertThat(data.customers()).isEqualTo(147);
    assertThat(data.lastPeriod()).isEqualTo(2);
    assertThat(data.lostIn(1)).isEqualTo(40 + 10);
    assertThat(data.lostIn(2)).isEqualTo(10);
    assertThat(data.censoredAt(0)).isEqualTo(7);
    assertThat(data.censoredAt(1)).isEqualTo(30);
    assertThat(data.censoredAt(2)).isEqualTo(50);
    assertThat(data.cohort(1)).containsExactly(40, 30);
    assertThatThrownBy(() -> data.lostIn(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> data.lostIn(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> data.censoredAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
    // the counts are copied
    long[] counts = {10, 5};
    SurvivorCounts copy = SurvivorCounts.of(counts);
    counts[1] = 9;
    assertThat(copy.cohort(0)).containsExactly(10, 5);
    assertThat(copy)
        .isEqualTo(SurvivorCounts.of(10, 5))
        .hasSameHashCodeAs(SurvivorCounts.of(10, 5));
    assertThat(copy).isNotEqualTo(SurvivorCounts.of(10, 4)).isNotEqualTo(data).isNotEqualTo("x");
    assertThat(data).hasToString("SurvivorCounts[3 cohorts, 147 customers, through period 2]");
    assertThat(copy).hasToString("SurvivorCounts[1 cohort, 10 customers, through period 1]");
  }

  @Test
  void survivorCountsThatAreNotSurvivorCountsAreRejected() {
    assertThatThrownBy(() -> SurvivorCounts.of(1000, 631, 700))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cohort 0 grows from 631 at period 1 to 700 at period 2: survivor counts cannot increase");
    assertThatThrownBy(() -> SurvivorCounts.of(0, 0))
        .hasMessage("cohort 0 has size 0 at period 0: a cohort needs at least one customer");
    assertThatThrownBy(() -> SurvivorCounts.of(10, -1))
        .hasMessage("cohort 0 has a negative count -1 at period 1");
    assertThatThrownBy(() -> SurvivorCounts.of(1000))
        .hasMessageContaining("need a cohort observed for at least two periods (0 and 1)");
    assertThatThrownBy(() -> SurvivorCounts.of(new long[0]))
        .hasMessageContaining("cohort 0 has no count");
    assertThatThrownBy(() -> SurvivorCounts.ofCohorts(List.of()))
        .hasMessage("survivor counts need at least one cohort");
    List<long[]> withNull = new ArrayList<>();
    withNull.add(new long[] {3, 2});
    withNull.add(null);
    assertThatThrownBy(() -> SurvivorCounts.ofCohorts(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cohort at index 1");
    assertThatThrownBy(
            () -> SurvivorCounts.ofCohorts(List.of(new long[] {3, 2}, new long[] {5, 6})))
        .hasMessageStartingWith("cohort 1 grows from 5 at period 0 to 6 at period 1");
    assertThatThrownBy(
            () ->
                SurvivorCounts.ofCohorts(
                    List.of(new long[] {Long.MAX_VALUE, 1}, new long[] {1, 1})))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void fitsThatTheDataCannotSupportSaySo() {
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(SurvivorCounts.of(100, 80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the sBG model: its 2 parameters need a cohort observed through"
                + " period 2, and the counts end at period 1");
    assertThatThrownBy(() -> BetaDiscreteWeibull.fit(SurvivorCounts.of(100, 80, 70)))
        .hasMessageContaining("its 3 parameters need a cohort observed through period 3");
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(SurvivorCounts.of(100, 100, 100)))
        .hasMessage("the data cannot identify the sBG model: none of the 100 customers was lost");
    // every customer churns with probability 0.3 a period: no spread for a beta distribution
    long[] geometric = new long[9];
    for (int t = 0; t < geometric.length; t++) {
      geometric[t] = Math.round(1_000_000 * Math.pow(0.7, t));
    }
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(SurvivorCounts.of(geometric)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the data cannot identify the sBG model")
        .hasMessageContaining("the churn probability does not vary across customers")
        .hasMessageContaining("(the geometric), with theta = 0.300");
    assertThatThrownBy(() -> BetaDiscreteWeibull.fit(SurvivorCounts.of(geometric)))
        .hasMessageContaining("(the discrete Weibull), with theta = 0.29999");
  }

  @Test
  void aCohortLostWholeIsStillALikelihood() {
    // everyone is gone by period 2: nobody is censored, the likelihood is the churn terms alone
    SurvivorCounts gone = SurvivorCounts.of(100, 40, 0);
    double a = 0.704;
    double b = 1.182;
    double byHand = 60 * Math.log(a / (a + b)) + 40 * Math.log(b / (a + b) * a / (a + b + 1));
    assertThat(SBG.logLikelihood(gone)).isCloseTo(byHand, within(1e-10));
    assertThat(BDW.logLikelihood(gone)).isFinite().isNegative();
    // its maximum is the homogeneous limit (60 of 100 lost, then 40 of 40: 100 / 140 churn a
    // period), which the sBG reaches only as alpha and beta run to infinity; the BdW runs c to
    // infinity instead (everyone left lost at period 2 for sure)
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(SurvivorCounts.of(100, 40, 0, 0)))
        .hasMessageContaining("the churn probability does not vary across customers")
        .hasMessageEndingWith("with theta = " + 100.0 / 140);
    assertThatThrownBy(() -> BetaDiscreteWeibull.fit(SurvivorCounts.of(100, 40, 0, 0)))
        .hasMessageStartingWith(
            "the data cannot identify the BdW model: its likelihood is flat in c");
  }

  @Test
  void modelsAreValues() {
    assertThat(ShiftedBetaGeometric.of(0.704, 1.182)).isEqualTo(SBG).hasSameHashCodeAs(SBG);
    assertThat(SBG)
        .isNotEqualTo(ShiftedBetaGeometric.of(0.704, 1.183))
        .isNotEqualTo(ShiftedBetaGeometric.of(0.7, 1.182))
        .isNotEqualTo(BDW);
    assertThat(BetaDiscreteWeibull.of(0.456, 0.779, 1.283)).isEqualTo(BDW).hasSameHashCodeAs(BDW);
    assertThat(BDW)
        .isNotEqualTo(BetaDiscreteWeibull.of(0.456, 0.779, 1.284))
        .isNotEqualTo(BetaDiscreteWeibull.of(0.456, 0.78, 1.283))
        .isNotEqualTo(BetaDiscreteWeibull.of(0.45, 0.779, 1.283));
    assertThat(SBG).hasToString("sBG(alpha = 0.704, beta = 1.182)");
    assertThat(BDW).hasToString("BdW(alpha = 0.456, beta = 0.779, c = 1.283)");
    assertThat(SBG.alpha()).isEqualTo(0.704);
    assertThat(BDW.c()).isEqualTo(1.283);
  }

  @Test
  void likelihoodRatioTestEdges() {
    LikelihoodRatioTest test = LikelihoodRatioTest.of(-100, -98, 1);
    assertThat(test.statistic()).isEqualTo(4.0);
    // chi-square(1) upper tail at 4: 2 (1 - Phi(2)) = 0.0455002638...
    assertThat(test.pValue()).isCloseTo(0.04550026389635842, within(1e-12));
    assertThat(test.isSignificant(0.95)).isTrue();
    assertThat(test.isSignificant(0.99)).isFalse();
    // a fuller fit below the restricted one by rounding only: no evidence
    LikelihoodRatioTest rounding = LikelihoodRatioTest.of(-1000, -1000 - 1e-8, 1);
    assertThat(rounding.statistic()).isZero();
    assertThat(rounding.pValue()).isEqualTo(1.0);
    assertThatThrownBy(() -> LikelihoodRatioTest.of(-1000, -1001, 1))
        .hasMessageContaining("the fuller fit did not reach its maximum");
    assertThatThrownBy(() -> LikelihoodRatioTest.of(-1, 0, 0))
        .hasMessage("degreesOfFreedom (0) must be >= 1");
    assertThatThrownBy(() -> LikelihoodRatioTest.of(Double.NaN, 0, 1))
        .hasMessage("restrictedLogLikelihood (NaN) must be finite");
    assertThatThrownBy(() -> test.isSignificant(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void multipleCohortsAddTheirLikelihoods() {
    long[] regular = ContractualReferenceTest.REGULAR;
    long[] highEnd = Arrays.copyOf(ContractualReferenceTest.HIGH_END, 5);
    SurvivorCounts both = SurvivorCounts.ofCohorts(List.of(regular, highEnd));
    for (ContractualModel model : List.<ContractualModel>of(SBG, BDW)) {
      assertThat(model.logLikelihood(both))
          .isCloseTo(
              model.logLikelihood(SurvivorCounts.of(regular))
                  + model.logLikelihood(SurvivorCounts.of(highEnd)),
              within(1e-9));
    }
    // and a cohort's likelihood by hand, from the churn and survival functions
    double byHand = 0;
    for (int t = 1; t < highEnd.length; t++) {
      byHand += (highEnd[t - 1] - highEnd[t]) * Math.log(BDW.churnProbability(t));
    }
    byHand += highEnd[highEnd.length - 1] * Math.log(BDW.survival(highEnd.length - 1));
    assertThat(BDW.logLikelihood(SurvivorCounts.of(highEnd))).isCloseTo(byHand, within(1e-9));
  }
}
