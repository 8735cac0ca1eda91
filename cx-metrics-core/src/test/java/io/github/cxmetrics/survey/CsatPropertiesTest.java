package io.github.cxmetrics.survey;

import static io.github.cxmetrics.survey.Gens.boxed;
import static io.github.cxmetrics.survey.Gens.concat;
import static io.github.cxmetrics.survey.Gens.levels;
import static io.github.cxmetrics.survey.Gens.ratings;
import static org.assertj.core.api.Assertions.assertThat;
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

/** The laws every {@link Csat} obeys, on the 1..7 scale with 6 and 7 satisfied. */
class CsatPropertiesTest extends MergeableLaws<Csat, Integer> {
  private static final RatingScale SCALE = RatingScale.ONE_TO_SEVEN;
  private static final int FROM = 6;
  private static final CsatDefinition DEFINITION = Csat.definition(SCALE, FROM);

  @Override
  protected Gen<List<Integer>> inputs() {
    return lists().of(integers().between(1, 7)).ofSizeBetween(0, 300);
  }

  @Override
  protected Csat of(List<Integer> input) {
    return DEFINITION.of(input.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  protected Csat empty() {
    return DEFINITION.empty();
  }

  @Override
  protected Optional<Collector<Integer, ?, Csat>> collector() {
    return Optional.of(DEFINITION.toCsat(Integer::intValue));
  }

  @Override
  protected Optional<Csat> roundTrip(Csat value) {
    return Optional.of(Csat.fromByteArray(value.toByteArray()));
  }

  private static Csat csat(int[] ratings) {
    return Csat.definition(SCALE, FROM).of(ratings);
  }

  @Test
  void scoreAndMeanMatchAPlainLoopAndStayInRange() {
    qt().forAll(Gens.ratings(1, 7, 1))
        .checkAssert(
            ratings -> {
              long satisfied = 0;
              long sum = 0;
              for (int r : ratings) {
                satisfied += r >= FROM ? 1 : 0;
                sum += r;
              }
              Csat csat = csat(ratings);
              assertThat(csat.satisfied()).isEqualTo(satisfied);
              assertThat(csat.score()).isEqualTo(100.0 * satisfied / ratings.length);
              assertThat(csat.score()).isBetween(0.0, 100.0);
              assertThat(csat.mean()).isCloseTo((double) sum / ratings.length, within());
              assertThat(csat.mean()).isBetween(1.0, 7.0);
            });
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void accumulatorAndCollectorsEqualTheFactory() {
    qt().forAll(ratings(1, 7), ratings(1, 7))
        .checkAssert(
            (a, b) -> {
              CsatAccumulator oneByOne = Csat.definition(SCALE, FROM).accumulator();
              for (int r : a) {
                oneByOne.accept(r);
              }
              CsatAccumulator batch = Csat.definition(SCALE, FROM).accumulator();
              batch.addAll(b);
              Csat expected = csat(concat(a, b));
              assertThat(oneByOne.combine(batch).snapshot()).isEqualTo(expected);
              assertThat(
                      boxed(concat(a, b)).parallelStream()
                          .collect(Csat.definition(SCALE, FROM).toCsat(Integer::intValue)))
                  .isEqualTo(expected);
            });
  }

  @Test
  void wilsonIntervalContainsTheScoreAndWidensWithTheLevel() {
    qt().forAll(Gens.ratings(1, 7, 1), levels(), levels())
        .checkAssert(
            (ratings, l1, l2) -> {
              Csat csat = csat(ratings);
              Interval narrow = csat.confidenceInterval(Math.min(l1, l2));
              Interval wide = csat.confidenceInterval(Math.max(l1, l2));
              assertThat(narrow.contains(csat.score())).isTrue();
              assertThat(wide.lower()).isBetween(0.0, narrow.lower());
              assertThat(wide.upper()).isBetween(narrow.upper(), 100.0);
            });
  }
}
