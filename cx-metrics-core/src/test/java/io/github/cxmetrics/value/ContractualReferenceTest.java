package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sBG and BdW models on the two cohorts of Fader &amp; Hardie (2007).
 *
 * <p>Published: P. S. Fader and B. G. S. Hardie, "How to Project Customer Retention", Journal of
 * Interactive Marketing 21(1), 76-90, 2007, Table 1 (survivors of 1,000 customers acquired in year
 * 0, years 0 to 12) and section "Estimating the model": fitted to years 0-7, Regular alpha = 0.704,
 * beta = 1.182; High End alpha = 0.668, beta = 3.806.
 *
 * <p>Second algorithm: SciPy ({@code src/test/reference/contractual_models.py}): the survivor
 * function from {@code scipy.special.betaln}, the likelihood maximised by Nelder-Mead then BFGS,
 * standard errors from a central-difference Hessian, customer values from {@code
 * scipy.special.hyp2f1} (Fader &amp; Hardie 2010's closed forms). Every figure below is that
 * script's output.
 */
class ContractualReferenceTest {
  static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173};
  static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394};

  static SurvivorCounts calibration(long[] cohort) {
    return SurvivorCounts.of(Arrays.copyOf(cohort, 8));
  }

  @Test
  void sbgReproducesThePublishedEstimates() {
    ModelFit<ShiftedBetaGeometric> regular = ShiftedBetaGeometric.fit(calibration(REGULAR));
    assertThat(regular.model().alpha()).isCloseTo(0.704, within(0.0005));
    assertThat(regular.model().beta()).isCloseTo(1.182, within(0.0005));
    ModelFit<ShiftedBetaGeometric> highEnd = ShiftedBetaGeometric.fit(calibration(HIGH_END));
    assertThat(highEnd.model().alpha()).isCloseTo(0.668, within(0.0005));
    assertThat(highEnd.model().beta()).isCloseTo(3.806, within(0.0005));
    // SciPy: the maxima, log-likelihoods and standard errors
    assertThat(regular.model().alpha()).isCloseTo(0.70407728, within(1e-6));
    assertThat(regular.model().beta()).isCloseTo(1.18204296, within(1e-6));
    assertThat(regular.logLikelihood()).isCloseTo(-1680.26518846, within(1e-6));
    assertThat(regular.standardErrors()[0]).isCloseTo(0.06559892, within(1e-5));
    assertThat(regular.standardErrors()[1]).isCloseTo(0.15247553, within(1e-5));
    assertThat(highEnd.model().alpha()).isCloseTo(0.66808835, within(1e-6));
    assertThat(highEnd.model().beta()).isCloseTo(3.80609500, within(1e-5));
    assertThat(highEnd.logLikelihood()).isCloseTo(-1611.15814739, within(1e-6));
    assertThat(highEnd.standardErrors()[0]).isCloseTo(0.10373487, within(1e-5));
    assertThat(highEnd.standardErrors()[1]).isCloseTo(0.78553126, within(1e-4));
    assertThat(regular.customers()).isEqualTo(1000);
    assertThat(regular.timeUnit()).isEmpty();
  }

  @Test
  void sbgProjectsYearsEightToTwelve() {
    ShiftedBetaGeometric regular = ShiftedBetaGeometric.fit(calibration(REGULAR)).model();
    ShiftedBetaGeometric highEnd = ShiftedBetaGeometric.fit(calibration(HIGH_END)).model();
    // SciPy: 1000 S(t), years 8-12
    double[] regularExpected = {220.085, 204.4108, 191.1902, 179.865, 170.0375};
    double[] highEndExpected = {460.4397, 435.7796, 414.1724, 395.0553, 377.9991};
    List<ProjectedSurvivors> rows = regular.project(Arrays.copyOf(REGULAR, 8), 12);
    assertThat(rows).hasSize(13);
    for (int t = 8; t <= 12; t++) {
      assertThat(rows.get(t).observed()).isEmpty();
      assertThat(rows.get(t).expected()).isCloseTo(regularExpected[t - 8], within(1e-3));
      assertThat(highEnd.expectedSurvivors(1000, t))
          .isCloseTo(highEndExpected[t - 8], within(1e-3));
    }
    assertThat(rows.get(7).observed()).hasValue(241);
    // the paper's point: the projection stays within a few percent of what was observed later
    // (the README quotes these bounds: 2% for Regular, 5% for High End)
    for (int t = 8; t <= 12; t++) {
      assertThat(rows.get(t).expected() / REGULAR[t]).isBetween(0.98, 1.0);
      assertThat(highEnd.expectedSurvivors(1000, t) / HIGH_END[t]).isBetween(0.95, 1.0);
    }
  }

  @Test
  void sbgCustomerValuesMatchTheHypergeometricClosedForms() {
    ShiftedBetaGeometric regular = ShiftedBetaGeometric.fit(calibration(REGULAR)).model();
    ShiftedBetaGeometric highEnd = ShiftedBetaGeometric.fit(calibration(HIGH_END)).model();
    // SciPy hyp2f1 at the fitted parameters, d = 0.1
    assertThat(regular.discountedExpectedLifetime(0.1)).isCloseTo(3.694908420761, within(1e-7));
    assertThat(regular.discountedExpectedResidualLifetime(0.1, 0))
        .isCloseTo(2.964399262837, within(1e-7));
    assertThat(regular.discountedExpectedResidualLifetime(0.1, 4))
        .isCloseTo(5.894095430295, within(1e-7));
    assertThat(regular.discountedExpectedResidualLifetime(0.1, 7))
        .isCloseTo(6.842315018927, within(1e-7));
    assertThat(regular.retentionElasticity(0.1, 0)).isCloseTo(6.459315259658, within(1e-6));
    assertThat(regular.retentionElasticity(0.1, 7)).isCloseTo(8.226911270495, within(1e-6));
    assertThat(highEnd.discountedExpectedLifetime(0.1)).isCloseTo(5.922253511742, within(1e-6));
    assertThat(highEnd.discountedExpectedResidualLifetime(0.1, 4))
        .isCloseTo(6.896706689009, within(1e-6));
    assertThat(highEnd.retentionElasticity(0.1, 4)).isCloseTo(8.295374898411, within(1e-5));
  }

  @Test
  void bdwFitsAsSciPyDoesAndTestsDurationDependence() {
    ModelFit<BetaDiscreteWeibull> regular = BetaDiscreteWeibull.fit(calibration(REGULAR));
    assertThat(regular.model().alpha()).isCloseTo(0.45561401, within(1e-5));
    assertThat(regular.model().beta()).isCloseTo(0.77932558, within(1e-5));
    assertThat(regular.model().c()).isCloseTo(1.28345126, within(1e-5));
    assertThat(regular.logLikelihood()).isCloseTo(-1679.60283291, within(1e-6));
    assertThat(regular.standardErrors())
        .containsExactly(new double[] {0.16704082, 0.28270894, 0.29809396}, within(1e-4));
    ModelFit<BetaDiscreteWeibull> highEnd = BetaDiscreteWeibull.fit(calibration(HIGH_END));
    assertThat(highEnd.model().alpha()).isCloseTo(0.21425334, within(1e-5));
    assertThat(highEnd.model().beta()).isCloseTo(1.42657490, within(1e-4));
    assertThat(highEnd.model().c()).isCloseTo(1.72356486, within(1e-5));
    assertThat(highEnd.logLikelihood()).isCloseTo(-1605.31421321, within(1e-6));
    assertThat(highEnd.standardErrors())
        .containsExactly(new double[] {0.0595796, 0.38140793, 0.30104279}, within(1e-4));

    LikelihoodRatioTest regularTest =
        BetaDiscreteWeibull.testDurationDependence(calibration(REGULAR));
    assertThat(regularTest.statistic()).isCloseTo(1.32471111, within(1e-6));
    assertThat(regularTest.pValue()).isCloseTo(0.24974830, within(1e-6));
    assertThat(regularTest.isSignificant(0.95)).isFalse();
    LikelihoodRatioTest highEndTest =
        BetaDiscreteWeibull.testDurationDependence(calibration(HIGH_END));
    assertThat(highEndTest.statistic()).isCloseTo(11.68786835, within(1e-6));
    assertThat(highEndTest.pValue()).isCloseTo(0.00062909, within(1e-7));
    assertThat(highEndTest.isSignificant(0.95)).isTrue();
    assertThat(highEndTest.degreesOfFreedom()).isEqualTo(1);
  }

  @Test
  void bdwProjectionsAndValues() {
    BetaDiscreteWeibull highEnd = BetaDiscreteWeibull.fit(calibration(HIGH_END)).model();
    // SciPy: 1000 S(t) years 8-12, and DEL(0.1) by a direct sum of 2,000 terms
    double[] expected = {467.7524, 448.3379, 431.5817, 416.9159, 403.9296};
    for (int t = 8; t <= 12; t++) {
      assertThat(highEnd.expectedSurvivors(1000, t)).isCloseTo(expected[t - 8], within(1e-3));
    }
    assertThat(highEnd.discountedExpectedLifetime(0.1)).isCloseTo(6.093083102051, within(1e-6));
  }
}
