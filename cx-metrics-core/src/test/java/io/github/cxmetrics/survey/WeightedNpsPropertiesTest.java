package io.github.cxmetrics.survey;

import static io.github.cxmetrics.survey.Gens.levels;
import static io.github.cxmetrics.survey.Gens.npsResponses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.laws.MergeableLaws;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws every {@link WeightedNps} obeys, checked on random samples and weights. */
class WeightedNpsPropertiesTest
    extends MergeableLaws<WeightedNps, WeightedNpsPropertiesTest.Answer> {
  /** One weighted answer. */
  record Answer(int score, double weight) {}

  @Override
  protected Gen<List<Answer>> inputs() {
    return npsResponses()
        .zip(
            longs().all(),
            (responses, seed) -> {
              double[] weights = weights(responses.length, seed);
              return IntStream.range(0, responses.length)
                  .mapToObj(i -> new Answer(responses[i], weights[i]))
                  .toList();
            });
  }

  @Override
  protected WeightedNps of(List<Answer> input) {
    return WeightedNps.of(
        input.stream().mapToInt(Answer::score).toArray(),
        input.stream().mapToDouble(Answer::weight).toArray());
  }

  @Override
  protected WeightedNps empty() {
    return WeightedNps.EMPTY;
  }

  @Override
  protected Optional<Collector<Answer, ?, WeightedNps>> collector() {
    return Optional.of(WeightedNps.toWeightedNps(Answer::score, Answer::weight));
  }

  @Override
  protected Optional<WeightedNps> roundTrip(WeightedNps value) {
    return Optional.of(WeightedNps.fromByteArray(value.toByteArray()));
  }

  /** Weights from a seed: a mix of ordinary, tiny, huge and zero weights. */
  private static double[] weights(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] weights = new double[length];
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(4)) {
        case 0 -> weights[i] = random.nextDouble() * 10;
        case 1 -> weights[i] = Math.scalb(random.nextDouble(), -random.nextInt(1070));
        case 2 -> weights[i] = Math.scalb(1 + random.nextDouble(), random.nextInt(1000));
        default -> weights[i] = random.nextInt(3);
      }
    }
    return weights;
  }

  private static WeightedNps weighted(int[] responses, long seed) {
    return WeightedNps.of(responses, weights(responses.length, seed));
  }

  @Test
  void unitWeightsGiveTheUnweightedNps() {
    qt().forAll(Gens.ratings(0, 10, 1), levels())
        .checkAssert(
            (responses, level) -> {
              double[] ones = new double[responses.length];
              Arrays.fill(ones, 1);
              WeightedNps weighted = WeightedNps.of(responses, ones);
              Nps nps = Nps.of(responses);
              assertThat(weighted.score()).isEqualTo(nps.score());
              assertThat(weighted.effectiveSampleSize()).isEqualTo((double) nps.count());
              assertThat(weighted.standardError()).isCloseTo(nps.standardError(), within(1e-9));
              Interval a = weighted.confidenceInterval(level);
              Interval b = nps.confidenceInterval(level);
              assertThat(a.lower()).isCloseTo(b.lower(), within(1e-9));
              assertThat(a.upper()).isCloseTo(b.upper(), within(1e-9));
              assertThat(weighted.waldInterval(level).lower())
                  .isCloseTo(nps.waldInterval(level).lower(), within(1e-9));
            });
  }

  @Test
  void neitherSplittingNorReorderingChangesTheResult() {
    qt().forAll(npsResponses(), longs().all(), integers().between(0, 300))
        .checkAssert(
            (responses, seed, cut) -> {
              double[] weights = weights(responses.length, seed);
              WeightedNps whole = WeightedNps.of(responses, weights);
              int at = Math.min(cut, responses.length);
              WeightedNps split =
                  WeightedNps.of(Arrays.copyOf(responses, at), Arrays.copyOf(weights, at))
                      .merge(
                          WeightedNps.of(
                              Arrays.copyOfRange(responses, at, responses.length),
                              Arrays.copyOfRange(weights, at, weights.length)));
              assertThat(split).isEqualTo(whole);
              int n = responses.length;
              int[] reversedResponses =
                  IntStream.range(0, n).map(i -> responses[n - 1 - i]).toArray();
              double[] reversedWeights = new double[n];
              for (int i = 0; i < n; i++) {
                reversedWeights[i] = weights[n - 1 - i];
              }
              assertThat(WeightedNps.of(reversedResponses, reversedWeights)).isEqualTo(whole);
            });
  }

  @Test
  void scoreAndEffectiveSizeStayInRangeAndScaleInvariant() {
    qt().forAll(Gens.ratings(0, 10, 1), longs().all(), integers().between(-200, 200))
        .checkAssert(
            (responses, seed, power) -> {
              double[] weights = weights(responses.length, seed);
              weights[0] = 1; // at least one positive weight
              WeightedNps original = WeightedNps.of(responses, weights);
              assertThat(original.score()).isBetween(-100.0, 100.0);
              assertThat(original.effectiveSampleSize())
                  .isBetween(1 - 1e-12, responses.length * (1 + 1e-12));
              assertThat(original.waldInterval(0.9).contains(original.score())).isTrue();
              // multiplying every weight by 2^power is exact (for weights far from the ends of
              // the double range) and changes nothing
              for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.max(Math.min(weights[i], 0x1p500), 0x1p-500);
              }
              WeightedNps nps = WeightedNps.of(responses, weights);
              double[] scaled = Arrays.stream(weights).map(w -> Math.scalb(w, power)).toArray();
              WeightedNps rescaled = WeightedNps.of(responses, scaled);
              assertThat(rescaled.score()).isEqualTo(nps.score());
              assertThat(rescaled.effectiveSampleSize()).isEqualTo(nps.effectiveSampleSize());
            });
  }
}
