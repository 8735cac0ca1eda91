package io.github.cxmetrics.survey;

import static io.github.cxmetrics.survey.Gens.boxed;
import static io.github.cxmetrics.survey.Gens.concat;
import static io.github.cxmetrics.survey.Gens.levels;
import static io.github.cxmetrics.survey.Gens.ratings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import io.github.cxmetrics.stats.Interval;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collector;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws every {@link Ces} obeys, on the 1..5 scale. */
class CesPropertiesTest extends MergeableLaws<Ces, Integer> {
  @Override
  protected Gen<List<Integer>> inputs() {
    return lists().of(integers().between(1, 5)).ofSizeBetween(0, 300);
  }

  @Override
  protected Ces of(List<Integer> input) {
    return Ces.of(input.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  protected Ces empty() {
    return Ces.DEFAULT.empty();
  }

  @Override
  protected Optional<Collector<Integer, ?, Ces>> collector() {
    return Optional.of(Ces.toCes());
  }

  @Override
  protected Optional<Ces> roundTrip(Ces value) {
    return Optional.of(Ces.fromByteArray(value.toByteArray()));
  }

  @Test
  void meanAndSpreadMatchATwoPassComputation() {
    qt().forAll(Gens.ratings(1, 5, 2))
        .checkAssert(
            ratings -> {
              double mean = 0;
              for (int r : ratings) {
                mean += r;
              }
              mean /= ratings.length;
              double squares = 0;
              for (int r : ratings) {
                squares += (r - mean) * (r - mean);
              }
              Ces ces = Ces.of(ratings);
              assertThat(ces.mean()).isCloseTo(mean, within(1e-12)).isBetween(1.0, 5.0);
              assertThat(ces.standardDeviation())
                  .isCloseTo(Math.sqrt(squares / (ratings.length - 1)), within(1e-9));
              assertThat(ces.lowEffortShare()).isBetween(0.0, 100.0);
            });
  }

  @Test
  void accumulatorAndCollectorEqualTheFactory() {
    qt().forAll(ratings(1, 5), ratings(1, 5))
        .checkAssert(
            (a, b) -> {
              CesAccumulator oneByOne = new CesAccumulator();
              for (int r : a) {
                oneByOne.accept(r);
              }
              CesAccumulator batch = new CesAccumulator();
              batch.addAll(b);
              Ces expected = Ces.of(concat(a, b));
              assertThat(oneByOne.combine(batch).snapshot()).isEqualTo(expected);
              assertThat(boxed(concat(a, b)).parallelStream().collect(Ces.toCes()))
                  .isEqualTo(expected);
            });
  }

  @Test
  void studentIntervalContainsTheMeanAndWidensWithTheLevel() {
    qt().forAll(Gens.ratings(1, 5, 2), levels(), levels())
        .checkAssert(
            (ratings, l1, l2) -> {
              Ces ces = Ces.of(ratings);
              Interval narrow = ces.confidenceInterval(Math.min(l1, l2));
              Interval wide = ces.confidenceInterval(Math.max(l1, l2));
              assertThat(narrow.contains(ces.mean())).isTrue();
              assertThat(wide.lower()).isBetween(1.0, narrow.lower());
              assertThat(wide.upper()).isBetween(narrow.upper(), 5.0);
            });
  }
}
