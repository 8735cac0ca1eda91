package io.github.cxmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ExactSum} against exact {@link BigDecimal} arithmetic, the independent reference. */
class ExactSumTest {
  private static final BigDecimal TWO_POW_BIAS =
      new BigDecimal(BigInteger.ONE.shiftLeft(ExactSum.BIAS));

  /** Finite non-negative doubles spread over the whole range, subnormals included. */
  private static double[] values(long seed, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      long bits = random.nextLong(Double.doubleToRawLongBits(Double.MAX_VALUE) + 1);
      values[i] = random.nextInt(4) == 0 ? random.nextInt(100) : Double.longBitsToDouble(bits);
    }
    return values;
  }

  private static BigInteger exactScaled(double[] values, boolean squares) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      BigDecimal exact = new BigDecimal(v);
      sum = sum.add(squares ? exact.multiply(exact) : exact);
    }
    return sum.multiply(TWO_POW_BIAS).toBigIntegerExact();
  }

  @Test
  @Tag("slow")
  void sumsAndSquaresAreExact() {
    qt().forAll(longs().all(), integers().between(0, 200))
        .checkAssert(
            (seed, length) -> {
              double[] values = values(seed, length);
              ExactSum sum = new ExactSum();
              ExactSum squares = new ExactSum();
              for (double v : values) {
                sum.add(v);
                squares.addSquare(v);
              }
              assertThat(sum.scaled()).isEqualTo(exactScaled(values, false));
              assertThat(squares.scaled()).isEqualTo(exactScaled(values, true));
            });
  }

  @Test
  void aSumHoldsOnlyTheLimbsItsValuesReachAndGrowsExactly() {
    // 100,000 survey weights in [0.2, 5): their sum < 2^19 and their lowest bits >= 2^-55 span
    // 74 bits, 3 limbs, with slack for the pending carries; one huge and one tiny value later
    SplittableRandom random = new SplittableRandom(7);
    double[] values = new double[100_002];
    ExactSum sum = new ExactSum();
    ExactSum squares = new ExactSum();
    for (int i = 0; i < 100_000; i++) {
      values[i] = 0.2 + 4.8 * random.nextDouble();
      sum.add(values[i]);
      squares.addSquare(values[i]);
    }
    assertThat(sum.heldLimbs()).isLessThanOrEqualTo(10);
    assertThat(squares.heldLimbs()).isLessThanOrEqualTo(12);
    assertThat(new ExactSum().heldLimbs()).isZero();
    values[100_000] = Double.MAX_VALUE;
    values[100_001] = Double.MIN_VALUE;
    sum.add(Double.MAX_VALUE);
    sum.add(Double.MIN_VALUE);
    squares.addSquare(Double.MAX_VALUE);
    squares.addSquare(Double.MIN_VALUE);
    assertThat(sum.scaled()).isEqualTo(exactScaled(values, false));
    assertThat(squares.scaled()).isEqualTo(exactScaled(values, true));
    ExactSum merged = new ExactSum();
    merged.add(new ExactSum());
    assertThat(merged.heldLimbs()).isZero();
    merged.add(sum);
    assertThat(merged.scaled()).isEqualTo(sum.scaled());
  }

  @Test
  void combiningEqualsAddingEverything() {
    qt().forAll(longs().all(), integers().between(0, 100), integers().between(0, 100))
        .checkAssert(
            (seed, m, n) -> {
              double[] values = values(seed, m + n);
              ExactSum all = new ExactSum();
              ExactSum left = new ExactSum();
              ExactSum right = new ExactSum();
              for (int i = 0; i < values.length; i++) {
                all.add(values[i]);
                (i < m ? left : right).add(values[i]);
              }
              left.add(right);
              assertThat(left.scaled()).isEqualTo(all.scaled());
            });
  }

  @Test
  @Tag("slow")
  void toDoubleRoundsToNearestLikeBigDecimal() {
    qt().forAll(longs().all(), integers().between(1, 50))
        .checkAssert(
            (seed, length) -> {
              double[] values = values(seed, length);
              BigInteger scaled = exactScaled(values, false);
              double expected = new BigDecimal(scaled).divide(TWO_POW_BIAS).doubleValue();
              assertThat(ExactSum.toDouble(scaled)).isEqualTo(expected);
            });
  }

  @Test
  void toDoubleHandlesTiesSubnormalsAndOverflow() {
    BigInteger one = BigInteger.ONE.shiftLeft(ExactSum.BIAS);
    // 1 + 2^-53 is a tie between 1 and 1 + 2^-52: to even, 1
    assertThat(ExactSum.toDouble(one.add(one.shiftRight(53)))).isEqualTo(1.0);
    // a sticky bit below the tie breaks it upwards
    assertThat(ExactSum.toDouble(one.add(one.shiftRight(53)).add(BigInteger.ONE)))
        .isEqualTo(1 + 0x1p-52);
    // 1 + 3 * 2^-53 is a tie between 1 + 2^-52 and 1 + 2^-51: to even, 1 + 2^-51
    assertThat(ExactSum.toDouble(one.add(one.shiftRight(53).multiply(BigInteger.valueOf(3)))))
        .isEqualTo(1 + 0x1p-51);
    ExactSum subnormal = new ExactSum();
    subnormal.add(Double.MIN_VALUE);
    subnormal.add(Double.MIN_VALUE);
    assertThat(ExactSum.toDouble(subnormal.scaled())).isEqualTo(2 * Double.MIN_VALUE);
    ExactSum huge = new ExactSum();
    huge.add(Double.MAX_VALUE);
    assertThat(ExactSum.toDouble(huge.scaled())).isEqualTo(Double.MAX_VALUE);
    huge.add(Double.MAX_VALUE);
    assertThat(ExactSum.toDouble(huge.scaled())).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ExactSum.toDouble(BigInteger.ZERO)).isZero();
  }

  @Test
  void ratioIsAccurateAtAnyMagnitude() {
    qt().forAll(
            longs().between(1, Long.MAX_VALUE),
            longs().between(1, Long.MAX_VALUE),
            integers().between(0, 3000))
        .checkAssert(
            (a, b, shift) -> {
              BigInteger x = BigInteger.valueOf(a).shiftLeft(shift);
              BigInteger y = BigInteger.valueOf(b);
              double expected = (double) a / b;
              assertThat(ExactSum.ratio(x, y, -shift))
                  .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-12));
            });
  }

  @Test
  void scaledSumsAddBackExactlyAndOversizedOnesAreRefused() {
    ExactSum a = new ExactSum();
    a.add(1e300);
    a.addSquare(1e-300);
    a.add(0.1);
    ExactSum b = new ExactSum();
    b.addScaled(a.scaled());
    b.addScaled(a.scaled());
    ExactSum twice = new ExactSum();
    twice.add(a);
    twice.add(a);
    assertThat(b.scaled()).isEqualTo(twice.scaled()).isEqualTo(a.scaled().shiftLeft(1));
    java.math.BigInteger tooLarge = java.math.BigInteger.ONE.shiftLeft(10_000);
    assertThatThrownBy(() -> b.addScaled(tooLarge))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageStartingWith("an exact sum of 10001 bits does not fit");
    assertThatThrownBy(() -> b.addScaled(java.math.BigInteger.valueOf(-1)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("negative");
    assertThat(b.scaled()).isEqualTo(a.scaled().shiftLeft(1));
  }
}
