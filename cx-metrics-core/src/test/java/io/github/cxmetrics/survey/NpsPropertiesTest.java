package io.github.cxmetrics.survey;

import static io.github.cxmetrics.survey.Gens.boxed;
import static io.github.cxmetrics.survey.Gens.concat;
import static io.github.cxmetrics.survey.Gens.levels;
import static io.github.cxmetrics.survey.Gens.npsResponses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** The laws every {@link Nps} obeys, checked on random samples. */
class NpsPropertiesTest extends MergeableLaws<Nps, Integer> {
  @Override
  protected Gen<List<Integer>> inputs() {
    return lists().of(integers().between(0, 10)).ofSizeBetween(0, 300);
  }

  @Override
  protected Nps of(List<Integer> input) {
    return Nps.of(input.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  protected Nps empty() {
    return Nps.EMPTY;
  }

  @Override
  protected Optional<Collector<Integer, ?, Nps>> collector() {
    return Optional.of(Nps.toNps());
  }

  @Override
  protected Optional<Nps> roundTrip(Nps value) {
    return Optional.of(Nps.fromByteArray(value.toByteArray()));
  }

  /** A second, deliberately plain classification of the answers. */
  private static long[] classify(int[] responses) {
    long promoters = 0;
    long passives = 0;
    long detractors = 0;
    for (int r : responses) {
      if (r == 9 || r == 10) {
        promoters++;
      } else if (r == 7 || r == 8) {
        passives++;
      } else {
        detractors++;
      }
    }
    return new long[] {promoters, passives, detractors};
  }

  @Test
  void countsMatchAPlainClassificationAndScoreStaysInRange() {
    qt().forAll(npsResponses())
        .checkAssert(
            responses -> {
              Nps nps = Nps.of(responses);
              long[] classes = classify(responses);
              assertThat(nps.promoters()).isEqualTo(classes[0]);
              assertThat(nps.passives()).isEqualTo(classes[1]);
              assertThat(nps.detractors()).isEqualTo(classes[2]);
              assertThat(nps.count()).isEqualTo(responses.length);
              if (!nps.isEmpty()) {
                assertThat(nps.score()).isBetween(-100.0, 100.0);
                assertThat(nps.standardError()).isBetween(0.0, 100.0);
              }
            });
  }

  @Test
  void accumulatorAndEveryFactoryEqualTheArrayFactory() {
    qt().forAll(npsResponses(), npsResponses())
        .checkAssert(
            (a, b) -> {
              Nps expected = Nps.of(concat(a, b));
              NpsAccumulator oneByOne = new NpsAccumulator();
              for (int r : a) {
                oneByOne.accept(r);
              }
              NpsAccumulator batch = new NpsAccumulator();
              batch.addAll(b);
              assertThat(oneByOne.combine(batch).snapshot()).isEqualTo(expected);
              assertThat(oneByOne.count()).isEqualTo(a.length + b.length);
              assertThat(Nps.of(boxed(concat(a, b)))).isEqualTo(expected);
            });
  }

  @Test
  void waldContainsTheScoreAndBothIntervalsStayInRange() {
    qt().forAll(Gens.ratings(0, 10, 1), levels())
        .checkAssert(
            (responses, level) -> {
              Nps nps = Nps.of(responses);
              Interval wald = nps.waldInterval(level);
              Interval adjusted = nps.confidenceInterval(level);
              assertThat(wald.contains(nps.score())).isTrue();
              assertThat(wald.lower()).isGreaterThanOrEqualTo(-100);
              assertThat(wald.upper()).isLessThanOrEqualTo(100);
              assertThat(adjusted.lower()).isGreaterThanOrEqualTo(-100);
              assertThat(adjusted.upper()).isLessThanOrEqualTo(100);
              // the adjusted interval is centred on the adjusted estimate (Rocks 2016)
              double n = nps.count() + 3.0;
              double centre = 100 * ((nps.promoters() + 0.75) / n - (nps.detractors() + 0.75) / n);
              assertThat(adjusted.contains(centre)).isTrue();
            });
  }

  @Test
  void adjustedWaldContainsTheScoreAtUsualLevelsFromTwoAnswersUp() {
    // at 95% and above, n >= 2: the half-width exceeds the shift of the centre; the single-answer
    // case is the documented exception (NpsTest.singleAnswer)
    qt().forAll(integers().between(0, 60), integers().between(0, 60), integers().between(0, 60))
        .assuming((p, a, d) -> p + a + d >= 2)
        .checkAssert(
            (p, a, d) -> {
              Nps nps = Nps.ofCounts(p, a, d);
              assertThat(nps.confidenceInterval(0.95).contains(nps.score())).isTrue();
            });
  }

  @Test
  void intervalsWidenWithTheLevel() {
    qt().forAll(Gens.ratings(0, 10, 1), levels(), levels())
        .checkAssert(
            (responses, l1, l2) -> {
              Nps nps = Nps.of(responses);
              double low = Math.min(l1, l2);
              double high = Math.max(l1, l2);
              Interval narrow = nps.confidenceInterval(low);
              Interval wide = nps.confidenceInterval(high);
              assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
              assertThat(wide.upper()).isGreaterThanOrEqualTo(narrow.upper());
              assertThat(nps.waldInterval(high).width())
                  .isGreaterThanOrEqualTo(nps.waldInterval(low).width());
            });
  }

  @Test
  void anInvalidAnswerIsRejectedAtItsIndex() {
    qt().forAll(Gens.ratings(0, 10, 1), integers().allPositive(), integers().all())
        .assuming((responses, position, bad) -> bad < 0 || bad > 10)
        .checkAssert(
            (responses, position, bad) -> {
              int index = position % responses.length;
              responses[index] = bad;
              assertThatThrownBy(() -> Nps.of(responses))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessage(
                      "response "
                          + bad
                          + " at index "
                          + index
                          + " is outside the NPS scale [0, 10]");
            });
  }
}
