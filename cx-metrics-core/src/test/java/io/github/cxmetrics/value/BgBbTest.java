package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class BgBbTest {
  static Gen<BgBb> models() {
    return doubles()
        .between(0.1, 5)
        .zip(
            doubles().between(0.1, 5),
            doubles().between(0.1, 5),
            doubles().between(0.1, 10),
            BgBb::of);
  }

  @Test
  void transactionCountProbabilitiesSumToOneWithTheExpectedMean() {
    // equation 7 summed over x against the survival sum of equation 8: no shared formula
    qt().forAll(models(), integers().between(0, 40))
        .checkAssert(
            (model, n) -> {
              double total = 0;
              double mean = 0;
              for (int x = 0; x <= n; x++) {
                double p = model.probabilityOfTransactions(x, n);
                assertThat(p).isBetween(0.0, 1.0);
                total += p;
                mean += x * p;
              }
              assertThat(total).isCloseTo(1, within(1e-10));
              assertThat(mean).isCloseTo(model.expectedTransactions(n), within(1e-10 * (1 + n)));
              assertThat(model.probabilityOfTransactions(n + 1, n)).isZero();
            });
  }

  @Test
  void theLikelihoodOfEveryPatternOfNOpportunitiesSumsToOne() {
    // the histories of n opportunities are the binary sequences; a pattern (x, t_x) stands for
    // C(t_x - 1, x - 1) of them, so sum over patterns of C(t_x - 1, x - 1) L(x, t_x, n) = 1
    qt().forAll(models(), integers().between(0, 12))
        .checkAssert(
            (model, n) -> {
              double total = Math.exp(model.logLikelihood(0, 0, n));
              for (int tx = 1; tx <= n; tx++) {
                for (int x = 1; x <= tx; x++) {
                  total += choose(tx - 1, x - 1) * Math.exp(model.logLikelihood(x, tx, n));
                }
              }
              assertThat(total).isCloseTo(1, within(1e-11));
            });
  }

  private static double choose(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  @Test
  void conditionalPredictionsStayInRange() {
    qt().forAll(
            models(),
            integers().between(1, 20),
            integers().between(0, 20),
            integers().between(0, 1000))
        .checkAssert(
            (model, n, future, seed) -> {
              int tx = seed % (n + 1);
              int x = tx == 0 ? 0 : 1 + seed % tx;
              double alive = model.probabilityAlive(x, tx, n);
              assertThat(alive).isStrictlyBetween(0.0, 1.0);
              double e = model.conditionalExpectedTransactions(future, x, tx, n);
              assertThat(e).isBetween(0.0, future * alive * (1 + 1e-12));
              assertThat(model.conditionalExpectedTransactions(future + 1, x, tx, n))
                  .isGreaterThanOrEqualTo(e);
              double dert = model.discountedExpectedResidualTransactions(0.1, x, tx, n);
              // the transactions of the next n* opportunities, each discounted by at most 1.1^n*
              assertThat(dert)
                  .isPositive()
                  .isGreaterThanOrEqualTo(e / Math.pow(1.1, future) * (1 - 1e-12));
            });
  }

  @Test
  void theDiscountedSumIsTheLimitOfDiscountedOpportunities() {
    // DERT = sum over k of the discounted expected transaction at opportunity n + k: the
    // difference of consecutive conditional expectations, discounted, summed by hand to 2,000
    BgBb model = BgBbReferenceTest.PUBLISHED;
    double sum = 0;
    double previous = 0;
    for (int k = 1; k <= 2000; k++) {
      double upTo = model.conditionalExpectedTransactions(k, 3, 5, 6);
      sum += (upTo - previous) / Math.pow(1.1, k);
      previous = upTo;
    }
    assertThat(model.discountedExpectedResidualTransactions(0.1, 3, 5, 6))
        .isCloseTo(sum, within(1e-12));
  }

  @Test
  @Tag("slow")
  void recoversTheParametersItWasSimulatedFrom() {
    BgBb truth = BgBb.of(1.2, 0.75, 0.66, 2.8);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2010L);
    int[] opportunities = new int[100_000];
    java.util.Arrays.fill(opportunities, 6);
    ModelFit<BgBb> fit = BgBb.fit(truth.simulate(opportunities, rng));
    BgNbdRecoveryTest.checkRecovery(fit, new double[] {1.2, 0.75, 0.66, 2.8}, 0.15);
  }

  @Test
  void badInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> OpportunitySummaries.of(new int[] {2}, new int[] {1}, new int[] {6}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "frequency 2, recency 1 and opportunities 6 of the row at index 0 must satisfy 0 <= x"
                + " <= t_x <= n, with t_x = 0 exactly when x = 0");
    assertThatThrownBy(
            () ->
                OpportunitySummaries.ofCounts(
                    new int[] {0}, new int[] {0}, new int[] {6}, new long[] {-1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count -1 of the row at index 0 must be >= 0");
    assertThatThrownBy(() -> OpportunitySummaries.of(new int[] {0}, new int[0], new int[] {6}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have one length");
    assertThatThrownBy(() -> BgBb.of(1, -1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta");
    assertThatThrownBy(() -> BgBb.fit(OpportunitySummaries.of(new int[0], new int[0], new int[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data cannot identify the BG/BB model: no customers");
    assertThatThrownBy(
            () ->
                BgBb.fit(
                    OpportunitySummaries.of(new int[] {0, 0}, new int[] {0, 0}, new int[] {5, 6})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the BG/BB model: the 2 customers transacted at none of their"
                + " 11 opportunities");
    assertThatThrownBy(
            () -> BgBb.fit(OpportunitySummaries.of(new int[] {3}, new int[] {3}, new int[] {3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at every one of their 3 opportunities");
    BgBb model = BgBbReferenceTest.PUBLISHED;
    assertThatThrownBy(() -> model.discountedExpectedResidualTransactions(0, 1, 1, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discountRate");
    assertThatThrownBy(() -> model.probabilityAlive(1, 0, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of the customer");
    assertThatThrownBy(
            () -> model.simulate(new int[] {3, -1}, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("opportunities -1 at index 1 must be >= 0");
    assertThat(model.expectedTransactions(0)).isZero();
    assertThat(model.logLikelihood(0, 0, 0)).isZero();
    assertThat(model).isEqualTo(BgBb.of(1.204, 0.750, 0.657, 2.783));
    assertThat(model)
        .hasToString("BG/BB(alpha = 1.204, beta = 0.75, gamma = 0.657, delta = 2.783)");
    assertThat(BgBbReferenceTest.donations())
        .hasToString("OpportunitySummaries[22 rows, 11104 customers]");
  }
}
