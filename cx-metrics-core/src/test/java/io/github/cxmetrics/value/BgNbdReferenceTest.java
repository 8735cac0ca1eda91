package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD model on the CDNOW sample.
 *
 * <p>Published: P. S. Fader, B. G. S. Hardie and K. L. Lee, "'Counting Your Customers' the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275-284, 2005, section 5:
 * r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 and log-likelihood -9582.4, fitted to the 39-week
 * calibration summary of 2,357 customers (built here from the raw transactions by {@link
 * PurchaseHistory#summarize}).
 *
 * <p>Second algorithm: SciPy 1.17.1, on the published summary file ({@code
 * cdnow_customers_summary_with_transactions.csv}): the log-likelihood written with {@code
 * scipy.special.gammaln}, {@code betaln} and {@code logaddexp}, maximised by {@code
 * scipy.optimize.minimize} (Nelder-Mead, then BFGS, then Newton-CG, on log-parameters); standard
 * errors from a central-difference Hessian (steps 1e-4 of each parameter); predictions from the
 * paper's closed forms with {@code scipy.special.hyp2f1} (equations 8 to 10) at the published
 * estimates.
 */
class BgNbdReferenceTest {
  static final BgNbd PUBLISHED = BgNbd.of(0.243, 4.414, 0.793, 2.426);

  /** The published summary file, as columns. */
  static CustomerSummaries publishedSummary() {
    List<String> rows = Cdnow.lines("/cdnow/cdnow_customers_summary_with_transactions.csv");
    int n = rows.size() - 1;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i + 1).split(",");
      x[i] = Integer.parseInt(f[1]);
      tx[i] = Double.parseDouble(f[2]);
      t[i] = Double.parseDouble(f[3]);
    }
    return CustomerSummaries.of(x, tx, t);
  }

  @Test
  void fitReproducesThePublishedEstimates() {
    ModelFit<BgNbd> fit = BgNbd.fit(Cdnow.calibration());
    BgNbd model = fit.model();
    assertThat(model.r()).isCloseTo(0.243, within(0.0005));
    assertThat(model.alpha()).isCloseTo(4.414, within(0.0005));
    assertThat(model.a()).isCloseTo(0.793, within(0.0005));
    assertThat(model.b()).isCloseTo(2.426, within(0.0005));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    assertThat(fit.customers()).isEqualTo(2357);
    assertThat(fit.iterations()).isBetween(1, 100);
  }

  @Test
  void publishedEstimatesGiveThePublishedLogLikelihood() {
    // The log-likelihood is flat at the maximum: rounding the estimates to 3 decimals moves it
    // by far less than the 0.05 of its published precision.
    assertThat(PUBLISHED.logLikelihood(CustomerSummaries.of(Cdnow.calibration())))
        .isCloseTo(-9582.4, within(0.05));
  }

  @Test
  void fitOfThePublishedFileMatchesScipy() {
    ModelFit<BgNbd> fit = BgNbd.fit(publishedSummary());
    // SciPy: BFGS stops at LL -9582.425560567459; refined by Newton-CG (xtol 1e-14):
    // mle [0.24259291, 4.41353156, 0.79288615, 2.42575344], LL -9582.425560567362
    assertThat(fit.estimates())
        .containsExactly(
            new double[] {0.24259291, 4.41353156, 0.79288615, 2.42575344}, within(5e-8));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.425560567362, within(1e-8));
    // SciPy: se [0.01255733, 0.37822165, 0.18571785, 0.70533999] (finite differences: 1e-4)
    double[] se = fit.standardErrors();
    assertThat(se[0]).isCloseTo(0.01255733, withPercentage(0.01));
    assertThat(se[1]).isCloseTo(0.37822165, withPercentage(0.01));
    assertThat(se[2]).isCloseTo(0.18571785, withPercentage(0.01));
    assertThat(se[3]).isCloseTo(0.70533999, withPercentage(0.01));
    assertThat(fit.standardError("alpha")).isEqualTo(se[1]);
  }

  @Test
  void expectedPurchasesOfANewCustomerMatchTheHypergeometricForm() {
    // SciPy: (a+b-1)/(a-1) * (1 - (alpha/(alpha+t))**r * hyp2f1(r, b, a+b-1, t/(alpha+t)))
    assertThat(PUBLISHED.expectedPurchases(1)).isCloseTo(0.05326789117165627, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(39)).isCloseTo(1.1967231933207985, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(78)).isCloseTo(1.8605190579427455, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedPurchases(520)).isCloseTo(4.974617861849564, withPercentage(1e-9));
  }

  @Test
  void conditionalExpectationsMatchTheHypergeometricForm() {
    // SciPy, equation 10 with hyp2f1(r+x, b+x, a+b+x-1, t/(alpha+T+t)).
    // The first is the paper's worked customer (x = 2, t_x = 30.43, T = 38.86): 1.226.
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.226028174767135, withPercentage(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 0, 0, 38.86))
        .isCloseTo(0.19509805201125396, withPercentage(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(39, 26, 30.86, 31.0))
        .isCloseTo(20.749726140857376, withPercentage(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(78, 7, 35.0, 38.0))
        .isCloseTo(7.766482760485219, withPercentage(1e-9));
    assertThat(PUBLISHED.conditionalExpectedPurchases(4, 1, 1.0, 38.0))
        .isCloseTo(0.022013180763753654, withPercentage(1e-9));
  }

  @Test
  void probabilityAliveMatchesTheClosedForm() {
    // SciPy: 1 / (1 + a/(b+x-1) * ((alpha+T)/(alpha+t_x))**(r+x))
    assertThat(PUBLISHED.probabilityAlive(2, 30.43, 38.86))
        .isCloseTo(0.726578570080673, withPercentage(1e-10));
    assertThat(PUBLISHED.probabilityAlive(26, 30.86, 31.0))
        .isCloseTo(0.968915649717525, withPercentage(1e-10));
    assertThat(PUBLISHED.probabilityAlive(7, 35.0, 38.0))
        .isCloseTo(0.8619910650934327, withPercentage(1e-10));
    assertThat(PUBLISHED.probabilityAlive(1, 1.0, 38.0))
        .isCloseTo(0.19146366283531452, withPercentage(1e-10));
  }

  @Test
  void purchaseCountProbabilitiesMatchEquationEight() {
    // SciPy: equation 8 with the negative binomial sum written out term by term, t = 39
    assertThat(PUBLISHED.probabilityOfPurchases(0, 39))
        .isCloseTo(0.5737863520960094, withPercentage(1e-9));
    assertThat(PUBLISHED.probabilityOfPurchases(1, 39))
        .isCloseTo(0.19939528083591138, withPercentage(1e-9));
    assertThat(PUBLISHED.probabilityOfPurchases(2, 39))
        .isCloseTo(0.0854297595390607, withPercentage(1e-9));
    assertThat(PUBLISHED.probabilityOfPurchases(5, 39))
        .isCloseTo(0.017965493866579037, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfPurchases(10, 39))
        .isCloseTo(0.0035904295401896777, withPercentage(1e-8));
  }
}
