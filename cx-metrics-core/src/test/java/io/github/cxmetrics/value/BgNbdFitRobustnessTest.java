package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Small simulated bases, where the likelihood may have no interior maximum: every fit either
 * converges to finite positive estimates with finite standard errors, or says that the data cannot
 * identify the model. It never returns NaN, loops, or fails otherwise.
 */
class BgNbdFitRobustnessTest {
  @Test
  void smallBasesFitOrAreReportedUnidentifiable() {
    int[] outcomes = checkSmallBases(BgNbdPropertiesTest.models(), BgNbd::fit, "BG/NBD");
    System.out.println("fitted " + outcomes[0] + ", unidentifiable " + outcomes[1]);
  }

  /**
   * Fits 200 small bases simulated from random models: each fit has finite positive estimates and
   * standard errors, or fails saying that the data cannot identify the model {@code name}.
   *
   * @return the number of fits and of bases reported unidentifiable
   */
  static int[] checkSmallBases(
      Gen<? extends TransactionModel> models,
      Function<CustomerSummaries, ModelFit<?>> fit,
      String name) {
    int[] outcomes = new int[2];
    qt().withExamples(200)
        .forAll(models, integers().between(5, 400), longs().all())
        .checkAssert(
            (model, n, seed) -> {
              UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
              double[] ages = new double[n];
              for (int i = 0; i < n; i++) {
                ages[i] = 10 + 30 * rng.nextDouble();
              }
              CustomerSummaries base = model.simulate(ages, rng);
              try {
                ModelFit<?> result = fit.apply(base);
                for (int p = 0; p < 4; p++) {
                  assertThat(result.estimates()[p]).isFinite().isPositive();
                  assertThat(result.standardErrors()[p]).isFinite().isPositive();
                }
                assertThat(result.logLikelihood()).isFinite();
                outcomes[0]++;
              } catch (IllegalArgumentException e) {
                assertThat(e.getMessage())
                    .startsWith("the data cannot identify the " + name + " model");
                outcomes[1]++;
              }
            });
    assertThat(outcomes[0]).isPositive();
    return outcomes;
  }

  @Test
  void aSearchCrawlingTowardsNoDropoutIsReportedUnidentifiable() {
    // a base the property above once found: the likelihood keeps rising as a -> 0 and b -> inf
    // (a dropout probability collapsing to 0), by about one log-unit in a hundred steps
    BgNbd model =
        BgNbd.of(0.13741904277846384, 26.540289667314745, 0.7410688691708194, 2.0163451590719115);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5488429001854000L);
    double[] ages = new double[137];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 10 + 30 * rng.nextDouble();
    }
    CustomerSummaries base = model.simulate(ages, rng);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BgNbd.fit(base))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the data cannot identify the BG/NBD model")
        .hasMessageContaining("runs towards");
  }
}
