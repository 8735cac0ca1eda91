package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analytic gradient and Hessian of each likelihood against central differences, at random
 * parameter points, on the CDNOW calibration sample (2,357 customers; 946 repeat buyers for the
 * Gamma-Gamma model) and, for the contractual models, on the two cohorts of Fader &amp; Hardie
 * (2007): a second computation of every derivative that shares no algebra with the first.
 */
class LikelihoodDerivativesTest {
  private static final List<PurchaseHistory> CDNOW = Cdnow.calibration();
  private static final Newton.Objective BG_NBD = new BgNbdLikelihood(CustomerSummaries.of(CDNOW));
  private static final Newton.Objective BG_BB = new BgBbLikelihood(BgBbReferenceTest.donations());
  private static final Newton.Objective PARETO_NBD =
      new ParetoNbdLikelihood(CustomerSummaries.of(CDNOW));
  private static final Newton.Objective MBG_NBD =
      new BgNbdLikelihood(CustomerSummaries.of(CDNOW), true);
  private static final Newton.Objective GAMMA_GAMMA = gammaGamma();

  /**
   * Both cohorts of Fader &amp; Hardie (2007): Regular through year 12, High End through year 7.
   */
  private static final SurvivorCounts COHORTS =
      SurvivorCounts.ofCohorts(
          List.of(
              ContractualReferenceTest.REGULAR,
              java.util.Arrays.copyOf(ContractualReferenceTest.HIGH_END, 8)));

  private static Newton.Objective gammaGamma() {
    List<PurchaseHistory> repeaters = CDNOW.stream().filter(h -> h.frequency() > 0).toList();
    int[] counts = repeaters.stream().mapToInt(PurchaseHistory::frequency).toArray();
    double[] averages =
        repeaters.stream().mapToDouble(h -> h.averageRepeatValue().orElseThrow()).toArray();
    return new GammaGammaLikelihood(counts, averages);
  }

  private static double value(Newton.Objective objective, double[] at) {
    return objective.evaluate(at, null, null);
  }

  private static double[] gradient(Newton.Objective objective, double[] at) {
    int k = at.length;
    double[] g = new double[k];
    objective.evaluate(at, g, new double[k][k]);
    return g;
  }

  /** Checks the analytic derivatives of {@code objective} at {@code at} numerically. */
  private static void checkDerivatives(Newton.Objective objective, double[] at) {
    int k = at.length;
    double[] g = new double[k];
    double[][] h = new double[k][k];
    double ll = objective.evaluate(at, g, h);
    assertThat(ll).isFinite().isEqualTo(value(objective, at));
    for (int i = 0; i < k; i++) {
      double step = 1e-5 * at[i];
      double[] up = at.clone();
      double[] down = at.clone();
      up[i] += step;
      down[i] -= step;
      // d ll / d theta_i from values; d g / d theta_i (a Hessian column) from gradients
      double numeric = (value(objective, up) - value(objective, down)) / (2 * step);
      assertThat(g[i])
          .as("gradient %d at %s", i, java.util.Arrays.toString(at))
          .isCloseTo(
              numeric,
              org.assertj.core.data.Offset.offset(
                  1e-6 * (1 + Math.abs(numeric)) + 1e-7 * Math.abs(ll) / at[i]));
      double[] gUp = gradient(objective, up);
      double[] gDown = gradient(objective, down);
      for (int j = 0; j < k; j++) {
        double column = (gUp[j] - gDown[j]) / (2 * step);
        double scale = Math.abs(column) + Math.abs(g[j]) / at[i] + 1;
        assertThat(h[j][i])
            .as("hessian %d,%d at %s", j, i, java.util.Arrays.toString(at))
            .isCloseTo(column, org.assertj.core.data.Offset.offset(1e-5 * scale));
        assertThat(h[i][j]).as("symmetry %d,%d", i, j).isEqualTo(h[j][i]);
      }
    }
  }

