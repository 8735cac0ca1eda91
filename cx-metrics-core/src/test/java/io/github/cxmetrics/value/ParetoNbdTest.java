package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ParetoNbdTest {
  static Gen<ParetoNbd> models() {
    return doubles()
        .between(0.05, 5)
        .zip(
            doubles().between(0.5, 50),
            doubles().between(0.1, 5),
            doubles().between(0.5, 50),
            ParetoNbd::of);
  }

  @Test
  void probabilitiesOfPurchaseCountsSumToOneWithTheExpectedMean() {
    // the quadrature of the pmf against the closed form of E[X(t)]: no shared formula
    TransactionModelLaws.purchaseCountsSumToOneWithTheExpectedMean(models(), 40, 3000);
  }

  @Test
  void conditionalProbabilitiesSumToOneWithTheConditionalMean() {
    TransactionModelLaws.conditionalCountsSumToOneWithTheConditionalMean(models(), 40, 3000, false);
  }

  @Test
  void theLikelihoodAgreesWithAFineCompositeRuleEverywhere() {
    // second algorithm: the death-time integral by 256 equal panels of 16 Gauss-Legendre nodes in
    // u = ln(min(alpha, beta) + tau), written out here, against the library's adaptive panels of
    // 8, 12 or 16 nodes; parameters spread over orders of magnitude, frequencies to 400
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              double r = Math.exp(random.nextDouble(-3, 3));
              double alpha = Math.exp(random.nextDouble(-5, 6));
              double s = Math.exp(random.nextDouble(-3, 3));
              double beta = Math.exp(random.nextDouble(-5, 6));
              double age = Math.exp(random.nextDouble(-2, 6));
              int x = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 401);
              double tx = x == 0 ? 0 : random.nextDouble() * age;
              double m = Math.min(alpha, beta);
              double u0 = Math.log(m + tx);
              double width = (Math.log(m + age) - u0) / 256;
              double alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
              GaussLegendre rule = GaussLegendre.OF_16;
              double[] logs = new double[256 * 16];
              double max = alive;
              for (int p = 0; p < 256; p++) {
                for (int j = 0; j < 16; j++) {
                  double u = u0 + (p + 0.5 + 0.5 * rule.nodes[j]) * width;
                  double tau = Math.exp(u) - m;
                  double log =
                      Math.log(0.5 * width * rule.weights[j] * s)
                          + u
                          - (r + x) * Math.log(alpha + tau)
                          - (s + 1) * Math.log(beta + tau);
                  logs[16 * p + j] = log;
                  max = Math.max(max, log);
                }
              }
              double sum = Math.exp(alive - max);
              for (double log : logs) {
                sum += Math.exp(log - max);
              }
              double gammaTerms = LogGamma.value(r + x) - LogGamma.value(r);
              double expected =
                  gammaTerms + r * Math.log(alpha) + s * Math.log(beta) + max + Math.log(sum);
              // rounding: the terms of ln L reach |ln Gamma(r + x)|, about 2,000 at x = 400
              double scale = 1 + Math.abs(gammaTerms) + Math.abs(max);
              assertThat(ParetoNbd.of(r, alpha, s, beta).logLikelihood(x, tx, age))
                  .isCloseTo(expected, within(1e-13 * scale));
            });
  }

  @Test
  void aLargeBaseHasTheSameLikelihoodOnOneThreadAsOnMany() throws Exception {
    // 40,000 customers are three blocks of the sum: on the common pool and on a pool of one
    // thread the blocks and their order are the same, so the bits must be
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    double[] ages = new double[40_000];
    Arrays.fill(ages, 39);
    CustomerSummaries base = ParetoNbd.of(0.55, 10.5, 0.6, 11.7).simulate(ages, rng);
    double[] params = {0.5, 9, 0.7, 12};
    ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(base);
    double[] gradient = new double[4];
    double[][] hessian = new double[4][4];
    double ll = likelihood.evaluate(params, gradient, hessian);
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      double[] gradientOne = new double[4];
      double[][] hessianOne = new double[4][4];
      double llOne = one.submit(() -> likelihood.evaluate(params, gradientOne, hessianOne)).get();
      assertThat(llOne).isEqualTo(ll);
      assertThat(gradientOne).containsExactly(gradient);
      assertThat(hessianOne).isDeepEqualTo(hessian);
    } finally {
      one.shutdown();
    }
    // and the blocks add up to the customers one by one
    double sum = 0;
    ParetoNbd model = ParetoNbd.of(0.5, 9, 0.7, 12);
    for (int i = 0; i < base.size(); i++) {
      sum += base.count(i) * model.logLikelihood(base.frequency(i), base.recency(i), base.age(i));
    }
    assertThat(ll).isCloseTo(sum, within(1e-9 * Math.abs(sum)));
  }

  @Test
  void aSimulatedBaseHasTheModelsPurchaseCounts() {
    // 20,000 customers of age 39 from the CDNOW estimates: the share without repeat purchases
    // and the mean frequency against P(X(39) = 0) and E[X(39)], each within 4 standard errors
    ParetoNbd model = ParetoNbdReferenceTest.PUBLISHED;
    double[] ages = new double[20_000];
    Arrays.fill(ages, 39);
    CustomerSummaries base =
        model.simulate(ages, RandomSource.XO_RO_SHI_RO_128_PP.create(20_261_201L));
    double none = 0;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < base.size(); i++) {
      int x = base.frequency(i);
      assertThat(base.age(i)).isEqualTo(39);
      if (x == 0) {
        none++;
        assertThat(base.recency(i)).isZero();
      } else {
        assertThat(base.recency(i)).isGreaterThan(0).isLessThanOrEqualTo(39);
      }
      sum += x;
      squares += (double) x * x;
    }
    double n = base.size();
    double p0 = model.probabilityOfPurchases(0, 39);
    assertThat(none / n).isCloseTo(p0, within(4 * Math.sqrt(p0 * (1 - p0) / n)));
    double mean = sum / n;
    double sd = Math.sqrt(squares / n - mean * mean);
    assertThat(mean).isCloseTo(model.expectedPurchases(39), within(4 * sd / Math.sqrt(n)));
  }

  @Test
  void theExpectationIsExactNearSEqualToOne() {
    // s = 1: r beta / alpha ln(1 + t / beta), by hand for r = 0.5, alpha = 10, beta = 12, t = 39
    double limit = 0.5 * 12 / 10 * Math.log(1 + 39 / 12.0);
    assertThat(ParetoNbd.of(0.5, 10, 1, 12).expectedPurchases(39)).isCloseTo(limit, within(1e-15));
    assertThat(ParetoNbd.of(0.5, 10, 1 + 1e-12, 12).expectedPurchases(39))
        .isCloseTo(limit, within(1e-11));
  }

  @Test
  @Tag("slow")
  void recoversTheParametersItWasSimulatedFrom() {
    ParetoNbd truth = ParetoNbd.of(0.55, 10.5, 0.6, 11.7);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1987L);
    double[] ages = new double[50_000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 27 + 12 * rng.nextDouble();
    }
    ModelFit<ParetoNbd> fit = ParetoNbd.fit(truth.simulate(ages, rng));
    BgNbdRecoveryTest.checkRecovery(fit, new double[] {0.55, 10.5, 0.6, 11.7}, 0.5);
  }

  @Test
  @Tag("slow")
  void smallBasesFitOrAreReportedUnidentifiable() {
    int[] outcomes = BgNbdFitRobustnessTest.checkSmallBases(models(), ParetoNbd::fit, "Pareto/NBD");
    assertThat(outcomes[0] + outcomes[1]).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> ParetoNbd.of(1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s");
    ParetoNbd model = ParetoNbdReferenceTest.PUBLISHED;
    assertThatThrownBy(() -> model.expectedPurchases(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time NaN must be finite and >= 0");
    assertThatThrownBy(() -> model.probabilityAlive(0, 1, 38))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ParetoNbd.fit(CustomerSummaries.of(new int[0], new double[0], new double[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data cannot identify the Pareto/NBD model: no customers");
    assertThatThrownBy(
            () ->
                ParetoNbd.fit(CustomerSummaries.of(new int[] {0}, new double[1], new double[] {3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the Pareto/NBD model: none of the 1 customers made a repeat"
                + " purchase");
    // a customer whose last purchase is at the end of observation is surely alive
    assertThat(model.probabilityAlive(3, 38, 38)).isEqualTo(1);
    assertThat(model.conditionalProbabilityOfPurchases(0, 0, 2, 30, 38)).isEqualTo(1);
    assertThat(model.logLikelihood(2, 30.43, 38.86))
        .isCloseTo(
            model.logLikelihood(
                CustomerSummaries.of(new int[] {2}, new double[] {30.43}, new double[] {38.86})),
            within(0.0));
    assertThat(model).isEqualTo(ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562));
    assertThat(model.hashCode())
        .isEqualTo(ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562).hashCode());
  }
}
