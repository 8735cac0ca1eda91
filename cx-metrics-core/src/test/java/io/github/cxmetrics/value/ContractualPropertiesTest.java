package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the contractual models over random parameters, periods and cohorts. */
class ContractualPropertiesTest {
  static Gen<ShiftedBetaGeometric> sbgs() {
    return doubles().between(0.1, 10).zip(doubles().between(0.1, 20), ShiftedBetaGeometric::of);
  }

  static Gen<BetaDiscreteWeibull> bdws() {
    return doubles()
        .between(0.1, 10)
        .zip(doubles().between(0.1, 20), doubles().between(0.3, 3), BetaDiscreteWeibull::of);
  }

  static Gen<ContractualModel> models() {
    return sbgs().<ContractualModel>map(m -> m).mix(bdws().map(m -> m));
  }

  @Test
  void survivalChurnAndRetentionAreOneDistribution() {
    qt().forAll(models(), integers().between(1, 200))
        .checkAssert(
            (model, k) -> {
              assertThat(model.survival(0)).isEqualTo(1.0);
              double total = 0;
              for (int t = 1; t <= k; t++) {
                double s = model.survival(t);
                double before = model.survival(t - 1);
                assertThat(s).isBetween(0.0, before);
                assertThat(model.churnProbability(t)).isCloseTo(before - s, within(1e-12));
                assertThat(model.retentionRate(t)).isBetween(0.0, 1.0);
                if (before > 1e-300) {
                  assertThat(model.retentionRate(t)).isCloseTo(s / before, within(1e-9));
                }
                total += model.churnProbability(t);
              }
              // lost by period k, or still subscribed then
              assertThat(total + model.survival(k)).isCloseTo(1.0, within(1e-12));
            });
  }

  @Test
  void withoutDurationDependenceTheBdwIsTheSbg() {
    qt().forAll(sbgs(), integers().between(0, 300), doubles().between(0.02, 2))
        .checkAssert(
            (sbg, t, d) -> {
              BetaDiscreteWeibull bdw = BetaDiscreteWeibull.of(sbg.alpha(), sbg.beta(), 1);
              assertThat(bdw.survival(t))
                  .isCloseTo(sbg.survival(t), within(1e-11 * sbg.survival(t) + 1e-300));
              double del = sbg.discountedExpectedLifetime(d);
              assertThat(bdw.discountedExpectedLifetime(d)).isCloseTo(del, within(1e-10 * del));
            });
  }

  @Test
  void valuesFollowTheirRecursions() {
    // DEL = 1 + z DERL(0) and DERL(n) = r(n + 1) (1 + z DERL(n + 1)), z = 1 / (1 + d): the
    // payment now, then the rest valued one renewal later
    qt().forAll(models(), integers().between(0, 40), doubles().between(0.02, 2))
        .checkAssert(
            (model, n, d) -> {
              double z = 1 / (1 + d);
              double del = model.discountedExpectedLifetime(d);
              double derl0 = model.discountedExpectedResidualLifetime(d, 0);
              assertThat(del)
                  .isGreaterThanOrEqualTo(1)
                  .isCloseTo(1 + z * derl0, within(1e-10 * del));
              double derl = model.discountedExpectedResidualLifetime(d, n);
              double next = model.discountedExpectedResidualLifetime(d, n + 1);
              assertThat(derl)
                  .isCloseTo(model.retentionRate(n + 1) * (1 + z * next), within(1e-9 * derl));
              // below the value of a customer who never leaves, 1 / (1 - z)
              assertThat(derl).isPositive().isLessThan(1 / (1 - z));
              assertThat(model.discountedExpectedLifetime(2 * d)).isLessThan(del);
            });
  }

  @Test
  void sbgResidualLifetimeAndElasticityRiseWithTenure() {
    qt().forAll(sbgs(), integers().between(0, 40), doubles().between(0.02, 2))
        .checkAssert(
            (sbg, n, d) -> {
              assertThat(sbg.discountedExpectedResidualLifetime(d, n + 1))
                  .isGreaterThan(sbg.discountedExpectedResidualLifetime(d, n));
              double elasticity = sbg.retentionElasticity(d, n);
              assertThat(elasticity).isGreaterThanOrEqualTo(1);
              assertThat(sbg.retentionElasticity(d, n + 1)).isGreaterThan(elasticity);
              // against a numerical derivative: scale every customer's retention by 1 + h through
              // DERL = sum_k E[p^(k+1)] z^k, that is z -> z (1 + h) and an extra factor 1 + h
              double h = 1e-6;
              double z = 1 / (1 + d);
              double up = (1 + h) * derlAt(sbg, n, z * (1 + h));
              double down = (1 - h) * derlAt(sbg, n, z * (1 - h));
              double numeric = (Math.log(up) - Math.log(down)) / (2 * h);
              assertThat(elasticity).isCloseTo(numeric, within(1e-5 * elasticity));
            });
  }

