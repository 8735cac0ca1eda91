package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.github.cxmetrics.stats.Interval;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class BgNbdTest {
  private static final BgNbd MODEL = BgNbd.of(0.243, 4.414, 0.793, 2.426);

  @Test
  void parametersMustBeFiniteAndPositive() {
    assertThatThrownBy(() -> BgNbd.of(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("r (0.0) must be finite and > 0");
    assertThatThrownBy(() -> BgNbd.of(1, Double.NaN, 1, 1)).hasMessageContaining("alpha (NaN)");
    assertThatThrownBy(() -> BgNbd.of(1, 1, -1, 1)).hasMessageContaining("a (-1.0)");
    assertThatThrownBy(() -> BgNbd.of(1, 1, 1, Double.POSITIVE_INFINITY))
        .hasMessageContaining("b (Infinity)");
    BgNbd model = BgNbd.of(1, 2, 3, 4);
    assertThat(new double[] {model.r(), model.alpha(), model.a(), model.b()})
        .containsExactly(1, 2, 3, 4);
    assertThat(model).isEqualTo(BgNbd.of(1, 2, 3, 4)).hasSameHashCodeAs(BgNbd.of(1, 2, 3, 4));
    assertThat(model).isNotEqualTo(BgNbd.of(1, 2, 3, 5)).isNotEqualTo(BgNbd.of(1, 2, 4, 4));
    assertThat(model).isNotEqualTo(BgNbd.of(1, 3, 3, 4)).isNotEqualTo(BgNbd.of(2, 2, 3, 4));
    assertThat(model.toString()).isEqualTo("BG/NBD(r = 1.0, alpha = 2.0, a = 3.0, b = 4.0)");
  }

  @Test
  void customerValuesAreChecked() {
    assertThatThrownBy(() -> MODEL.probabilityAlive(-1, 0, 1))
        .hasMessage("frequency -1 of the customer must be >= 0");
    assertThatThrownBy(() -> MODEL.probabilityAlive(0, 1, 2))
        .hasMessage("recency 1.0 of the customer must be 0, as the frequency is 0");
    assertThatThrownBy(() -> MODEL.probabilityAlive(2, 3, 2))
        .hasMessage("recency 3.0 of the customer must be in [0, age 2.0] (frequency 2)");
    assertThatThrownBy(() -> MODEL.logLikelihood(1, 1, Double.NaN))
        .hasMessage("age NaN of the customer must be finite and >= 0");
    assertThatThrownBy(() -> MODEL.expectedPurchases(-1))
        .hasMessage("time -1.0 must be finite and >= 0");
    assertThatThrownBy(() -> MODEL.conditionalExpectedPurchases(Double.POSITIVE_INFINITY, 0, 0, 1))
        .hasMessage("time Infinity must be finite and >= 0");
    assertThatThrownBy(() -> MODEL.probabilityOfPurchases(-1, 1))
        .hasMessage("number of purchases (-1) must be >= 0");
    assertThatThrownBy(
            () -> CustomerSummaries.of(new int[] {0, 3}, new double[] {0, 5}, new double[] {1, 4}))
        .hasMessage("recency 5.0 of the customer at index 1 must be in [0, age 4.0] (frequency 3)");
    assertThatThrownBy(() -> CustomerSummaries.of(new int[1], new double[1], new double[2]))
        .hasMessage("frequency, recency and age must have the same length, not 1, 1 and 2");
  }

  @Test
  void logLikelihoodByHand() {
    // x = 0: L = (alpha / (alpha + T))^r; age 0 gives L = 1
    BgNbd model = BgNbd.of(2, 3, 1, 1);
    assertThat(model.logLikelihood(0, 0, 5)).isCloseTo(2 * Math.log(3.0 / 8), within(1e-15));
    assertThat(model.logLikelihood(0, 0, 0)).isZero();
    // x = 1, t_x = 1, T = 5, r = 2, alpha = 3, a = b = 1 (equation 6 term by term):
    // B(1, 2)/B(1, 1) = 1/2, Gamma(3)/Gamma(2) = 2, alpha^r = 9;
    // first term (1/2) 2 9 / 8^3, second term B(2, 1)/B(1, 1) = 1/2 times 2 9 / 4^3
    double expected = Math.log(0.5 * 2 * 9 / 512.0 + 0.5 * 2 * 9 / 64.0);
    assertThat(model.logLikelihood(1, 1, 5)).isCloseTo(expected, within(1e-14));
  }

  @Test
  void totalLogLikelihoodIsTheSumOverCustomers() {
    int[] x = {0, 3, 1, 0, 3, 7};
    double[] tx = {0, 10, 2.5, 0, 4, 30};
    double[] t = {12, 20, 30, 0, 5, 31};
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += MODEL.logLikelihood(x[i], tx[i], t[i]);
    }
    assertThat(MODEL.logLikelihood(CustomerSummaries.of(x, tx, t))).isCloseTo(sum, within(1e-12));
    assertThat(MODEL.logLikelihood(CustomerSummaries.of(new int[0], new double[0], new double[0])))
        .isZero();
  }

  @Test
  void probabilitiesOfPurchaseCountsSumToOneWithTheExpectedMean() {
    // A second algorithm for E[X(t)]: sum n P(X(t) = n) over equation 8.
    for (double t : new double[] {0.5, 10, 39, 100}) {
      double total = 0;
      double mean = 0;
      for (int n = 0; n < 20_000; n++) {
        double p = MODEL.probabilityOfPurchases(n, t);
        assertThat(p).isBetween(0.0, 1.0);
        total += p;
        mean += n * p;
      }
      assertThat(total).as("t = %s", t).isCloseTo(1, within(1e-6));
      assertThat(mean).as("t = %s", t).isCloseTo(MODEL.expectedPurchases(t), withPercentage(0.1));
    }
    assertThat(MODEL.probabilityOfPurchases(0, 0)).isEqualTo(1);
    assertThat(MODEL.probabilityOfPurchases(3, 0)).isZero();
    assertThat(MODEL.expectedPurchases(0)).isZero();
  }

  @Test
  void aCustomerJustAcquiredIsANewCustomer() {
    for (double t : new double[] {1, 39, 400}) {
      assertThat(MODEL.conditionalExpectedPurchases(t, 0, 0, 0))
          .isCloseTo(MODEL.expectedPurchases(t), withPercentage(1e-12));
    }
    assertThat(MODEL.probabilityAlive(0, 0, 50)).isEqualTo(1);
    assertThat(MODEL.conditionalExpectedPurchases(0, 4, 2, 9)).isZero();
  }

  @Test
  void seriesStaysExactWhereItsFirstTermUnderflows() {
    // x = 3000 makes (1 - z)^(r + x) underflow; a second algorithm sums the same series with every
    // term from log-gamma functions.
    int x = 3000;
    double tx = 38;
    double age = 39;
    double t = 39;
    double rr = MODEL.r() + x;
    double aa = MODEL.a();
    double bb = MODEL.b() + x;
    double z = t / (MODEL.alpha() + age + t);
    double sum = 0;
    double partial = 0;
    double coefficient = 1;
    for (int n = 0; n < 20_000; n++) {
      partial += coefficient;
      coefficient *= (bb + n) / (aa + bb + n);
      int m = n + 1;
      double logTerm =
          LogGamma.value(rr + m)
              - LogGamma.value(rr)
              - LogGamma.value(m + 1.0)
              + m * Math.log(z)
              + rr * Math.log1p(-z);
      sum += Math.exp(logTerm) * partial;
    }
    double expected = MODEL.probabilityAlive(x, tx, age) * sum;
    assertThat(MODEL.conditionalExpectedPurchases(t, x, tx, age))
        .isCloseTo(expected, withPercentage(1e-9));
  }

  @Test
  void expectationsGrowWithTheHorizonAndPAliveFallsWithSilence() {
    double previous = 0;
    for (double t = 1; t <= 200; t += 7) {
      double e = MODEL.conditionalExpectedPurchases(t, 3, 20, 39);
      assertThat(e).isGreaterThan(previous);
      previous = e;
    }
    double alive = 1;
    for (double tx = 39; tx >= 1; tx -= 2) {
      double p = MODEL.probabilityAlive(3, tx, 39);
      assertThat(p).isLessThanOrEqualTo(alive).isPositive();
      alive = p;
    }
  }

  @Test
  void fitRefusesDataThatCannotIdentifyTheModel() {
    assertThatThrownBy(
            () -> BgNbd.fit(CustomerSummaries.of(new int[0], new double[0], new double[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data cannot identify the BG/NBD model: no customers");
    assertThatThrownBy(
            () ->
                BgNbd.fit(CustomerSummaries.of(new int[3], new double[3], new double[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the BG/NBD model: none of the 3 customers made a repeat"
                + " purchase");
    // Everyone bought at the same steady rate and nobody left: the purchase rates look
    // identical (r and alpha run to infinity) and dropout looks impossible.
    int n = 50;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10;
      tx[i] = 10;
      t[i] = 10;
    }
    assertThatThrownBy(() -> BgNbd.fit(CustomerSummaries.of(x, tx, t)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the data cannot identify the BG/NBD model");
  }

  @Test
  void fitReportsStandardErrorsAndIntervals() {
    ModelFit<BgNbd> fit = BgNbd.fit(BgNbdReferenceTest.publishedSummary());
    assertThat(fit.parameterNames()).containsExactly("r", "alpha", "a", "b");
    double[][] covariance = fit.covariance();
    double[] se = fit.standardErrors();
    for (int i = 0; i < 4; i++) {
      assertThat(Math.sqrt(covariance[i][i])).isEqualTo(se[i]);
      for (int j = 0; j < 4; j++) {
        assertThat(covariance[i][j]).isEqualTo(covariance[j][i]);
      }
    }
    Interval r = fit.confidenceInterval("r", 0.95);
    assertThat(r.lower()).isCloseTo(fit.model().r() - 1.959963984540054 * se[0], within(1e-12));
    assertThat(r.upper()).isCloseTo(fit.model().r() + 1.959963984540054 * se[0], within(1e-12));
    // a wide interval is clipped at 0, as every parameter is positive
    assertThat(fit.confidenceInterval("b", 0.9999999).lower()).isZero();
    assertThatThrownBy(() -> fit.standardError("s"))
        .hasMessage("parameter s is not one of [r, alpha, a, b]");
    assertThatThrownBy(() -> fit.confidenceInterval("r", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fit.toString()).startsWith("BG/NBD(r = 0.2425").contains("2357 customers");
    fit.estimates()[0] = 99;
    fit.covariance()[0][0] = 99;
    assertThat(fit.estimates()[0]).isEqualTo(fit.model().r());
    assertThat(fit.covariance()[0][0]).isEqualTo(covariance[0][0]);
  }

  @Test
  void fitIsIndependentOfTheOrderOfCustomers() {
    CustomerSummaries base = BgNbdReferenceTest.publishedSummary();
    int n = base.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[n - 1 - i] = base.frequency(i);
      tx[n - 1 - i] = base.recency(i);
      t[n - 1 - i] = base.age(i);
    }
    BgNbd forward = BgNbd.fit(base).model();
    BgNbd reversed = BgNbd.fit(CustomerSummaries.of(x, tx, t)).model();
    assertThat(reversed.r()).isCloseTo(forward.r(), withPercentage(1e-8));
    assertThat(reversed.b()).isCloseTo(forward.b(), withPercentage(1e-8));
  }

  @Test
  void simulationChecksItsInput() {
    assertThatThrownBy(
            () -> MODEL.simulate(new double[] {1, -2}, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)))
        .hasMessage("age -2.0 at index 1 must be finite and >= 0");
    CustomerSummaries simulated =
        MODEL.simulate(new double[] {0, 5, 50}, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    assertThat(simulated.size()).isEqualTo(3);
    assertThat(simulated.frequency(0)).isZero();
    for (int i = 0; i < 3; i++) {
      assertThat(simulated.recency(i)).isBetween(0.0, simulated.age(i));
    }
    assertThat(simulated.age(2)).isEqualTo(50);
  }
}
