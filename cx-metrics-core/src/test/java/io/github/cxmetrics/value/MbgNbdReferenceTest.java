package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * The MBG/NBD model on the CDNOW sample.
 *
 * <p>Published: r = 0.525, alpha = 6.183, a = 0.891, b = 1.614 for the 39-week calibration summary
 * of 2,357 customers (E. P. Batislam, M. Denizel and A. Filiztekin, International Journal of
 * Research in Marketing 24(3), 2007, as reproduced by the BTYDplus package and the lifetimes test
 * suite).
 *
 * <p>Second algorithm: SciPy 1.17.1, {@code src/test/reference/mbg_nbd.py} on the published summary
 * file: the log-likelihood of equation 3 with {@code gammaln}, {@code betaln} and {@code
 * logaddexp}, maximised by Nelder-Mead then BFGS; standard errors from a central-difference
 * Hessian; predictions from the hypergeometric closed forms ({@code scipy.special.hyp2f1}) and the
 * probabilities of purchase counts by numerical integration over {@code (lambda, p)}.
 */
class MbgNbdReferenceTest {
  static final MbgNbd PUBLISHED = MbgNbd.of(0.525, 6.183, 0.891, 1.614);

  @Test
  void fitReproducesThePublishedEstimates() {
    ModelFit<MbgNbd> fit = MbgNbd.fit(Cdnow.calibration());
    MbgNbd model = fit.model();
    assertThat(model.r()).isCloseTo(0.525, within(0.0005));
    assertThat(model.alpha()).isCloseTo(6.183, within(0.0005));
    assertThat(model.a()).isCloseTo(0.891, within(0.0005));
    assertThat(model.b()).isCloseTo(1.614, within(0.0005));
    assertThat(fit.customers()).isEqualTo(2357);
    assertThat(fit.toString()).startsWith("MBG/NBD(r = 0.52");
    assertThat(fit.iterations()).isBetween(1, 100);
  }

  @Test
  void fitOfThePublishedFileMatchesScipy() {
    ModelFit<MbgNbd> fit = MbgNbd.fit(BgNbdReferenceTest.publishedSummary());
    // SciPy: estimates [0.5248380188, 6.1829925261, 0.8913561545, 1.6139992163],
    // LL -9582.13268490 (BFGS to gtol 1e-10: about six significant digits in the estimates)
    assertThat(fit.estimates()[0]).isCloseTo(0.5248380188, withPercentage(1e-4));
    assertThat(fit.estimates()[1]).isCloseTo(6.1829925261, withPercentage(1e-4));
    assertThat(fit.estimates()[2]).isCloseTo(0.8913561545, withPercentage(1e-4));
    assertThat(fit.estimates()[3]).isCloseTo(1.6139992163, withPercentage(1e-4));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.13268490, within(1e-7));
    // SciPy: standard errors [0.083264, 0.695600, 0.154786, 0.537475] (steps 1e-4)
    double[] se = fit.standardErrors();
    assertThat(se[0]).isCloseTo(0.083264, withPercentage(0.01));
    assertThat(se[1]).isCloseTo(0.695600, withPercentage(0.01));
    assertThat(se[2]).isCloseTo(0.154786, withPercentage(0.01));
    assertThat(se[3]).isCloseTo(0.537475, withPercentage(0.01));
    // the same base under the BG/NBD: LL -9582.4256; the MBG/NBD fits it slightly better
    assertThat(fit.logLikelihood())
        .isGreaterThan(BgNbd.fit(BgNbdReferenceTest.publishedSummary()).logLikelihood());
  }

  @Test
  void expectedPurchasesOfANewCustomerMatchTheHypergeometricForm() {
    // SciPy: b/(a-1) * (1 - (alpha/(alpha+t))**r * hyp2f1(r, b+1, a+b, t/(alpha+t)))
    assertThat(PUBLISHED.expectedPurchases(1)).isCloseTo(0.0530847952636987, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(39)).isCloseTo(1.18295366559717, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(78)).isCloseTo(1.80475757755313, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(0)).isZero();
  }

  @Test
  void conditionalExpectationsAndProbabilityAliveMatchTheClosedForms() {
    // SciPy: the closed forms in mbg_nbd.py
    assertThat(PUBLISHED.probabilityAlive(0, 0, 38.86))
        .isCloseTo(0.389735080918763, withPercentage(1e-10));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 0, 0, 38.86))
        .isCloseTo(0.154012746675146, withPercentage(1e-9));
    assertThat(PUBLISHED.probabilityAlive(2, 30.43, 38.86))
        .isCloseTo(0.706202265118487, withPercentage(1e-10));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.26296062326734, withPercentage(1e-9));
    assertThat(PUBLISHED.probabilityAlive(5, 20, 38))
        .isCloseTo(0.291885349968409, withPercentage(1e-10));
    assertThat(PUBLISHED.conditionalExpectedPurchases(10, 5, 20, 38))
        .isCloseTo(0.339581214158194, withPercentage(1e-9));
    assertThat(PUBLISHED.probabilityAlive(0, 0, 10))
        .isCloseTo(0.522233732782105, withPercentage(1e-10));
    assertThat(PUBLISHED.conditionalExpectedPurchases(52, 0, 0, 10))
        .isCloseTo(0.59997808567708, withPercentage(1e-9));
  }

  @Test
  void purchaseCountProbabilitiesMatchNumericalIntegration() {
    // SciPy: dblquad over (lambda, p) of (1-p)^(n+1) Poisson(n) + p (1-p)^n P(N >= n), to 1e-11
    assertThat(PUBLISHED.probabilityOfPurchases(0, 39))
        .isCloseTo(0.582473189495, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(1, 39))
        .isCloseTo(0.182783077288, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(3, 39))
        .isCloseTo(0.0485704429516, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(0, 5))
        .isCloseTo(0.827732407759, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(2, 5))
        .isCloseTo(0.0316665162386, withPercentage(1e-8));
  }
}
