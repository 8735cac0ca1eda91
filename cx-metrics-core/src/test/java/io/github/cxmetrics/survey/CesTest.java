package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import org.junit.jupiter.api.Test;

class CesTest {
  private static final int[] RATINGS = {1, 2, 2, 3, 3, 3, 4, 5, 2, 1};

  @Test
  void meanAndSpreadByHand() {
    Ces ces = Ces.of(RATINGS);
    assertThat(ces.count()).isEqualTo(10);
    assertThat(ces.direction()).isEqualTo(EffortDirection.LOWER_IS_LESS_EFFORT);
    assertThat(ces.mean()).isEqualTo(26 / 10.0);
    // squared deviations from 2.6: 2 * 1.6^2 + 3 * 0.6^2 + 3 * 0.4^2 + 1.4^2 + 2.4^2 = 14.4
    double sd = Math.sqrt(14.4 / 9);
    assertThat(ces.standardDeviation()).isCloseTo(sd, within(1e-12));
    assertThat(ces.standardError()).isCloseTo(sd / Math.sqrt(10), within(1e-12));
  }

  @Test
  void studentIntervalMatchesSciPy() {
    // SciPy 1.17.1: t.interval(0.95, 9, loc=2.6, scale=s/sqrt(10)) = (1.695137134880718,
    // 3.504862865119282), s the sample standard deviation of RATINGS
    Interval interval = Ces.of(RATINGS).confidenceInterval(0.95);
    assertThat(interval.lower()).isCloseTo(1.695137134880718, within(1e-9));
    assertThat(interval.upper()).isCloseTo(3.504862865119282, within(1e-9));
  }

  @Test
  void lowEffortShareOnEitherDirectionAndScaleParity() {
    // 1..5, lower is less effort: 1, 2 are low effort (5 of 10), 3 is the neutral midpoint
    assertThat(Ces.of(RATINGS).lowEffortShare()).isEqualTo(0.5);
    // 1..7, higher is less effort (CES 2.0): 5, 6, 7 are low effort
    Ces agree =
        Ces.definition(RatingScale.ONE_TO_SEVEN, EffortDirection.HIGHER_IS_LESS_EFFORT)
            .of(7, 6, 4, 5, 2);
    assertThat(agree.lowEffortShare()).isEqualTo(0.6);
    // even-sized 1..6: midpoint 3.5, so 1, 2, 3 are low effort
    Ces six =
        Ces.definition(RatingScale.of(1, 6), EffortDirection.LOWER_IS_LESS_EFFORT).of(3, 4, 1, 6);
    assertThat(six.lowEffortShare()).isEqualTo(0.5);
  }

  @Test
  void factoriesAgree() {
    Ces expected = Ces.of(RATINGS);
    RatingScale scale = RatingScale.ONE_TO_FIVE;
    EffortDirection lower = EffortDirection.LOWER_IS_LESS_EFFORT;
    assertThat(Ces.definition(scale, lower).ofCounts(2, 3, 3, 1, 1)).isEqualTo(expected);
    assertThat(Ces.definition(scale, lower).of(Gens.boxed(RATINGS))).isEqualTo(expected);
    assertThat(Ces.definition(scale, lower).of(new byte[] {1, 2, 2, 3, 3, 3, 4, 5, 2, 1}))
        .isEqualTo(expected);
    assertThat(Gens.boxed(RATINGS).parallelStream().collect(Ces.toCes())).isEqualTo(expected);
  }

  @Test
  void smallSamples() {
    Ces empty =
        Ces.definition(RatingScale.ONE_TO_FIVE, EffortDirection.LOWER_IS_LESS_EFFORT).empty();
    assertThat(empty.isEmpty()).isTrue();
    assertThatThrownBy(empty::mean)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CES is undefined for an empty sample");
    Ces one = Ces.of(4);
    assertThat(one.mean()).isEqualTo(4.0);
    assertThatThrownBy(one::standardDeviation)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CES spread needs at least 2 ratings, not 1");
    assertThatThrownBy(() -> one.confidenceInterval(0.95))
        .isInstanceOf(IllegalStateException.class);
    Ces constant = Ces.of(2, 2, 2);
    assertThat(constant.standardDeviation()).isZero();
    assertThat(constant.confidenceInterval(0.95))
        .isEqualTo(new Interval(2, 2, 0.95, constant.unit()));
  }

