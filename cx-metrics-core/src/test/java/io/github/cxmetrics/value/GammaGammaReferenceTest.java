package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma model on the CDNOW sample: the 946 customers with repeat purchases in the 39-week
 * calibration period.
 *
 * <p>Published: P. S. Fader and B. G. S. Hardie, "The Gamma-Gamma Model of Monetary Value", 2013
 * (http://www.brucehardie.com/notes/025/): p = 6.25, q = 3.74, gamma = 15.44.
 *
 * <p>Second algorithm: SciPy 1.17.1 on the published summary file ({@code zbar} as the average):
 * the log-likelihood written with {@code scipy.special.gammaln}, maximised by {@code
 * scipy.optimize.minimize} (Nelder-Mead, then BFGS, on log-parameters); standard errors from a
 * central-difference Hessian (steps 1e-4 of each parameter).
 */
class GammaGammaReferenceTest {
  @Test
  void fitReproducesThePublishedEstimates() {
    ModelFit<GammaGamma> fit = GammaGamma.fit(Cdnow.calibration());
    GammaGamma model = fit.model();
    assertThat(fit.customers()).isEqualTo(946);
    assertThat(model.p()).isCloseTo(6.25, within(0.005));
    assertThat(model.q()).isCloseTo(3.74, within(0.005));
    // From the raw transactions the estimate is 15.4435; from the published file, whose averages
    // are rounded to cents, SciPy and this library find 15.4477 (next test).
    assertThat(model.gamma()).isCloseTo(15.44, within(0.005));
  }

  @Test
  void fitOfThePublishedFileMatchesScipy() {
    List<String> rows = Cdnow.lines("/cdnow/cdnow_customers_summary_with_transactions.csv");
    List<int[]> counts = new ArrayList<>();
    List<Double> averages = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      if (Integer.parseInt(f[1]) > 0) {
        counts.add(new int[] {Integer.parseInt(f[1])});
        averages.add(Double.parseDouble(f[4]));
      }
    }
    int[] x = counts.stream().mapToInt(c -> c[0]).toArray();
    double[] m = averages.stream().mapToDouble(Double::doubleValue).toArray();
    ModelFit<GammaGamma> fit = GammaGamma.fit(x, m);
    // SciPy: mle [6.24880376, 3.74458835, 15.44774411], LL -4055.923243502859. p and gamma are
    // estimated with a correlation of -0.97 (SciPy's inverse Hessian), so the log-likelihood is
    // flat along a ridge: points 1e-6
    // apart along it differ by 1e-11 in log-likelihood, below rounding, and both optimisers stop
    // within that ridge.
    assertThat(fit.estimates())
        .containsExactly(new double[] {6.24880376, 3.74458835, 15.44774411}, within(5e-6));
    assertThat(fit.logLikelihood()).isCloseTo(-4055.923243502859, within(1e-8));
    // SciPy: se [1.18967629, 0.29016389, 4.15995357]
    double[] se = fit.standardErrors();
    assertThat(se[0]).isCloseTo(1.18967629, withPercentage(0.01));
    assertThat(se[1]).isCloseTo(0.29016389, withPercentage(0.01));
    assertThat(se[2]).isCloseTo(4.15995357, withPercentage(0.01));
  }
}