  @Test
  void bgNbdDerivativesAgreeWithCentralDifferences() {
    qt().withExamples(40)
        .forAll(
            doubles().between(0.05, 3),
            doubles().between(0.5, 30),
            doubles().between(0.1, 5),
            doubles().between(0.2, 10))
        .checkAssert((r, alpha, a, b) -> checkDerivatives(BG_NBD, new double[] {r, alpha, a, b}));
    // the published maximum (Fader, Hardie & Lee 2005): the gradient vanishes there, nearly
    checkDerivatives(BG_NBD, new double[] {0.243, 4.414, 0.793, 2.426});
  }

  @Test
  void mbgNbdDerivativesAgreeWithCentralDifferences() {
    qt().withExamples(40)
        .forAll(
            doubles().between(0.05, 3),
            doubles().between(0.5, 30),
            doubles().between(0.1, 5),
            doubles().between(0.2, 10))
        .checkAssert((r, alpha, a, b) -> checkDerivatives(MBG_NBD, new double[] {r, alpha, a, b}));
    checkDerivatives(MBG_NBD, new double[] {0.525, 6.183, 0.891, 1.614});
  }

  @Test
  void paretoNbdDerivativesAgreeWithCentralDifferences() {
    // the derivatives of the quadrature itself: the nodes move with min(alpha, beta), so the
    // points keep alpha and beta apart, where that minimum is smooth
    qt().withExamples(15)
        .forAll(
            doubles().between(0.05, 3),
            doubles().between(0.5, 30),
            doubles().between(0.1, 5),
            doubles().between(0.5, 30))
        .assuming((r, alpha, s, beta) -> Math.abs(alpha - beta) > 0.01 * (alpha + beta))
        .checkAssert(
            (r, alpha, s, beta) -> checkDerivatives(PARETO_NBD, new double[] {r, alpha, s, beta}));
    checkDerivatives(PARETO_NBD, new double[] {0.5534, 10.5802, 0.6061, 11.6562});
  }

  @Test
  void bgBbDerivativesAgreeWithCentralDifferences() {
    qt().withExamples(40)
        .forAll(
            doubles().between(0.1, 5),
            doubles().between(0.1, 5),
            doubles().between(0.1, 5),
            doubles().between(0.2, 10))
        .checkAssert((a, b, g, d) -> checkDerivatives(BG_BB, new double[] {a, b, g, d}));
    checkDerivatives(BG_BB, new double[] {1.204, 0.750, 0.657, 2.783});
  }

  @Test
  void gammaGammaDerivativesAgreeWithCentralDifferences() {
    qt().withExamples(40)
        .forAll(doubles().between(0.5, 20), doubles().between(0.5, 20), doubles().between(1, 100))
        .checkAssert((p, q, gamma) -> checkDerivatives(GAMMA_GAMMA, new double[] {p, q, gamma}));
    checkDerivatives(GAMMA_GAMMA, new double[] {6.25, 3.74, 15.44});
  }

  @Test
  void sbgDerivativesAgreeWithCentralDifferences() {
    Newton.Objective sbg = new ShiftedBetaGeometricLikelihood(COHORTS);
    qt().withExamples(40)
        .forAll(doubles().between(0.05, 20), doubles().between(0.05, 50))
        .checkAssert((alpha, beta) -> checkDerivatives(sbg, new double[] {alpha, beta}));
    checkDerivatives(sbg, new double[] {0.704, 1.182});
  }

  @Test
  void bdwDerivativesAgreeWithCentralDifferences() {
    Newton.Objective bdw = new BetaDiscreteWeibullLikelihood(COHORTS);
    qt().withExamples(40)
        .forAll(doubles().between(0.05, 20), doubles().between(0.05, 50), doubles().between(0.3, 3))
        .checkAssert((alpha, beta, c) -> checkDerivatives(bdw, new double[] {alpha, beta, c}));
    checkDerivatives(bdw, new double[] {0.456, 0.779, 1.283});
  }
}
