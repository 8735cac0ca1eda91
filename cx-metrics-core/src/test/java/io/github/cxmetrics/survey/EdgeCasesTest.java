package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import org.junit.jupiter.api.Test;

/** Numerical edge cases: the ends of the scales, one answer, one class, huge counts. */
class EdgeCasesTest {
  @Test
  void scoresAtTheEndsOfTheRange() {
    Nps best = Nps.ofCounts(1000, 0, 0);
    Nps worst = Nps.ofCounts(0, 0, 1000);
    assertThat(best.score()).isEqualTo(100.0);
    assertThat(worst.score()).isEqualTo(-100.0);
    assertThat(best.standardError()).isZero();
    assertThat(best.waldInterval(0.99)).isEqualTo(new Interval(100, 100, 0.99, Unit.NPS_POINTS));
    assertThat(best.confidenceInterval(0.99).upper()).isEqualTo(100.0);
    assertThat(best.confidenceInterval(0.99).lower()).isLessThan(100.0);
    assertThat(worst.confidenceInterval(0.99).lower()).isEqualTo(-100.0);
    Csat allSatisfied = Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(0, 0, 0, 0, 7);
    assertThat(allSatisfied.confidenceInterval(0.95).upper()).isEqualTo(100.0);
    Ces allEasy =
        Ces.definition(RatingScale.ONE_TO_FIVE, EffortDirection.LOWER_IS_LESS_EFFORT)
            .ofCounts(9, 0, 0, 0, 0);
    assertThat(allEasy.confidenceInterval(0.95))
        .isEqualTo(new Interval(1, 1, 0.95, allEasy.unit()));
  }

  @Test
  void allPassivesScoreZeroWithZeroError() {
    Nps passives = Nps.ofCounts(0, 12, 0);
    assertThat(passives.score()).isZero();
    assertThat(passives.standardError()).isZero();
    assertThat(passives.waldInterval(0.95)).isEqualTo(new Interval(0, 0, 0.95, Unit.NPS_POINTS));
  }

  @Test
  void countsNearLongMaxStayFiniteAndExact() {
    long huge = Long.MAX_VALUE / 3;
    Nps nps = Nps.ofCounts(huge, huge, huge);
    assertThat(nps.count()).isEqualTo(3 * huge);
    assertThat(nps.score()).isZero();
    // p = d = 1/3: variance 2/3, SE = 100 sqrt(2/3 / n)
    assertThat(nps.standardError())
        .isCloseTo(100 * Math.sqrt((2.0 / 3) / (3.0 * huge)), within(1e-15));
    Interval interval = nps.confidenceInterval(0.95);
    assertThat(interval.width()).isPositive().isLessThan(1e-6);
    Nps merged = Nps.ofCounts(Long.MAX_VALUE - 10, 0, 0).merge(Nps.ofCounts(10, 0, 0));
    assertThat(merged.promoters()).isEqualTo(Long.MAX_VALUE);
    assertThat(merged.score()).isEqualTo(100.0);
  }

  @Test
  void oneAnswerOnEveryScore() {
    assertThat(Nps.of(0).score()).isEqualTo(-100.0);
    assertThat(Csat.of(3).score()).isZero();
    assertThat(Csat.of(3).confidenceInterval(0.95).lower()).isZero();
    assertThat(Ces.of(5).mean()).isEqualTo(5.0);
    assertThat(WeightedNps.of(new int[] {9}, new double[] {1e-300}).score()).isEqualTo(100.0);
    assertThat(WeightedNps.of(new int[] {9}, new double[] {1e-300}).effectiveSampleSize())
        .isCloseTo(1.0, within(1e-15));
  }
}
