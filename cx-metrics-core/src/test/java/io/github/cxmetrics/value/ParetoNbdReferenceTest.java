package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD model on the CDNOW sample.
 *
 * <p>Published: r = 0.5534, alpha = 10.5802, s = 0.6061, beta = 11.6562 and log-likelihood -9595.0
 * (P. S. Fader, B. G. S. Hardie and K. L. Lee, "A Note on Implementing the Pareto/NBD Model in
 * MATLAB", 2005).
 *
 * <p>Second algorithm: SciPy 1.17.1, {@code src/test/reference/pareto_nbd.py}: the likelihood in
 * the note's Gauss hypergeometric form ({@code scipy.special.hyp2f1}), not the quadrature the
 * library uses, maximised by Nelder-Mead then BFGS; standard errors from a central-difference
 * Hessian; P(alive) and the expectations from the note's closed forms; purchase-count probabilities
 * by numerical integration over {@code (lambda, mu)}.
 */
class ParetoNbdReferenceTest {
  static final ParetoNbd PUBLISHED = ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562);

  @Test
  void fitReproducesThePublishedEstimates() {
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(Cdnow.calibration());
    ParetoNbd model = fit.model();
    // the likelihood is flat along beta (SE 6.2): the published MATLAB estimates sit 2.6e-5
    // log-likelihood units below the maximum, and agree with it to 0.003 in alpha and 0.012 in
    // beta; r and s agree to the published four decimals
    assertThat(model.r()).isCloseTo(0.5534, within(0.0005));
    assertThat(model.alpha()).isCloseTo(10.5802, within(0.005));
    assertThat(model.s()).isCloseTo(0.6061, within(0.0005));
    assertThat(model.beta()).isCloseTo(11.6562, within(0.015));
    assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.05));
    assertThat(fit.customers()).isEqualTo(2357);
  }

  @Test
  void fitMatchesScipyOnTheHypergeometricForm() {
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(BgNbdReferenceTest.publishedSummary());
    // SciPy: estimates [0.5532756141, 10.5776144116, 0.6062135935, 11.6679104470],
    // LL -9594.97392983 (BFGS to gtol 1e-9)
    assertThat(fit.estimates()[0]).isCloseTo(0.5532756141, withPercentage(1e-4));
    assertThat(fit.estimates()[1]).isCloseTo(10.5776144116, withPercentage(1e-4));
    assertThat(fit.estimates()[2]).isCloseTo(0.6062135935, withPercentage(1e-4));
    assertThat(fit.estimates()[3]).isCloseTo(11.6679104470, withPercentage(1e-4));
    assertThat(fit.logLikelihood()).isCloseTo(-9594.97392983, within(1e-7));
    // SciPy: standard errors [0.047629, 0.842723, 0.187276, 6.210919] (steps 1e-4)
    double[] se = fit.standardErrors();
    assertThat(se[0]).isCloseTo(0.047629, withPercentage(0.01));
    assertThat(se[1]).isCloseTo(0.842723, withPercentage(0.01));
    assertThat(se[2]).isCloseTo(0.187276, withPercentage(0.01));
    assertThat(se[3]).isCloseTo(6.210919, withPercentage(0.01));
    // SciPy: LL at the published estimates -9594.97395539, by hyp2f1
    assertThat(PUBLISHED.logLikelihood(BgNbdReferenceTest.publishedSummary()))
        .isCloseTo(-9594.97395539, within(1e-7));
  }

  @Test
  void predictionsMatchTheNotesClosedForms() {
    // SciPy, equation 12
    assertThat(PUBLISHED.expectedPurchases(1)).isCloseTo(0.0510045340023169, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(39)).isCloseTo(1.21311771186151, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(78)).isCloseTo(1.90936599693151, withPercentage(1e-9));
    // SciPy, equations 11 and 13 (hyp2f1): {x, t_x, T, t, P(alive), E[Y(t)]}
    double[][] cases = {
      {2, 30.43, 38.86, 39, 0.869110643968137, 1.45509284384425},
      {0, 0, 38.86, 39, 0.294961486437042, 0.107028946361676},
      {26, 30.86, 31, 39, 0.997917766551907, 20.1145603671777},
      {7, 35, 38, 78, 0.952819751781484, 8.41400381453462},
      {1, 1, 38, 4, 0.155606140696116, 0.0194366949555037}
    };
    for (double[] c : cases) {
      int x = (int) c[0];
      assertThat(PUBLISHED.probabilityAlive(x, c[1], c[2])).isCloseTo(c[4], withPercentage(1e-9));
      assertThat(PUBLISHED.conditionalExpectedPurchases(c[3], x, c[1], c[2]))
          .isCloseTo(c[5], withPercentage(1e-9));
    }
  }

  @Test
  void purchaseCountProbabilitiesMatchNumericalIntegration() {
    // SciPy: dblquad over (lambda, mu) of the probability given the rates, to 1e-11
    assertThat(PUBLISHED.probabilityOfPurchases(0, 39))
        .isCloseTo(0.593575937028, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(1, 39))
        .isCloseTo(0.165584379569, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(3, 39))
        .isCloseTo(0.0490461615756, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(2, 5))
        .isCloseTo(0.0313652176588, withPercentage(1e-8));
  }

  @Test
  void hardCustomersMatchTheHypergeometricFormInHighPrecision() {
    // mpmath 1.3.0 at 60 digits, src/test/reference/pareto_nbd_extremes.py: the note's hyp2f1
    // form, checked against Gauss-Legendre quadrature in 256 pieces. Many purchases with an early
    // last one make the death-time integrand fall by e^100 and more across the interval; alpha far
    // from beta puts the hypergeometric argument near 1.
    // {r, alpha, s, beta, x, t_x, T, ln L, P(alive)}
    double[][] cases = {
      {0.5534, 10.5802, 0.6061, 11.6562, 30, 1, 39, -4.9421908565187736, 1.2173618098492077e-18},
      {0.5534, 10.5802, 0.6061, 11.6562, 60, 2, 78, 29.509959109971105, 1.641740995376826e-50},
      {0.5534, 10.5802, 0.6061, 11.6562, 100, 0.5, 52, 115.43164010182401, 1.6644285930681648e-74},
      {0.5534, 10.5802, 0.6061, 11.6562, 15, 0.1, 100, -12.69934449457728, 1.210763434702367e-15},
      {0.5534, 10.5802, 0.6061, 11.6562, 0, 0, 39, -0.52159012530199312, 0.29414223925153293},
      {2, 0.05, 0.5, 50, 3, 0.2, 39, -3.2681636960004223, 1.3007131092031662e-8},
      {0.3, 80, 1.5, 0.02, 5, 1, 39, -25.418142896890264, 0.00060100244039209857},
      {1.2, 1e-3, 0.8, 1e3, 12, 4, 40, -14.265929256067059, 2.3559328768842219e-10}
    };
    for (double[] c : cases) {
      ParetoNbd model = ParetoNbd.of(c[0], c[1], c[2], c[3]);
      int x = (int) c[4];
      assertThat(model.logLikelihood(x, c[5], c[6]))
          .as("ln L, x = %d", x)
          .isCloseTo(c[7], withPercentage(1e-11));
      assertThat(model.probabilityAlive(x, c[5], c[6]))
          .as("P(alive), x = %d", x)
          .isCloseTo(c[8], withPercentage(1e-10));
    }
  }
}
