package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The BG/NBD model on the CDNOW sample, against the estimates published by P. S. Fader, B. G. S.
 * Hardie and K. L. Lee, "'Counting Your Customers' the Easy Way: An Alternative to the Pareto/NBD
 * Model", Marketing Science 24(2), 275-284, 2005, section 5: r = 0.243, alpha = 4.414, a = 0.793, b
 * = 2.426, log-likelihood -9582.4, fitted to the 39-week calibration summary of 2,357 customers
 * (built here from the raw transactions by {@link PurchaseHistory#summarize}).
 */
class BgNbdReferenceTest {
  @Test
  void fitReproducesThePublishedEstimates() {
    ModelFit<BgNbd> fit = BgNbd.fit(Cdnow.calibration());
    BgNbd model = fit.model();
    System.out.println(fit + " " + model);
    assertThat(model.r()).isCloseTo(0.243, within(0.0005));
    assertThat(model.alpha()).isCloseTo(4.414, within(0.0005));
    assertThat(model.a()).isCloseTo(0.793, within(0.0005));
    assertThat(model.b()).isCloseTo(2.426, within(0.0005));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    assertThat(fit.customers()).isEqualTo(2357);
  }
}
