package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.quicktheories.core.Gen;

/**
 * Laws every {@link TransactionModel} obeys, checked over random models: the purchase-count
 * probabilities sum to 1 and their mean is the closed-form expectation, for a new customer and
 * given a history. The pmf and the expectation share no formula in any model here, so each checks
 * the other.
 */
final class TransactionModelLaws {
  private TransactionModelLaws() {}

  /**
   * {@code sum_n P(X(t) = n) = 1} and {@code sum_n n P(X(t) = n) = E[X(t)]}, over {@code terms}
   * counts, for {@code examples} random models and periods of 0.1 to 20.
   */
  static void purchaseCountsSumToOneWithTheExpectedMean(
      Gen<? extends TransactionModel> models, int examples, int terms) {
    qt().withExamples(examples)
        .forAll(models, doubles().between(0.1, 20))
        .checkAssert(
            (model, t) -> {
              double total = 0;
              double mean = 0;
              for (int n = 0; n < terms; n++) {
                double p = model.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
              }
              assertThat(total).isCloseTo(1, within(1e-9));
              assertThat(mean).isCloseTo(model.expectedPurchases(t), within(1e-7 * (1 + mean)));
            });
  }

  /**
   * The same given a customer's history ({@link BgNbdPropertiesTest#customers()}), with P(alive) in
   * [0, 1], or in (0, 1) when {@code aliveBelowOne}.
   */
  static void conditionalCountsSumToOneWithTheConditionalMean(
      Gen<? extends TransactionModel> models, int examples, int terms, boolean aliveBelowOne) {
    qt().withExamples(examples)
        .forAll(models, BgNbdPropertiesTest.customers(), doubles().between(0.1, 20))
        .checkAssert(
            (model, c, t) -> {
              int x = (int) c[0];
              double total = 0;
              double mean = 0;
              for (int n = 0; n < terms; n++) {
                double p = model.conditionalProbabilityOfPurchases(n, t, x, c[1], c[2]);
                total += p;
                mean += n * p;
              }
              double expected = model.conditionalExpectedPurchases(t, x, c[1], c[2]);
              assertThat(total).isCloseTo(1, within(1e-9));
              assertThat(mean).isCloseTo(expected, within(1e-7 * (1 + expected)));
              double alive = model.probabilityAlive(x, c[1], c[2]);
              if (aliveBelowOne) {
                assertThat(alive).isStrictlyBetween(0.0, 1.0);
              } else {
                assertThat(alive).isBetween(0.0, 1.0);
              }
            });
  }
}