  /** DERL(n) at the discount factor z, as a direct sum of survivor ratios. */
  private static double derlAt(ShiftedBetaGeometric sbg, int n, double z) {
    double sum = 0;
    double ratio = 1; // S(t) / S(n)
    double weight = 1;
    for (int t = n + 1; weight > 1e-18; t++) {
      ratio *= sbg.retentionRate(t);
      sum += ratio * weight;
      weight *= z;
    }
    return sum;
  }

  @Test
  void splittingOrReorderingCohortsNeverChangesTheLikelihood() {
    qt().withExamples(50)
        .forAll(models(), integers().between(1, 12), longs().all())
        .checkAssert(
            (model, cohorts, seed) -> {
              UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
              List<long[]> list = new ArrayList<>();
              for (int i = 0; i < cohorts; i++) {
                list.add(model.simulate(1 + rng.nextInt(500), 1 + rng.nextInt(15), rng));
              }
              SurvivorCounts all = SurvivorCounts.ofCohorts(list);
              List<long[]> shuffled = new ArrayList<>(list);
              Collections.shuffle(shuffled, new java.util.Random(seed));
              SurvivorCounts reordered = SurvivorCounts.ofCohorts(shuffled);
              double ll = model.logLikelihood(all);
              assertThat(model.logLikelihood(reordered)).isEqualTo(ll);
              assertThat(ll).isFinite().isLessThanOrEqualTo(0);
              double parts = 0;
              for (long[] cohort : list) {
                parts += cohort.length > 1 ? model.logLikelihood(SurvivorCounts.of(cohort)) : 0;
              }
              assertThat(ll).isCloseTo(parts, within(1e-9 * (1 + Math.abs(ll))));
              for (int t = 1; t <= all.lastPeriod(); t++) {
                assertThat(reordered.lostIn(t)).isEqualTo(all.lostIn(t));
              }
            });
  }

  @Test
  void simulatedCohortsAreSurvivorCounts() {
    qt().withExamples(50)
        .forAll(models(), integers().between(0, 2000), integers().between(0, 30), longs().all())
        .checkAssert(
            (model, size, last, seed) -> {
              long[] cohort =
                  model.simulate(size, last, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
              assertThat(cohort).hasSize(last + 1);
              assertThat(cohort[0]).isEqualTo((long) size);
              for (int t = 1; t <= last; t++) {
                assertThat(cohort[t]).isBetween(0L, cohort[t - 1]);
              }
            });
  }

  @Test
  void smallCohortsFitOrAreReportedUnidentifiable() {
    int[] outcomes = new int[2];
    qt().withExamples(100)
        .forAll(models(), integers().between(20, 3000), integers().between(3, 12), longs().all())
        .checkAssert(
            (model, size, last, seed) -> {
              UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
              long[] cohort = model.simulate(size, last, rng);
              if (cohort[last] == size) {
                return; // nobody lost: SurvivorCounts accepts it, the fits refuse (tested alone)
              }
              SurvivorCounts data = SurvivorCounts.of(cohort);
              try {
                ModelFit<?> fit =
                    model instanceof ShiftedBetaGeometric
                        ? ShiftedBetaGeometric.fit(data)
                        : BetaDiscreteWeibull.fit(data);
                for (double se : fit.standardErrors()) {
                  assertThat(se).isFinite().isPositive();
                }
                for (double p : fit.estimates()) {
                  assertThat(p).isFinite().isPositive();
                }
                assertThat(fit.logLikelihood()).isFinite().isLessThanOrEqualTo(0);
                outcomes[0]++;
              } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("the data cannot identify the");
                outcomes[1]++;
              }
            });
    assertThat(outcomes[0]).as("fits that converged").isPositive();
  }
}
