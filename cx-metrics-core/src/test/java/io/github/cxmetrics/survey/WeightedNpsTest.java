package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedNpsTest {
  private static final int[] RESPONSES = {10, 9, 7, 3, 0};
  private static final double[] WEIGHTS = {2, 1, 1, 0.5, 0.5};
  private static final double Z95 = 1.959963984540054; // SciPy 1.17.1: norm.ppf(0.975)

  @Test
  void weightedScoreAndKishEffectiveSampleSizeByHand() {
    WeightedNps nps = WeightedNps.of(RESPONSES, WEIGHTS);
    // W_P = 2 + 1, W_passive = 1, W_D = 0.5 + 0.5, W = 5
    assertThat(nps.promoterWeight()).isEqualTo(3.0);
    assertThat(nps.passiveWeight()).isEqualTo(1.0);
    assertThat(nps.detractorWeight()).isEqualTo(1.0);
    assertThat(nps.totalWeight()).isEqualTo(5.0);
    assertThat(nps.count()).isEqualTo(5);
    assertThat(nps.score()).isEqualTo(100.0 * (3 - 1) / 5);
    // sum(w^2) = 4 + 1 + 1 + 0.25 + 0.25 = 6.5; n_eff = 5^2 / 6.5
    double effectiveN = 25 / 6.5;
    assertThat(nps.effectiveSampleSize()).isCloseTo(effectiveN, within(1e-12));
    // p = 0.6, d = 0.2
    double se = 100 * Math.sqrt((0.6 + 0.2 - 0.4 * 0.4) / effectiveN);
    assertThat(nps.standardError()).isCloseTo(se, within(1e-9));
    assertThat(nps.marginOfError(0.95)).isCloseTo(Z95 * se, within(1e-9));
    Interval wald = nps.waldInterval(0.95);
    assertThat(wald.lower()).isCloseTo(40 - Z95 * se, within(1e-9));
    assertThat(wald.upper()).isCloseTo(Math.min(100, 40 + Z95 * se), within(1e-9));
  }

  @Test
  void adjustedWaldOnTheEffectiveSampleByHand() {
    WeightedNps nps = WeightedNps.of(RESPONSES, WEIGHTS);
    double n = 25 / 6.5;
    double p = (0.6 * n + 0.75) / (n + 3);
    double d = (0.2 * n + 0.75) / (n + 3);
    double half = Z95 * Math.sqrt((p + d - (p - d) * (p - d)) / (n + 3));
    Interval interval = nps.confidenceInterval(0.95);
    assertThat(interval.lower()).isCloseTo(100 * (p - d - half), within(1e-9));
    assertThat(interval.upper()).isCloseTo(100 * (p - d + half), within(1e-9));
  }

  @Test
  void weightsAcrossTheWholeDoubleRange() {
    WeightedNps tiny = WeightedNps.of(new int[] {10, 0}, new double[] {1e300, 1e-300});
    // (1e300 - 1e-300) / (1e300 + 1e-300) rounds to 1
    assertThat(tiny.score()).isEqualTo(100.0);
    assertThat(tiny.effectiveSampleSize()).isCloseTo(1.0, within(1e-15));

    // ten equal huge weights: sum(w^2) = 1e601 is beyond a double, yet n_eff is 10
    int[] responses = {10, 10, 10, 10, 10, 0, 0, 8, 8, 8};
    double[] huge = new double[10];
    java.util.Arrays.fill(huge, 1e300);
    WeightedNps big = WeightedNps.of(responses, huge);
    assertThat(big.effectiveSampleSize()).isCloseTo(10.0, within(1e-12));
    assertThat(big.score()).isCloseTo(Nps.of(responses).score(), within(1e-12));
    assertThat(big.totalWeight()).isEqualTo(1e301);

    double[] subnormal = new double[10];
    java.util.Arrays.fill(subnormal, Double.MIN_VALUE);
    WeightedNps small = WeightedNps.of(responses, subnormal);
    assertThat(small.score()).isEqualTo(Nps.of(responses).score());
    assertThat(small.effectiveSampleSize()).isCloseTo(10.0, within(1e-12));
    assertThat(small.totalWeight()).isEqualTo(10 * Double.MIN_VALUE);
  }

  @Test
  void totalWeightBeyondTheDoubleRangeIsInfiniteButTheScoreIsExact() {
    WeightedNps nps =
        WeightedNps.of(
            new int[] {10, 10, 0},
            new double[] {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE});
    assertThat(nps.totalWeight()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(nps.score()).isCloseTo(100.0 / 3, within(1e-12));
    assertThat(nps.effectiveSampleSize()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void zeroWeightsCountButWeighNothing() {
    WeightedNps nps = WeightedNps.of(new int[] {10, 0}, new double[] {1, 0});
    assertThat(nps.count()).isEqualTo(2);
    assertThat(nps.score()).isEqualTo(100.0);
    WeightedNps weightless = WeightedNps.of(new int[] {10, 0}, new double[] {0, 0});
    assertThatThrownBy(weightless::score)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("weighted NPS is undefined when all 2 weights are 0");
    assertThat(weightless).hasToString("WeightedNps[n=2, weight=0.0]");
    assertThatThrownBy(WeightedNps.EMPTY::score)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("weighted NPS is undefined for an empty sample");
    assertThatThrownBy(WeightedNps.EMPTY::effectiveSampleSize)
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsBadWeightsAndAnswers() {
    for (double bad : new double[] {Double.NaN, -1, Double.POSITIVE_INFINITY, -0.0 - 1e-300}) {
      assertThatThrownBy(() -> WeightedNps.of(new int[] {1, 2}, new double[] {1, bad}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("weight " + bad + " at index 1 must be finite and >= 0");
    }
    assertThatThrownBy(() -> WeightedNps.of(new int[] {1, 11}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("response 11 at index 1 is outside the NPS scale [0, 10]");
    assertThatThrownBy(() -> WeightedNps.of(new int[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "responses has 2 elements but weights has 1; they must have one weight per response");
    assertThatThrownBy(() -> WeightedNps.of(null, new double[0])).hasMessage("responses");
    assertThatThrownBy(() -> WeightedNps.of(new int[0], null)).hasMessage("weights");
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    assertThatThrownBy(() -> accumulator.addAll(new int[] {5, 5, 5}, new double[] {1, 1, -1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(accumulator.count()).isZero();
    assertThat(accumulator.snapshot()).isEqualTo(WeightedNps.EMPTY);
  }

  @Test
  void itemsAndCollectorAgreeWithArrays() {
    record Answer(int score, double weight) {}
    List<Answer> answers =
        List.of(
            new Answer(10, 2),
            new Answer(9, 1),
            new Answer(7, 1),
            new Answer(3, 0.5),
            new Answer(0, 0.5));
    WeightedNps expected = WeightedNps.of(RESPONSES, WEIGHTS);
    assertThat(WeightedNps.of(answers, Answer::score, Answer::weight)).isEqualTo(expected);
    assertThat(
            answers.parallelStream()
                .collect(WeightedNps.toWeightedNps(Answer::score, Answer::weight)))
        .isEqualTo(expected);
    assertThat(expected.hashCode())
        .isEqualTo(WeightedNps.of(answers, Answer::score, Answer::weight).hashCode());
  }

  @Test
  void theArrayKernelEqualsAddingAnswerByAnswer() {
    // addAll works in blocks of 4,096 with partial sums in longs; accept adds each weight to the
    // exact sums on its own: the two must agree bit for bit on any weights
    SplittableRandom random = new SplittableRandom(20261202);
    double[] odd = {
      0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-1000, 1e-30, 1e6, 1e300, Double.MAX_VALUE
    };
    for (int length : new int[] {0, 1, 7, 4095, 4096, 4097, 9000}) {
      for (int kind = 0; kind < 5; kind++) {
        int[] answers = new int[length];
        double[] weights = new double[length];
        for (int i = 0; i < length; i++) {
          answers[i] = random.nextInt(11);
          weights[i] =
              switch (kind) {
                case 0 -> 0.2 + 4.8 * random.nextDouble(); // post-stratification weights
                case 1 -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 1024));
                case 2 -> random.nextInt(100) == 0 ? odd[random.nextInt(odd.length)] : 1.5;
                case 3 -> Math.scalb(1 + random.nextDouble(), random.nextInt(-12, 12));
                default -> random.nextInt(3); // whole weights, zeros among them
              };
        }
        WeightedNpsAccumulator oneByOne = new WeightedNpsAccumulator();
        for (int i = 0; i < length; i++) {
          oneByOne.accept(answers[i], weights[i]);
        }
        WeightedNpsAccumulator kernel = new WeightedNpsAccumulator();
        kernel.accept(9, 0.75); // the kernel adds to what is there
        kernel.addAll(answers, weights);
        oneByOne.combine(new WeightedNpsAccumulator()).accept(9, 0.75);
        assertThat(kernel.snapshot())
            .as("length %d, kind %d", length, kind)
            .isEqualTo(oneByOne.snapshot());
        assertThat(kernel.count()).isEqualTo(length + 1L);
      }
    }
  }

  @Test
  void theArrayKernelRejectsTheFirstBadValueAndAddsNothing() {
    int[] answers = new int[5000];
    double[] weights = new double[5000];
    java.util.Arrays.fill(answers, 9);
    java.util.Arrays.fill(weights, 1.25);
    for (double bad : new double[] {Double.NaN, -1, Double.POSITIVE_INFINITY, -Double.MIN_VALUE}) {
      double[] w = weights.clone();
      w[4500] = bad;
      w[4700] = Double.NaN;
      WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
      assertThatThrownBy(() -> accumulator.addAll(answers, w))
          .hasMessage("weight " + bad + " at index 4500 must be finite and >= 0");
      assertThat(accumulator.count()).isZero();
      assertThat(accumulator.snapshot()).isEqualTo(WeightedNps.EMPTY);
    }
    for (int bad : new int[] {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      int[] a = answers.clone();
      a[4096] = bad;
      WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
      assertThatThrownBy(() -> accumulator.addAll(a, weights))
          .hasMessage("response " + bad + " at index 4096 is outside the NPS scale [0, 10]");
      assertThat(accumulator.snapshot()).isEqualTo(WeightedNps.EMPTY);
    }
  }

  @Test
  void aBadValueInALaterBlockLeavesAFilledAccumulatorAsItWas() {
    // blocks of 4,096 answers are summed as they are checked: the sums of earlier blocks (here
    // one with a -0.0 weight, added one by one) must not reach the accumulator before the bad
    // value of a later block is found
    int[] answers = new int[10_000];
    double[] weights = new double[10_000];
    for (int i = 0; i < answers.length; i++) {
      answers[i] = i % 11;
      weights[i] = 0.5 + (i % 7) * 0.25;
    }
    weights[100] = -0.0;
    weights[9_000] = Double.NaN;
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    accumulator.accept(10, 3);
    accumulator.accept(2, 0.5);
    WeightedNps before = accumulator.snapshot();
    assertThatThrownBy(() -> accumulator.addAll(answers, weights))
        .hasMessage("weight NaN at index 9002 must be finite and >= 0");
    assertThat(accumulator.snapshot()).isEqualTo(before);
    assertThat(accumulator.count()).isEqualTo(2);
    // without the bad value, the same call equals adding the answers one by one
    weights[9_000] = 1;
    accumulator.addAll(answers, weights);
    WeightedNpsAccumulator oneByOne = new WeightedNpsAccumulator();
    oneByOne.accept(10, 3);
    oneByOne.accept(2, 0.5);
    for (int i = 0; i < answers.length; i++) {
      oneByOne.accept(answers[i], weights[i]);
    }
    assertThat(accumulator.snapshot()).isEqualTo(oneByOne.snapshot());
  }

  @Test
  void readableToString() {
    assertThat(WeightedNps.of(RESPONSES, WEIGHTS).toString())
        .startsWith("WeightedNps[score=40.0, n=5, effectiveN=3.84615")
        .endsWith(", weight=5.0]");
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
  void oneTinyWeightedAnswer() {
    assertThat(WeightedNps.of(new int[] {9}, new double[] {1e-300}).score()).isEqualTo(100.0);
    assertThat(WeightedNps.of(new int[] {9}, new double[] {1e-300}).effectiveSampleSize())
        .isCloseTo(1.0, within(1e-15));
  }

  @Test
  void accumulatorAddsAggregatedValuesExactly() {
    WeightedNps part = WeightedNps.of(new int[] {10, 7, 0}, new double[] {2, 1e-300, 1e300});
    WeightedNps other = WeightedNps.of(new int[] {9, 3}, new double[] {0.1, 0.2});
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    accumulator.accept(9, 0.1);
    accumulator.add(WeightedNps.fromByteArray(part.toByteArray()));
    accumulator.accept(3, 0.2);
    assertThat(accumulator.count()).isEqualTo(5);
    assertThat(accumulator.snapshot()).isEqualTo(part.merge(other));
    WeightedNpsAccumulator empty = new WeightedNpsAccumulator();
    empty.add(WeightedNps.EMPTY);
    assertThat(empty.snapshot()).isEqualTo(WeightedNps.EMPTY);
    assertThatThrownBy(() -> empty.add(null)).hasMessage("value");
  }
}
