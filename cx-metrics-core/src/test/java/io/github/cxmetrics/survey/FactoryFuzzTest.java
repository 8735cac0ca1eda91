package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random and adversarial input to the public factories: every byte value, every int extreme, NaN
 * and infinite weights, counts near overflow. The only outcomes allowed are the value a plain
 * reference loop computes, or the documented exception. The number of examples is the system
 * property {@code cx.fuzz.examples} (1,000 by default; see README for a longer run).
 */
class FactoryFuzzTest {
  private static final int EXAMPLES = Integer.getInteger("cx.fuzz.examples", 1000);

  private static int adversarial(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> Integer.MIN_VALUE + random.nextInt(3);
      case 1 -> Integer.MAX_VALUE - random.nextInt(3);
      case 2 -> random.nextInt(-300, 300);
      default -> random.nextInt(0, 11);
    };
  }

  @Test
  void npsFactoriesGiveTheReferenceOrReject() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().all(), integers().between(0, 600))
        .checkAssert(
            (seed, length) -> {
              SplittableRandom random = new SplittableRandom(seed);
              int[] ints = new int[length];
              byte[] bytes = new byte[length];
              for (int i = 0; i < length; i++) {
                ints[i] = adversarial(random);
                bytes[i] = (byte) random.nextInt(256);
              }
              check(ints, () -> Nps.of(ints));
              int[] widened = new int[length];
              for (int i = 0; i < length; i++) {
                widened[i] = bytes[i];
              }
              check(widened, () -> Nps.of(bytes));
              checkCsat(widened, () -> Csat.definition(RatingScale.of(1, 5), 4).of(bytes));
              checkCsat(ints, () -> Csat.definition(RatingScale.of(1, 5), 4).of(ints));
            });
  }

  private static void check(int[] values, java.util.function.Supplier<Nps> factory) {
    int firstBad = -1;
    long p = 0;
    long d = 0;
    for (int i = 0; i < values.length && firstBad < 0; i++) {
      if (values[i] < 0 || values[i] > 10) {
        firstBad = i;
      } else if (values[i] >= 9) {
        p++;
      } else if (values[i] <= 6) {
        d++;
      }
    }
    if (firstBad >= 0) {
      String expected =
          "response "
              + values[firstBad]
              + " at index "
              + firstBad
              + " is outside the NPS scale [0, 10]";
      org.assertj.core.api.Assertions.assertThatThrownBy(factory::get)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(expected);
    } else {
      assertThat(factory.get()).isEqualTo(Nps.ofCounts(p, values.length - p - d, d));
    }
  }

  private static void checkCsat(int[] values, java.util.function.Supplier<Csat> factory) {
    long[] counts = new long[5];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 1 || values[i] > 5) {
        int index = i;
        org.assertj.core.api.Assertions.assertThatThrownBy(factory::get)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(
                "rating "
                    + values[index]
                    + " at index "
                    + index
                    + " is outside the rating scale [1, 5]");
        return;
      }
      counts[values[i] - 1]++;
    }
    assertThat(factory.get()).isEqualTo(Csat.definition(RatingScale.of(1, 5), 4).ofCounts(counts));
  }

  @Test
  void weightedFactoryGivesAValueOrRejectsTheFirstBadWeight() {
    double[] specials = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -0.0,
      0.0,
      -Double.MIN_VALUE,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      1e-300,
      1e300
    };
    qt().withExamples(EXAMPLES)
        .forAll(longs().all(), integers().between(0, 100))
        .checkAssert(
            (seed, length) -> {
              SplittableRandom random = new SplittableRandom(seed);
              int[] answers = random.ints(length, 0, 11).toArray();
              double[] weights = new double[length];
              for (int i = 0; i < length; i++) {
                weights[i] =
                    random.nextInt(8) == 0
                        ? specials[random.nextInt(specials.length)]
                        : random.nextDouble() * 3;
              }
              int firstBad = -1;
              for (int i = 0; i < length && firstBad < 0; i++) {
                if (!(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                  firstBad = i;
                }
              }
              if (firstBad >= 0) {
                int index = firstBad;
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> WeightedNps.of(answers, weights))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                        "weight "
                            + weights[index]
                            + " at index "
                            + index
                            + " must be finite and >= 0");
              } else {
                WeightedNps value = WeightedNps.of(answers, weights);
                assertThat(value.count()).isEqualTo((long) length);
                if (value.totalWeight() > 0) {
                  assertThat(value.score()).isBetween(-100.0, 100.0);
                  assertThat(value.effectiveSampleSize()).isBetween(1 - 1e-9, length + 1e-9);
                }
              }
            });
  }

  @Test
  void countsNearOverflowEitherFitOrThrowArithmeticException() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE))
        .checkAssert(
            (a, b) -> {
              boolean fits = a <= Long.MAX_VALUE - b;
              if (fits) {
                assertThat(Nps.ofCounts(a, b, 0).count()).isEqualTo(a + b);
              } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nps.ofCounts(a, b, 0))
                    .isInstanceOf(ArithmeticException.class);
              }
            });
  }
}