  @Test
  void rejectsBadInputAndForeignMerges() {
    assertThatThrownBy(() -> Ces.of(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rating 0 at index 1 is outside the rating scale [1, 5]; for 0..10 ratings use"
                + " RatingScale.of(0, 10)");
    assertThatThrownBy(() -> Ces.definition(RatingScale.ONE_TO_FIVE, null).of(1))
        .hasMessage("direction");
    Ces lower = Ces.of(1, 2);
    Ces higher =
        Ces.definition(RatingScale.ONE_TO_FIVE, EffortDirection.HIGHER_IS_LESS_EFFORT).of(1, 2);
    assertThatThrownBy(() -> lower.merge(higher))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot merge CES on [1, 5], LOWER_IS_LESS_EFFORT with CES on [1, 5], HIGHER_IS_LESS_EFFORT");
    assertThatThrownBy(
            () ->
                Ces.of(1)
                    .merge(
                        Ces.definition(
                                RatingScale.ONE_TO_SEVEN, EffortDirection.LOWER_IS_LESS_EFFORT)
                            .of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 7]");
  }

  @Test
  void compareMeansByHand() {
    Ces a = Ces.of(1, 1, 2, 2);
    Ces b = Ces.of(3, 3, 4, 4);
    // each: sd = sqrt(4 * 0.25 / 3), SE = sd / 2
    double se = Math.sqrt(1.0 / 3) / 2;
    assertThat(Comparison.of(a, b).difference()).isEqualTo(-2.0);
    assertThat(Comparison.of(a, b).standardError()).isCloseTo(Math.sqrt(2) * se, within(1e-12));
  }

  @Test
  void readableToString() {
    assertThat(Ces.of(RATINGS))
        .hasToString("Ces[score=2.6, n=10, CES on [1, 5], LOWER_IS_LESS_EFFORT]");
  }

  @Test
  void accumulatorAddsDecodedValuesAndBytesOfItsDefinitionOnly() {
    CesAccumulator ces = new CesAccumulator();
    ces.add(Ces.of(1, 2));
    ces.addAll(new byte[] {3});
    assertThat(ces.count()).isEqualTo(3);
    assertThat(ces.snapshot()).isEqualTo(Ces.of(1, 2, 3));
    assertThatThrownBy(
            () ->
                ces.add(
                    Ces.definition(RatingScale.ONE_TO_SEVEN, EffortDirection.LOWER_IS_LESS_EFFORT)
                        .of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 7]");
    assertThatThrownBy(
            () ->
                new CesAccumulator()
                    .combine(
                        Ces.definition(
                                RatingScale.ONE_TO_FIVE, EffortDirection.HIGHER_IS_LESS_EFFORT)
                            .accumulator()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyAndCountedPaths() {
    Ces empty =
        Ces.definition(RatingScale.ONE_TO_FIVE, EffortDirection.LOWER_IS_LESS_EFFORT).empty();
    assertThatThrownBy(empty::lowEffortShare)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CES is undefined for an empty sample");
    assertThat(Ces.of(1, 5, 5).countOf(5)).isEqualTo(2);
    assertThat(Ces.of(1, 5, 5).countOf(9)).isZero();
    assertThat(Ces.of(1, 5, 5).counts()).containsExactly(1, 0, 0, 0, 2);
    assertThat(Ces.of(5).mean()).isEqualTo(5.0);
    Ces allEasy =
        Ces.definition(RatingScale.ONE_TO_FIVE, EffortDirection.LOWER_IS_LESS_EFFORT)
            .ofCounts(9, 0, 0, 0, 0);
    assertThat(allEasy.confidenceInterval(0.95))
        .isEqualTo(new Interval(1, 1, 0.95, allEasy.unit()));
  }
}
