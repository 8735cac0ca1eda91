package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.internal.ExactSum;
import io.github.cxmetrics.internal.Inputs;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * The Net Promoter Score of a sample with survey weights (design or post-stratification weights).
 *
 * <p>Definition: with {@code W_P}, {@code W_D} and {@code W} the sums of the weights of the
 * promoters, the detractors and all answers,
 *
 * <pre>NPS_w = 100 * (W_P - W_D) / W, in [-100, 100].</pre>
 *
 * <p>Statistics use Kish's effective sample size {@code n_eff = W^2 / sum(w_i^2)} (Kish 1965,
 * section 11.7), which is {@code n} for equal weights and smaller the more unequal they are: with
 * {@code p = W_P / W} and {@code d = W_D / W}, the standard error is {@code 100 * sqrt((p + d - (p
 * - d)^2) / n_eff)}, and the intervals are those of {@link Nps} with {@code n_eff} in place of
 * {@code n}. With all weights equal, every figure equals that of the unweighted {@link Nps}.
 *
 * <p>The value holds the count of answers and the exact sums {@code W_P}, {@code W_passive}, {@code
 * W_D} and {@code sum(w_i^2)}: the sums are computed without rounding, so {@link #merge} is exact,
 * associative and commutative, and the result never depends on the order of the answers or how they
 * were split. Weights may span the whole double range (1e-300 and 1e300 in one sample).
 *
 * <p>Empty or weightless samples: {@link #count()} and {@link #isEmpty()} work; the score and every
 * statistic throw {@link IllegalStateException} when the total weight is 0.
 *
 * <p>Units: the score, standard error, margins, intervals and {@link Comparison comparisons} are in
 * NPS points ({@link Unit#NPS_POINTS}); weights are in the caller's unit.
 *
 * <p>Reference: L. Kish, <i>Survey Sampling</i>, Wiley, 1965, ISBN 978-0-471-10949-5.
 */
public final class WeightedNps implements Estimate, Mergeable<WeightedNps> {
  /** The value of no answers: the identity of {@link #merge}. */
  public static final WeightedNps EMPTY =
      new WeightedNps(0, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final long count;
  private final BigInteger promoterWeight;
  private final BigInteger passiveWeight;
  private final BigInteger detractorWeight;
  private final BigInteger squaredWeight;

  WeightedNps(
      long count,
      BigInteger promoterWeight,
      BigInteger passiveWeight,
      BigInteger detractorWeight,
      BigInteger squaredWeight) {
    this.count = count;
    this.promoterWeight = promoterWeight;
    this.passiveWeight = passiveWeight;
    this.detractorWeight = detractorWeight;
    this.squaredWeight = squaredWeight;
  }

  /**
   * {@return the weighted NPS of {@code responses}, {@code weights[i]} the weight of {@code
   * responses[i]}}
   *
   * @param responses answers in 0..10
   * @param weights finite weights {@code >= 0}, one per answer
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, or at the first answer outside
   *     0..10 or weight that is negative, NaN or infinite, naming it and its index
   */
  public static WeightedNps of(int[] responses, double[] weights) {
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    accumulator.addAll(responses, weights);
    return accumulator.snapshot();
  }

  /**
   * {@return the weighted NPS of items, reading an answer and a weight from each}
   *
   * @param <T> the type of the items
   * @param items the items, e.g. survey records; empty gives an empty value
   * @param score reads an answer in 0..10 from an item
   * @param weight reads a finite weight {@code >= 0} from an item
   * @throws NullPointerException if an argument or an item is null
   * @throws IllegalArgumentException at the first invalid answer or weight, naming it and its
   *     item's index
   */
  public static <T> WeightedNps of(
      Iterable<T> items, ToIntFunction<? super T> score, ToDoubleFunction<? super T> weight) {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(weight, "weight");
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    Inputs.forEachIndexed(
        items,
        "items",
        (item, index) ->
            accumulator.add(score.applyAsInt(item), weight.applyAsDouble(item), index));
    return accumulator.snapshot();
  }

  /**
   * A collector of items into their weighted NPS; unordered and safe on parallel streams, with
   * exactly the result of a sequential pass.
   *
   * @param <T> the type of the items
   * @param score reads an answer in 0..10 from an item
   * @param weight reads a finite weight {@code >= 0} from an item
   * @return a collector of items into their weighted NPS; unordered and safe on parallel streams,
   *     with exactly the result of a sequential pass
   * @throws NullPointerException if an argument is null
   */
  public static <T> Collector<T, ?, WeightedNps> toWeightedNps(
      ToIntFunction<? super T> score, ToDoubleFunction<? super T> weight) {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(weight, "weight");
    return Collector.of(
        WeightedNpsAccumulator::new,
        (accumulator, item) ->
            accumulator.accept(score.applyAsInt(item), weight.applyAsDouble(item)),
        WeightedNpsAccumulator::combine,
        WeightedNpsAccumulator::snapshot,
        Collector.Characteristics.UNORDERED);
  }

  /** {@return the number of answers, including those of weight 0} */
  @Override
  public long count() {
    return count;
  }

  /** {@return whether there are no answers} */
  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  /** {@return the sum of the promoters' weights {@code W_P}, in the weights' unit, rounded} */
  public double promoterWeight() {
    return ExactSum.toDouble(promoterWeight);
  }

  /**
   * {@return the sum of the passives' weights, in the weights' unit, rounded to the nearest double}
   */
  public double passiveWeight() {
    return ExactSum.toDouble(passiveWeight);
  }

  /** {@return the sum of the detractors' weights {@code W_D}, in the weights' unit, rounded} */
  public double detractorWeight() {
    return ExactSum.toDouble(detractorWeight);
  }

  /**
   * {@return the total weight {@code W}, in the weights' unit, rounded to the nearest double
   * (infinite if it exceeds the double range)}
   */
  public double totalWeight() {
    return ExactSum.toDouble(total());
  }

  private BigInteger total() {
    return promoterWeight.add(passiveWeight).add(detractorWeight);
  }

  /**
   * Returns {@code 100 * (W_P - W_D) / W}, computed from the exact sums.
   *
   * @return the score in NPS points, [-100, 100]
   * @throws IllegalStateException if the total weight is 0
   */
  @Override
  public double score() {
    BigInteger total = positiveTotal();
    BigInteger net = promoterWeight.subtract(detractorWeight);
    if (net.signum() == 0) {
      return 0.0;
    }
    // 100 * |net| is exact, so equal weights give exactly the unweighted 100.0 * (P - D) / n
    double ratio = ExactSum.ratio(net.abs().multiply(HUNDRED), total);
    return Math.copySign(Math.min(100, ratio), net.signum());
  }

  /**
   * {@return Kish's effective sample size {@code n_eff = W^2 / sum(w_i^2)}, in answers, in [1, n]
   * for positive weights}
   *
   * @throws IllegalStateException if the total weight is 0
   */
  public double effectiveSampleSize() {
    BigInteger total = positiveTotal();
    // W^2 / S with both scaled by 2^BIAS: (W_s^2 / 2^(2 BIAS)) / (S_s / 2^BIAS)
    return ExactSum.ratio(total.multiply(total), squaredWeight, -ExactSum.BIAS);
  }

  /**
   * {@return the standard error of the score, {@code 100 * sqrt((p + d - (p - d)^2) / n_eff)}, in
   * NPS points}
   *
   * @throws IllegalStateException if the total weight is 0
   */
  @Override
  public double standardError() {
    return 100
        * NpsIntervals.standardError(promoterShare(), detractorShare(), effectiveSampleSize());
  }

  /**
   * Returns the adjusted Wald interval of {@link Nps#confidenceInterval} on the effective sample:
   * {@code p * n_eff} promoters and {@code d * n_eff} detractors out of {@code n_eff}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the adjusted Wald interval, in NPS points
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if the total weight is 0
   */
  @Override
  public Interval confidenceInterval(double level) {
    Checks.checkLevel(level);
    double n = effectiveSampleSize();
    return NpsIntervals.adjustedWald(promoterShare() * n, detractorShare() * n, n, level);
  }

  /**
   * Returns the Wald interval {@code score ± z * SE}, clipped to [-100, 100].
   *
   * @param level the confidence level, in (0, 1)
   * @return the Wald interval, in NPS points, always containing {@link #score()}
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if the total weight is 0
   */
  public Interval waldInterval(double level) {
    Checks.checkLevel(level);
    return NpsIntervals.wald(
        score(), promoterShare(), detractorShare(), effectiveSampleSize(), level);
  }

  /** {@return {@link Unit#NPS_POINTS}} */
  @Override
  public Unit unit() {
    return Unit.NPS_POINTS;
  }

  /**
   * Returns the adjusted-Wald test basis of {@link Nps#testBasis()} on the effective sample: {@code
   * p * n_eff} promoters and {@code d * n_eff} detractors out of {@code n_eff}, in NPS points.
   *
   * @return the test basis, in NPS points; its standard error is never 0
   * @throws IllegalStateException if the total weight is 0
   */
  @Override
  public TestBasis testBasis() {
    double n = effectiveSampleSize();
    return NpsIntervals.testBasis(promoterShare() * n, detractorShare() * n, n);
  }

  /**
   * The exact sums times {@code 2^BIAS}: detractors', passives', promoters' and squared weights.
   */
  BigInteger[] scaledSums() {
    return new BigInteger[] {detractorWeight, passiveWeight, promoterWeight, squaredWeight};
  }

  private double promoterShare() {
    return ExactSum.ratio(promoterWeight, positiveTotal());
  }

  private double detractorShare() {
    return ExactSum.ratio(detractorWeight, positiveTotal());
  }

  private BigInteger positiveTotal() {
    BigInteger total = total();
    if (total.signum() == 0) {
      throw new IllegalStateException(
          count == 0
              ? "weighted NPS is undefined for an empty sample"
              : "weighted NPS is undefined when all " + count + " weights are 0");
    }
    return total;
  }

  /**
   * {@return the value of both samples together: counts and exact weight sums added}
   *
   * @param other another value of the same definition
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if the count overflows a {@code long}
   */
  @Override
  public WeightedNps merge(WeightedNps other) {
    Objects.requireNonNull(other, "other");
    return new WeightedNps(
        Checks.addCounts("weighted NPS count", count, other.count),
        promoterWeight.add(other.promoterWeight),
        passiveWeight.add(other.passiveWeight),
        detractorWeight.add(other.detractorWeight),
        squaredWeight.add(other.squaredWeight));
  }

  /**
   * Returns the encoding of this value: a 4-byte header (format version 2, metric id 2, two zero
   * bytes), the count of answers as an 8-byte count, then the exact sums of the promoters',
   * passives' and detractors' weights and of the squared weights, each scaled by {@code 2^2176} and
   * written as the 4-byte count {@code Z} of its zero bytes below the lowest non-zero one, a 4-byte
   * length {@code L} and the {@code L} bytes of the sum divided by {@code 2^(8 Z)}, least
   * significant byte first (about 8 to 16 bytes for survey weights; version 1 wrote all the low
   * zero bytes, 576 bytes and more, and is still read), and a 4-byte CRC-32C of all the bytes
   * before it.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    int payload =
        8
            + Encoding.exactLength(promoterWeight)
            + Encoding.exactLength(passiveWeight)
            + Encoding.exactLength(detractorWeight)
            + Encoding.exactLength(squaredWeight);
    ByteBuffer buffer = Encoding.writer(MetricId.WEIGHTED_NPS, payload).putLong(count);
    Encoding.putExact(buffer, promoterWeight);
    Encoding.putExact(buffer, passiveWeight);
    Encoding.putExact(buffer, detractorWeight);
    Encoding.putExact(buffer, squaredWeight);
    return Encoding.finish(buffer);
  }

  /**
   * Reads a value written by {@link #toByteArray()}, checking that the sums are consistent with
   * non-negative weights: {@code sum(w^2) <= W^2 <= n sum(w^2)}.
   *
   * @param bytes the encoding
   * @return the value
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not a weighted NPS encoding of this format
   *     version, is truncated or too long, or holds sums no weights could give
   */
  public static WeightedNps fromByteArray(byte[] bytes) {
    ByteBuffer buffer = Encoding.reader(bytes, MetricId.WEIGHTED_NPS);
    long count = Encoding.count(buffer, "count");
    BigInteger promoters = Encoding.exact(buffer, "promoter weight");
    BigInteger passives = Encoding.exact(buffer, "passive weight");
    BigInteger detractors = Encoding.exact(buffer, "detractor weight");
    BigInteger squares = Encoding.exact(buffer, "squared weight");
    Encoding.end(buffer, MetricId.WEIGHTED_NPS);
    BigInteger total = promoters.add(passives).add(detractors);
    // scaled by 2^BIAS: W_s^2 = W^2 2^(2 BIAS), S_s 2^BIAS = sum(w^2) 2^(2 BIAS)
    BigInteger totalSquared = total.multiply(total);
    BigInteger squaresScaled = squares.shiftLeft(ExactSum.BIAS);
    if (squaresScaled.compareTo(totalSquared) > 0
        || squaresScaled.multiply(BigInteger.valueOf(count)).compareTo(totalSquared) < 0) {
      throw new IllegalArgumentException(
          "damaged WEIGHTED_NPS encoding: the sums of "
              + count
              + " weights and of their squares are inconsistent");
    }
    return new WeightedNps(count, promoters, passives, detractors, squares);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightedNps other
        && count == other.count
        && promoterWeight.equals(other.promoterWeight)
        && passiveWeight.equals(other.passiveWeight)
        && detractorWeight.equals(other.detractorWeight)
        && squaredWeight.equals(other.squaredWeight);
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, promoterWeight, passiveWeight, detractorWeight, squaredWeight);
  }

  /** Returns e.g. {@code WeightedNps[score=20.0, n=10, effectiveN=8.5, weight=12.0]}. */
  @Override
  public String toString() {
    if (total().signum() == 0) {
      return "WeightedNps[n=" + count + ", weight=0.0]";
    }
    return "WeightedNps[score="
        + score()
        + ", n="
        + count
        + ", effectiveN="
        + effectiveSampleSize()
        + ", weight="
        + totalWeight()
        + "]";
  }
}
