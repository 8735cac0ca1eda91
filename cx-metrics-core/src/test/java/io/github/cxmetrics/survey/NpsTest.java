package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NpsTest {
  // 4 promoters (10, 10, 9, 9), 4 passives (8, 7, 7, 8), 2 detractors (3, 5)
  private static final int[] TEN = {10, 10, 9, 9, 8, 7, 7, 8, 3, 5};
  // the two-sided 95% normal critical value, from a normal table (SciPy 1.17.1: norm.ppf(0.975))
  private static final double Z95 = 1.959963984540054;

  @Test
  void countsClassesAndScores() {
    Nps nps = Nps.of(TEN);
    assertThat(nps.promoters()).isEqualTo(4);
    assertThat(nps.passives()).isEqualTo(4);
    assertThat(nps.detractors()).isEqualTo(2);
    assertThat(nps.count()).isEqualTo(10);
    assertThat(nps.isEmpty()).isFalse();
    assertThat(nps.score()).isEqualTo(100.0 * (4 - 2) / 10);
    assertThat(nps.promoterShare()).isEqualTo(0.4);
    assertThat(nps.detractorShare()).isEqualTo(0.2);
  }

  @Test
  void classBoundariesFollowTheDefinition() {
    assertThat(Nps.of(0, 1, 2, 3, 4, 5, 6).detractors()).isEqualTo(7);
    assertThat(Nps.of(7, 8).passives()).isEqualTo(2);
    assertThat(Nps.of(9, 10).promoters()).isEqualTo(2);
    assertThat(Nps.of(10, 10).score()).isEqualTo(100.0);
    assertThat(Nps.of(0, 6).score()).isEqualTo(-100.0);
    assertThat(Nps.of(7, 8).score()).isEqualTo(0.0);
  }

  @Test
  void everyFactoryAgrees() {
    Nps expected = Nps.of(TEN);
    byte[] bytes = new byte[TEN.length];
    for (int i = 0; i < TEN.length; i++) {
      bytes[i] = (byte) TEN[i];
    }
    List<Integer> boxed = Arrays.stream(TEN).boxed().toList();
    record Answer(int score) {}
    List<Answer> answers = Arrays.stream(TEN).mapToObj(Answer::new).toList();

    assertThat(Nps.of(bytes)).isEqualTo(expected);
    assertThat(Nps.of(boxed)).isEqualTo(expected);
    assertThat(Nps.of(answers, Answer::score)).isEqualTo(expected);
    assertThat(Nps.ofCounts(4, 4, 2)).isEqualTo(expected);
    assertThat(boxed.stream().collect(Nps.toNps())).isEqualTo(expected);
    assertThat(answers.parallelStream().collect(Nps.toNps(Answer::score))).isEqualTo(expected);
  }

  @Test
  void standardErrorAndWaldIntervalByHand() {
    Nps nps = Nps.of(TEN);
    // p = 0.4, d = 0.2: variance 0.4 + 0.2 - 0.2^2 = 0.56 per answer
    double se = 100 * Math.sqrt(0.56 / 10);
    assertThat(nps.standardError()).isCloseTo(se, within(1e-12));
    assertThat(nps.marginOfError(0.95)).isCloseTo(Z95 * se, within(1e-9));
    Interval wald = nps.waldInterval(0.95);
    assertThat(wald.lower()).isCloseTo(20 - Z95 * se, within(1e-9));
    assertThat(wald.upper()).isCloseTo(20 + Z95 * se, within(1e-9));
    assertThat(wald.level()).isEqualTo(0.95);
  }

  @Test
  void adjustedWaldIntervalByHand() {
    Nps nps = Nps.of(TEN);
    // Rocks (2016): n~ = 10 + 3, p~ = (4 + 0.75) / 13, d~ = (2 + 0.75) / 13
    double p = 4.75 / 13;
    double d = 2.75 / 13;
    double half = Z95 * Math.sqrt((p + d - (p - d) * (p - d)) / 13);
    Interval interval = nps.confidenceInterval(0.95);
    assertThat(interval.lower()).isCloseTo(100 * (p - d - half), within(1e-9));
    assertThat(interval.upper()).isCloseTo(100 * (p - d + half), within(1e-9));
  }

  @Test
  void intervalsAreClippedToTheScale() {
    Nps allPromoters = Nps.ofCounts(5, 0, 0);
    assertThat(allPromoters.standardError()).isZero();
    assertThat(allPromoters.waldInterval(0.95))
        .isEqualTo(new Interval(100, 100, 0.95, Unit.NPS_POINTS));
    assertThat(allPromoters.confidenceInterval(0.99).upper()).isEqualTo(100.0);
    assertThat(Nps.ofCounts(0, 0, 3).confidenceInterval(0.99).lower()).isEqualTo(-100.0);
  }

  @Test
  void singleAnswer() {
    Nps one = Nps.of(9);
    assertThat(one.score()).isEqualTo(100.0);
    assertThat(one.standardError()).isZero();
    // adjusted Wald on n~ = 4: p~ = 1.75 / 4, d~ = 0.75 / 4; centre 25
    Interval interval = one.confidenceInterval(0.95);
    double p = 1.75 / 4;
    double d = 0.75 / 4;
    double half = Z95 * Math.sqrt((p + d - (p - d) * (p - d)) / 4);
    assertThat(interval.lower()).isCloseTo(100 * (0.25 - half), within(1e-9));
    assertThat(interval.upper()).isCloseTo(100 * (0.25 + half), within(1e-9));
  }

  @Test
  void emptySampleHasCountsButNoScore() {
    Nps empty = Nps.of();
    assertThat(empty).isSameAs(Nps.EMPTY.merge(empty)).isEqualTo(Nps.EMPTY);
    assertThat(empty.count()).isZero();
    assertThat(empty.isEmpty()).isTrue();
    assertThatThrownBy(empty::score)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("NPS is undefined for an empty sample");
    assertThatThrownBy(empty::standardError).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> empty.confidenceInterval(0.95))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> empty.waldInterval(0.95)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Comparison.of(empty, Nps.of(TEN)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(empty).hasToString("Nps[n=0, promoters=0, passives=0, detractors=0]");
  }

  @Test
  void rejectsAnswersOffTheScaleNamingValueAndIndex() {
    assertThatThrownBy(() -> Nps.of(1, 2, 3, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("response 11 at index 3 is outside the NPS scale [0, 10]");
    assertThatThrownBy(() -> Nps.of(new byte[] {5, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("response -1 at index 1 is outside the NPS scale [0, 10]");
    assertThatThrownBy(() -> Nps.of(List.of(3, Integer.MIN_VALUE)))
        .hasMessage("response -2147483648 at index 1 is outside the NPS scale [0, 10]");
    assertThatThrownBy(() -> IntStream.of(4, 12).boxed().collect(Nps.toNps()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response 12");
  }

  @Test
  void rejectsNullsNamingTheParameter() {
    assertThatThrownBy(() -> Nps.of((int[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("responses");
    assertThatThrownBy(() -> Nps.of((byte[]) null)).hasMessage("responses");
    assertThatThrownBy(() -> Nps.of(Arrays.asList(1, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("responses contains null at index 1");
    assertThatThrownBy(() -> Nps.of(null, (Integer x) -> x)).hasMessage("items");
    assertThatThrownBy(() -> Nps.EMPTY.merge(null)).hasMessage("other");
  }

  @Test
  void rejectsNegativeAndOverflowingCounts() {
    assertThatThrownBy(() -> Nps.ofCounts(1, -2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("passives (-2) must be >= 0");
    assertThatThrownBy(() -> Nps.ofCounts(Long.MAX_VALUE, 1, 0))
        .isInstanceOf(ArithmeticException.class);
    Nps huge = Nps.ofCounts(Long.MAX_VALUE - 1, 0, 0);
    assertThatThrownBy(() -> huge.merge(Nps.ofCounts(2, 0, 0)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflows a long");
    assertThat(huge.merge(Nps.ofCounts(1, 0, 0)).promoters()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rejectsLevelsOutsideTheOpenUnitInterval() {
    Nps nps = Nps.of(TEN);
    for (double level : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> nps.confidenceInterval(level))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("confidence level (" + level + ")");
      assertThatThrownBy(() -> nps.waldInterval(level))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nps.marginOfError(level))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void mergeAddsCounts() {
    Nps merged = Nps.ofCounts(1, 2, 3).merge(Nps.ofCounts(10, 20, 30));
    assertThat(merged).isEqualTo(Nps.ofCounts(11, 22, 33));
    assertThat(merged.hashCode()).isEqualTo(Nps.ofCounts(11, 22, 33).hashCode());
  }

  @Test
  void compareTwoIndependentSamplesByHand() {
    Nps a = Nps.ofCounts(50, 30, 20); // 30, p = 0.5, d = 0.2
    Nps b = Nps.ofCounts(30, 40, 30); // 0, p = 0.3, d = 0.3
    // adjusted Wald (Lewis & Sauro): n~ = 103; a: p~ = 50.75/103, d~ = 20.75/103; b: 30.75/103 each
    double pA = 50.75 / 103;
    double dA = 20.75 / 103;
    double pB = 30.75 / 103;
    double seA = 100 * Math.sqrt((pA + dA - (pA - dA) * (pA - dA)) / 103);
    double seB = 100 * Math.sqrt(2 * pB / 103);
    Comparison comparison = Comparison.of(a, b);
    assertThat(comparison.difference()).isCloseTo(30.0, within(1e-12));
    assertThat(comparison.adjustedDifference()).isCloseTo(100 * 30.0 / 103, within(1e-12));
    assertThat(comparison.standardError()).isCloseTo(Math.hypot(seA, seB), within(1e-12));
    // SciPy 1.17.1: z = 2.6912363961764294, 2 * norm.sf(z) = 0.0071187731657455745
    assertThat(comparison.z()).isCloseTo(2.6912363961764294, within(1e-12));
    assertThat(comparison.pValue()).isCloseTo(0.0071187731657455745, within(1e-12));
    assertThat(comparison.isSignificant(0.95)).isTrue();
  }

  @Test
  void readableToString() {
    assertThat(Nps.of(TEN))
        .hasToString("Nps[score=20.0, n=10, promoters=4, passives=4, detractors=2]");
  }

  @Test
  void accumulatorAddsDecodedValuesAndBytes() {
    NpsAccumulator nps = new NpsAccumulator();
    nps.add(Nps.fromByteArray(Nps.of(10, 3).toByteArray()));
    nps.addAll(new byte[] {9, 8});
    assertThat(nps.count()).isEqualTo(4);
    assertThat(nps.snapshot()).isEqualTo(Nps.of(10, 3, 9, 8));
  }

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
    assertThat(Nps.of(0).score()).isEqualTo(-100.0);
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
}
