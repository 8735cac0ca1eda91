package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BG/BB model on the donations data (test resource {@code donations/}, with its README).
 *
 * <p>Published: alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783 and log-likelihood
 * -33,225.6 for the 11,104 donors of 1995 over six annual opportunities (P. S. Fader, B. G. S.
 * Hardie and J. Shang, "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
 * Marketing Science 29(6), 2010).
 *
 * <p>Second algorithm: SciPy 1.17.1, {@code src/test/reference/bg_bb.py}: the log-likelihood of
 * equation 5 with {@code betaln}, maximised by Nelder-Mead then BFGS, standard errors from a
 * central-difference Hessian; predictions from the paper's gamma-function closed forms (equations
 * 8, 11, 13) and its hypergeometric DERT (equation 14, {@code hyp2f1}); the probabilities of
 * transaction counts by numerical integration over {@code (p, theta)} of a dynamic programme over
 * the opportunities.
 */
class BgBbReferenceTest {
  static final BgBb PUBLISHED = BgBb.of(1.204, 0.750, 0.657, 2.783);

  static OpportunitySummaries donations() {
    List<String> rows = Cdnow.lines("/donations/donations.csv");
    int n = rows.size() - 1;
    int[] x = new int[n];
    int[] tx = new int[n];
    int[] periods = new int[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i + 1).split(",");
      x[i] = Integer.parseInt(f[0]);
      tx[i] = Integer.parseInt(f[1]);
      periods[i] = Integer.parseInt(f[2]);
      counts[i] = Long.parseLong(f[3]);
    }
    return OpportunitySummaries.ofCounts(x, tx, periods, counts);
  }

  @Test
  void fitReproducesThePublishedEstimates() {
    OpportunitySummaries donors = donations();
    assertThat(donors.size()).isEqualTo(22);
    assertThat(donors.customers()).isEqualTo(11_104);
    ModelFit<BgBb> fit = BgBb.fit(donors);
    BgBb model = fit.model();
    assertThat(model.alpha()).isCloseTo(1.204, within(0.0005));
    assertThat(model.beta()).isCloseTo(0.750, within(0.0005));
    assertThat(model.gamma()).isCloseTo(0.657, within(0.0005));
    assertThat(model.delta()).isCloseTo(2.783, within(0.0005));
    assertThat(fit.logLikelihood()).isCloseTo(-33_225.6, within(0.05));
    assertThat(fit.customers()).isEqualTo(11_104);
    assertThat(fit.timeUnit()).isEmpty();
  }

  @Test
  void fitMatchesScipy() {
    ModelFit<BgBb> fit = BgBb.fit(donations());
    // SciPy: estimates [1.2035221779, 0.7497162747, 0.6567182761, 2.7834426351],
    // LL -33225.58127435 (BFGS to gtol 1e-9)
    assertThat(fit.estimates()[0]).isCloseTo(1.2035221779, withPercentage(1e-4));
    assertThat(fit.estimates()[1]).isCloseTo(0.7497162747, withPercentage(1e-4));
    assertThat(fit.estimates()[2]).isCloseTo(0.6567182761, withPercentage(1e-4));
    assertThat(fit.estimates()[3]).isCloseTo(2.7834426351, withPercentage(1e-4));
    assertThat(fit.logLikelihood()).isCloseTo(-33225.58127435, within(1e-6));
    // SciPy: standard errors [0.069391, 0.029448, 0.051009, 0.320815] (steps 1e-4)
    double[] se = fit.standardErrors();
    assertThat(se[0]).isCloseTo(0.069391, withPercentage(0.01));
    assertThat(se[1]).isCloseTo(0.029448, withPercentage(0.01));
    assertThat(se[2]).isCloseTo(0.051009, withPercentage(0.01));
    assertThat(se[3]).isCloseTo(0.320815, withPercentage(0.01));
    // SciPy: LL at the published (rounded) estimates -33225.581755
    assertThat(PUBLISHED.logLikelihood(donations())).isCloseTo(-33225.581755, within(1e-6));
  }

  @Test
  void predictionsMatchThePapersClosedForms() {
    // SciPy, equation 8 with gamma functions
    assertThat(PUBLISHED.expectedTransactions(1))
        .isCloseTo(0.498490276356192, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedTransactions(6)).isCloseTo(2.21963139348731, withPercentage(1e-9));
    assertThat(PUBLISHED.expectedTransactions(11))
        .isCloseTo(3.38757111106463, withPercentage(1e-9));
    // SciPy, equations 11, 13 and 14 (d = 0.1): {x, t_x, n, n*, P(alive), E[X(n, n + n*)], DERT}
    double[][] cases = {
      {0, 0, 6, 5, 0.108016584168674, 0.0728028774750437, 0.114646996181764},
      {3, 6, 6, 5, 0.930402542372881, 2.18960216745555, 3.44809600991265},
      {6, 6, 6, 5, 0.930402542372881, 3.75211560759986, 5.90867831955537},
      {1, 2, 6, 5, 0.254556476951701, 0.314070655108948, 0.494585632407491},
      {4, 5, 6, 10, 0.696701067685102, 3.62707712514014, 3.19616740450982}
    };
    for (double[] c : cases) {
      int x = (int) c[0];
      int tx = (int) c[1];
      int n = (int) c[2];
      assertThat(PUBLISHED.probabilityAlive(x, tx, n)).isCloseTo(c[4], withPercentage(1e-10));
      assertThat(PUBLISHED.conditionalExpectedTransactions((int) c[3], x, tx, n))
          .isCloseTo(c[5], withPercentage(1e-9));
      assertThat(PUBLISHED.discountedExpectedResidualTransactions(0.1, x, tx, n))
          .isCloseTo(c[6], withPercentage(1e-9));
    }
  }

  @Test
  void transactionCountProbabilitiesMatchNumericalIntegration() {
    // SciPy: dblquad over (p, theta) of a dynamic programme over the opportunities, to 1e-11
    assertThat(PUBLISHED.probabilityOfTransactions(0, 6))
        .isCloseTo(0.311217743264, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfTransactions(1, 6))
        .isCloseTo(0.170109978407, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfTransactions(3, 6))
        .isCloseTo(0.100263115025, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfTransactions(6, 6))
        .isCloseTo(0.112787648208, withPercentage(1e-8));
    assertThat(PUBLISHED.probabilityOfTransactions(2, 11))
        .isCloseTo(0.0987363789104, withPercentage(1e-8));
  }

  /**
   * The paper's Table 6 (P(alive in 2002) by year of last donation and number of repeat donations)
   * at three of its cells, and the totals of the spreadsheet that accompanies the model's note (B.
   * G. S. Hardie, "Implementing the BG/BB Model for Customer-Base Analysis in Excel", note 010,
   * workbook of 2011-01-20): the in-sample fit sheet's expected number of donors with 0 and with 6
   * repeat donations in 1996-2001 (cells C18 and C24: 3,454.9 and 1,253.1) and the conditional
   * expectations sheet's total expected donations in 2002-2006 over all 11,104 donors (12,884.2).
   * Each is given to one or two decimals; the tolerances are half a unit of the last one.
   */
  @Test
  void reproducesThePapersAliveTableAndTheSpreadsheetTotals() {
    OpportunitySummaries donors = donations();
    BgBb model = BgBb.fit(donors).model();
    // Table 6: last donation in 1995 (t_x = 0), no repeat; in 1999 (t_x = 4), 2 repeats; in 2001
    // (t_x = 6), 6 repeats
    assertThat(model.probabilityAlive(0, 0, 6)).isCloseTo(0.11, within(0.005));
    assertThat(model.probabilityAlive(2, 4, 6)).isCloseTo(0.59, within(0.005));
    assertThat(model.probabilityAlive(6, 6, 6)).isCloseTo(0.93, within(0.005));
    assertThat(11_104 * model.probabilityOfTransactions(0, 6)).isCloseTo(3454.9, within(0.05));
    assertThat(11_104 * model.probabilityOfTransactions(6, 6)).isCloseTo(1253.1, within(0.05));
    double total = 0;
    for (int i = 0; i < donors.size(); i++) {
      total +=
          donors.count(i)
              * model.conditionalExpectedTransactions(
                  5, donors.frequency(i), donors.recency(i), donors.opportunities(i));
    }
    assertThat(total).isCloseTo(12_884.2, within(0.05));
  }
}
