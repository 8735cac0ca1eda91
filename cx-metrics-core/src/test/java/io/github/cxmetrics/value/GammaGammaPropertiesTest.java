package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the Gamma-Gamma model and of the lifetime value built on it. */
class GammaGammaPropertiesTest {
  static Gen<GammaGamma> models() {
    return doubles()
        .between(0.1, 20)
        .zip(doubles().between(1.05, 20), doubles().between(0.1, 500), GammaGamma::of);
  }

  @Test
  void expectedAverageLiesBetweenThePopulationMeanAndTheCustomersOwn() {
    qt().forAll(models(), integers().between(0, 500), doubles().between(0.01, 1000))
        .checkAssert(
            (model, x, m) -> {
              double mean = model.meanValue().getAsDouble();
              double expected = model.conditionalExpectedAverageValue(x, m);
              double slack = 1e-12 * (mean + m);
              assertThat(expected).isBetween(Math.min(mean, m) - slack, Math.max(mean, m) + slack);
              // more purchases at the same average move the expectation towards that average
              double more = model.conditionalExpectedAverageValue(x + 1, m);
              assertThat(Math.abs(more - m)).isLessThanOrEqualTo(Math.abs(expected - m) + slack);
            });
  }

  @Test
  void smallSamplesFitOrAreReportedUnidentifiable() {
    qt().withExamples(300)
        .forAll(models(), integers().between(2, 300), longs().all())
        .checkAssert(
            (model, n, seed) -> {
              UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
              var rates =
                  AhrensDieterMarsagliaTsangGammaSampler.of(rng, model.q(), 1 / model.gamma());
              int[] counts = new int[n];
              double[] averages = new double[n];
              for (int i = 0; i < n; i++) {
                counts[i] = 1 + rng.nextInt(6);
                double nu = rates.sample();
                averages[i] =
                    AhrensDieterMarsagliaTsangGammaSampler.of(
                            rng, model.p() * counts[i], 1 / (nu * counts[i]))
                        .sample();
              }
              try {
                ModelFit<GammaGamma> fit = GammaGamma.fit(counts, averages);
                for (int p = 0; p < 3; p++) {
                  assertThat(fit.estimates()[p]).isFinite().isPositive();
                  assertThat(fit.standardErrors()[p]).isFinite().isPositive();
                }
              } catch (IllegalArgumentException e) {
                assertThat(e.getMessage())
                    .startsWith("the data cannot identify the Gamma-Gamma model");
              }
            });
  }

  @Test
  void lifetimeValueGrowsWithTheHorizonAndTheMargin() {
    BgNbd purchases = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    qt().forAll(
            models(),
            BgNbdPropertiesTest.customers(),
            integers().between(0, 24),
            doubles().between(0, 0.05))
        .checkAssert(
            (value, c, periods, rate) -> {
              int x = (int) c[0];
              ProbabilisticClv shorter =
                  ProbabilisticClv.of(purchases, value, 0.5, rate, 4, periods);
              ProbabilisticClv longer =
                  ProbabilisticClv.of(purchases, value, 0.5, rate, 4, periods + 1);
              ProbabilisticClv richer =
                  ProbabilisticClv.of(purchases, value, 1.0, rate, 4, periods);
              double v = shorter.customerValue(x, c[1], c[2], 30);
              assertThat(v).isFinite().isGreaterThanOrEqualTo(0);
              assertThat(longer.customerValue(x, c[1], c[2], 30)).isGreaterThanOrEqualTo(v);
              assertThat(richer.customerValue(x, c[1], c[2], 30))
                  .isCloseTo(2 * v, org.assertj.core.api.Assertions.within(1e-12 * (1 + v)));
            });
  }
}
