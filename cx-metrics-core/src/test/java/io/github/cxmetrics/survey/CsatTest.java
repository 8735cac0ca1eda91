package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsatTest {
  private static final int[] RATINGS = {5, 4, 4, 3, 2, 5, 1, 4, 5, 3};
  private static final double Z95 = 1.959963984540054; // SciPy 1.17.1: norm.ppf(0.975)

  @Test
  void topTwoBoxShareAndMeanOnTheDefaultScale() {
    Csat csat = Csat.of(RATINGS);
    assertThat(csat.scale()).isEqualTo(RatingScale.of(1, 5));
    assertThat(csat.satisfiedFrom()).isEqualTo(4);
    assertThat(csat.count()).isEqualTo(10);
    assertThat(csat.satisfied()).isEqualTo(6); // 5, 4, 4, 5, 4, 5
    assertThat(csat.score()).isEqualTo(60.0);
    assertThat(csat.mean()).isEqualTo((5 + 4 + 4 + 3 + 2 + 5 + 1 + 4 + 5 + 3) / 10.0);
    assertThat(csat.countOf(4)).isEqualTo(3);
    assertThat(csat.countOf(9)).isZero();
    assertThat(csat.counts()).containsExactly(1, 1, 2, 3, 3);
    assertThat(csat.standardError()).isCloseTo(100 * Math.sqrt(0.6 * 0.4 / 10), within(1e-12));
  }

  @Test
  void wilsonIntervalByHand() {
    Csat csat = Csat.of(RATINGS);
    double n = 10;
    double p = 0.6;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    Interval interval = csat.confidenceInterval(0.95);
    assertThat(interval.lower()).isCloseTo(100 * (centre - half), within(1e-9));
    assertThat(interval.upper()).isCloseTo(100 * (centre + half), within(1e-9));
  }

  @Test
  void sevenPointScaleWithItsOwnThreshold() {
    RatingScale seven = RatingScale.ONE_TO_SEVEN;
    Csat csat = Csat.definition(seven, 6).of(7, 6, 5, 1, 7);
    assertThat(csat.satisfied()).isEqualTo(3);
    assertThat(csat.score()).isEqualTo(60.0);
    assertThat(Csat.definition(seven, 6).of(List.of(7, 6, 5, 1, 7))).isEqualTo(csat);
    assertThat(Csat.definition(seven, 6).ofCounts(1, 0, 0, 0, 1, 1, 2)).isEqualTo(csat);
    assertThat(Csat.definition(seven, 6).of(new byte[] {7, 6, 5, 1, 7})).isEqualTo(csat);
    assertThat(
            Arrays.stream(new int[] {7, 6, 5, 1, 7})
                .boxed()
                .collect(Csat.definition(seven, 6).toCsat(Integer::intValue)))
        .isEqualTo(csat);
  }

  @Test
  void allSatisfiedStillHasAnIntervalOfPositiveWidth() {
    Csat csat = Csat.of(5, 5, 4);
    assertThat(csat.score()).isEqualTo(100.0);
    Interval interval = csat.confidenceInterval(0.95);
    assertThat(interval.upper()).isEqualTo(100.0);
    assertThat(interval.lower()).isLessThan(100.0).isGreaterThan(0.0);
  }

  @Test
  void emptySample() {
    Csat empty = Csat.definition(RatingScale.ONE_TO_FIVE, 4).empty();
    assertThat(empty).isEqualTo(Csat.of());
    assertThat(empty.count()).isZero();
    assertThat(empty.isEmpty()).isTrue();
    assertThatThrownBy(empty::score)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CSAT is undefined for an empty sample");
    assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> empty.confidenceInterval(0.9))
        .isInstanceOf(IllegalStateException.class);
    assertThat(empty).hasToString("Csat[n=0, CSAT on [1, 5] satisfied from 4]");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Csat.of(1, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rating 6 at index 1 is outside the rating scale [1, 5]; for 1..7 ratings use"
                + " RatingScale.ONE_TO_SEVEN");
    assertThatThrownBy(() -> Csat.definition(RatingScale.ONE_TO_FIVE, 1).of(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("satisfiedFrom (1) must be in (1, 5] for the rating scale [1, 5]");
    assertThatThrownBy(() -> Csat.definition(RatingScale.ONE_TO_FIVE, 6).of(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Csat.of((int[]) null)).hasMessage("ratings");
    assertThatThrownBy(() -> Csat.definition(RatingScale.ONE_TO_FIVE, 4).of(Arrays.asList(3, null)))
        .hasMessage("ratings contains null at index 1");
    assertThatThrownBy(() -> Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(1, 2, 3))
        .hasMessage("counts has 3 entries but the rating scale [1, 5] has 5 points");
    assertThatThrownBy(() -> Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(1, 2, -3, 0, 0))
        .hasMessage("count of rating 3 (-3) must be >= 0");
    assertThatThrownBy(() -> Csat.of(RATINGS).confidenceInterval(1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToMergeDifferentDefinitionsNamingBoth() {
    Csat five = Csat.of(5, 4);
    Csat seven = Csat.definition(RatingScale.ONE_TO_SEVEN, 6).of(7);
    Csat topBox = Csat.definition(RatingScale.ONE_TO_FIVE, 5).of(5);
    assertThatThrownBy(() -> five.merge(seven))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot merge CSAT on [1, 5] satisfied from 4 with CSAT on [1, 7] satisfied from 6");
    assertThatThrownBy(() -> five.merge(topBox)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CsatAccumulator()
                    .combine(Csat.definition(RatingScale.ONE_TO_SEVEN, 6).accumulator()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compareTwoSamplesByHand() {
    Csat a = Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(0, 0, 20, 40, 40); // 80%
    Csat b = Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(0, 0, 40, 30, 30); // 60%
    Comparison comparison = Comparison.of(a, b);
    assertThat(comparison.difference()).isCloseTo(20.0, within(1e-12));
    // Agresti-Caffo: 81 of 102 against 61 of 102
    double pA = 81.0 / 102;
    double pB = 61.0 / 102;
    double se = 100 * Math.sqrt(pA * (1 - pA) / 102 + pB * (1 - pB) / 102);
    assertThat(comparison.adjustedDifference()).isCloseTo(100 * 20.0 / 102, within(1e-12));
    assertThat(comparison.standardError()).isCloseTo(se, within(1e-12));
    // SciPy 1.17.1: 2 * norm.sf(3.11603306556317) = 0.0018330171771013455
    assertThat(comparison.pValue()).isCloseTo(0.0018330171771013455, within(1e-12));
  }

  @Test
  void readableToString() {
    assertThat(Csat.of(RATINGS))
        .hasToString("Csat[score=60.0, n=10, CSAT on [1, 5] satisfied from 4]");
  }

  @Test
  void offScaleRatingsHintAtTheCommonScaleThatHoldsThem() {
    // 1..5: 6 and 7 fit 1..7; 9 fits 1..10; 0 fits 0..10; 11 fits none
    assertThatThrownBy(() -> Csat.of(7)).hasMessageEndingWith("use RatingScale.ONE_TO_SEVEN");
    assertThatThrownBy(() -> Csat.of(9)).hasMessageEndingWith("use RatingScale.of(1, 10)");
    assertThatThrownBy(() -> Csat.of(0)).hasMessageEndingWith("use RatingScale.of(0, 10)");
    assertThatThrownBy(() -> Csat.of(11))
        .hasMessage("rating 11 at index 0 is outside the rating scale [1, 5]");
    assertThatThrownBy(() -> Csat.of(-1))
        .hasMessage("rating -1 at index 0 is outside the rating scale [1, 5]");
    // on 1..7, an 8 fits 1..10; on 0..10 nothing larger is common
    assertThatThrownBy(() -> Csat.definition(RatingScale.ONE_TO_SEVEN, 6).of(8))
        .hasMessageEndingWith("use RatingScale.of(1, 10)");
    assertThatThrownBy(() -> Csat.definition(RatingScale.of(0, 10), 9).of(11))
        .hasMessage("rating 11 at index 0 is outside the rating scale [0, 10]");
    assertThatThrownBy(() -> Csat.definition(RatingScale.of(2, 5), 4).of(1))
        .hasMessageEndingWith("use RatingScale.ONE_TO_FIVE");
    assertThatThrownBy(() -> Csat.definition(RatingScale.of(2, 6), 4).of(1))
        .hasMessageEndingWith("use RatingScale.ONE_TO_SEVEN");
    assertThatThrownBy(() -> Csat.definition(RatingScale.of(-2, 2), 1).of(3))
        .hasMessage("rating 3 at index 0 is outside the rating scale [-2, 2]");
  }

  @Test
  void definitionsMakeValuesAccumulatorsAndCollectors() {
    CsatDefinition seven = Csat.definition(RatingScale.ONE_TO_SEVEN, 6);
    assertThat(seven.scale()).isEqualTo(RatingScale.ONE_TO_SEVEN);
    assertThat(seven.satisfiedFrom()).isEqualTo(6);
    assertThat(seven).isEqualTo(Csat.definition(RatingScale.ONE_TO_SEVEN, 6));
    assertThat(seven).isNotEqualTo(Csat.definition(RatingScale.ONE_TO_SEVEN, 5));
    assertThat(seven.hashCode()).isEqualTo(Csat.definition(RatingScale.ONE_TO_SEVEN, 6).hashCode());
    assertThat(seven).hasToString("CSAT on [1, 7] satisfied from 6");
    Csat expected = seven.ofCounts(0, 0, 0, 0, 1, 1, 2);
    assertThat(seven.of(7, 6, 5, 7)).isEqualTo(expected);
    assertThat(seven.of(new byte[] {7, 6, 5, 7})).isEqualTo(expected);
    assertThat(seven.of(List.of(7, 6, 5, 7))).isEqualTo(expected);
    assertThat(seven.of(List.of("7", "6", "5", "7"), Integer::parseInt)).isEqualTo(expected);
    assertThat(java.util.stream.Stream.of(7, 6, 5, 7).collect(seven.toCsat(Integer::intValue)))
        .isEqualTo(expected);
    assertThat(
            java.util.stream.Stream.of("7", "6", "5", "7").collect(seven.toCsat(Integer::parseInt)))
        .isEqualTo(expected);
    CsatAccumulator accumulator = seven.accumulator();
    accumulator.add(expected);
    assertThat(accumulator.snapshot()).isEqualTo(expected);
    assertThat(seven.empty().merge(expected)).isEqualTo(expected);
    assertThat(expected.definition()).isEqualTo(seven);
    assertThat(expected.score()).isEqualTo(75.0);
    assertThat(expected.unit()).isEqualTo(io.github.cxmetrics.stats.Unit.PERCENT);
    assertThatThrownBy(() -> new CsatAccumulator().add(expected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot add CSAT on [1, 7] satisfied from 6 to CSAT on [1, 5] satisfied from 4");
    assertThatThrownBy(() -> seven.of(List.of("x"), null)).hasMessage("rating");
  }

  @Test
  void accumulatorAddsDecodedValuesAndBytesOfItsDefinitionOnly() {
    CsatAccumulator csat = new CsatAccumulator();
    csat.add(Csat.of(5, 1));
    csat.addAll(new byte[] {4});
    csat.accept(2);
    assertThat(csat.count()).isEqualTo(4);
    assertThat(csat.snapshot()).isEqualTo(Csat.of(5, 1, 4, 2));
    assertThatThrownBy(() -> csat.add(Csat.definition(RatingScale.ONE_TO_FIVE, 5).of(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot add CSAT on [1, 5] satisfied from 5 to CSAT on [1, 5] satisfied from 4");
    assertThat(List.of(5, 4, 1).stream().collect(Csat.toCsat())).isEqualTo(Csat.of(5, 4, 1));
    assertThatThrownBy(() -> java.util.Arrays.asList(5, null).stream().collect(Csat.toCsat()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void scoresAtTheEndsOfTheRange() {
    Csat allSatisfied = Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(0, 0, 0, 0, 7);
    assertThat(allSatisfied.confidenceInterval(0.95).upper()).isEqualTo(100.0);
    assertThat(Csat.of(3).score()).isZero();
    assertThat(Csat.of(3).confidenceInterval(0.95).lower()).isZero();
  }
}
