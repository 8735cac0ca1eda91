package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Accumulator paths: adding decoded values, byte batches, counts, and bad input on each path. */
class AccumulatorEdgesTest {
  @Test
  void accumulatorsAddDecodedValues() {
    NpsAccumulator nps = new NpsAccumulator();
    nps.add(Nps.fromByteArray(Nps.of(10, 3).toByteArray()));
    nps.addAll(new byte[] {9, 8});
    assertThat(nps.count()).isEqualTo(4);
    assertThat(nps.snapshot()).isEqualTo(Nps.of(10, 3, 9, 8));

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
  void weightedAccumulatorCountsAndValidatesEveryPath() {
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    accumulator.accept(9, 2);
    accumulator.addAll(new int[] {0}, new double[] {1});
    assertThat(accumulator.count()).isEqualTo(2);
    record A(int score, double weight) {}
    assertThatThrownBy(
            () -> WeightedNps.of(List.of(new A(9, 1), new A(9, -2)), A::score, A::weight))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight -2.0 at index 1 must be finite and >= 0");
    assertThatThrownBy(() -> accumulator.accept(9, Double.POSITIVE_INFINITY))
        .hasMessage("weight Infinity at index 2 must be finite and >= 0");
    assertThat(WeightedNps.of(List.of(new A(9, 0), new A(0, 0.0)), A::score, A::weight).count())
        .isEqualTo(2);
  }

  @Test
  void emptyAndBoxedPaths() {
    Ces empty =
        Ces.definition(RatingScale.ONE_TO_FIVE, EffortDirection.LOWER_IS_LESS_EFFORT).empty();
    assertThatThrownBy(empty::lowEffortShare)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CES is undefined for an empty sample");
    assertThat(Ces.of(1, 5, 5).countOf(5)).isEqualTo(2);
    assertThat(Ces.of(1, 5, 5).countOf(9)).isZero();
    assertThat(Ces.of(1, 5, 5).counts()).containsExactly(1, 0, 0, 0, 2);
    assertThat(List.of(5, 4, 1).stream().collect(Csat.toCsat())).isEqualTo(Csat.of(5, 4, 1));
    assertThatThrownBy(() -> java.util.Arrays.asList(5, null).stream().collect(Csat.toCsat()))
        .isInstanceOf(NullPointerException.class);
  }
}
