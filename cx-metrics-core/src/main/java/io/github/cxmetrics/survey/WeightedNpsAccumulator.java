package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.ExactSum;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A mutable accumulator of weighted NPS answers whose {@link #snapshot()} is the {@link
 * WeightedNps} of everything it was given. Weight sums are exact, so the result does not depend on
 * the order of the answers or on how they were split between accumulators.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 */
public final class WeightedNpsAccumulator {
  // the weight sums of detractors, passives and promoters, indexed by class
  private final ExactSum[] classWeight = {new ExactSum(), new ExactSum(), new ExactSum()};
  private final ExactSum squaredWeight = new ExactSum();
  private long count;

  /** Creates an accumulator of no answers. */
  public WeightedNpsAccumulator() {}

  /**
   * Adds one answer with its survey weight.
   *
   * @param response an answer in 0..10
   * @param weight a finite weight {@code >= 0}; a weight of 0 counts the answer in {@link
   *     WeightedNps#count()} but adds nothing to the score
   * @throws IllegalArgumentException if {@code response} is outside 0..10 or {@code weight} is
   *     negative, NaN or infinite, naming the value; the accumulator is then unchanged
   */
  public void accept(int response, double weight) {
    add(response, weight, count);
  }

  void add(int response, double weight, long index) {
    Nps.checkResponse(response, index);
    Checks.checkWeight(weight, index);
    addValid(response, weight);
  }

  private void addValid(int response, double weight) {
    addWeight(response, weight);
    count++;
  }

  private void addWeight(int response, double weight) {
    addWeight(classWeight, squaredWeight, response, weight);
  }

  private static void addWeight(ExactSum[] classes, ExactSum squares, int response, double weight) {
    // for 0..10, branch-free: 0 for detractors, 1 for passives (7, 8), 2 for promoters (9, 10)
    classes[((response + 9) >>> 4) + ((response + 7) >>> 4)].add(weight);
    squares.addSquare(weight);
  }

  /**
   * Adds every answer of {@code responses} with the weight at the same index of {@code weights}.
   *
   * @param responses the answers, each in 0..10; empty gives an empty value
   * @param weights finite weights {@code >= 0}, one per answer
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, or at the first invalid answer
   *     or weight, naming it and its index; the accumulator is then unchanged
   */
  public void addAll(int[] responses, double[] weights) {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(weights, "weights");
    if (responses.length != weights.length) {
      throw new IllegalArgumentException(
          "responses has "
              + responses.length
              + " elements but weights has "
              + weights.length
              + "; they must have one weight per response");
    }
    int n = responses.length;
    // block by block: a branch-free check of the block (answers in 0..10, weights' bits those of
    // a finite double >= +0, the largest weight's bits), then the block summed while it is still
    // in the cache, into sums of this call, which are added to the accumulator only once every
    // block has passed, so that an invalid value leaves the accumulator unchanged
    ExactSum[] classes = {new ExactSum(), new ExactSum(), new ExactSum()};
    ExactSum squares = new ExactSum();
    long base = count;
    for (int from = 0; from < n; from += BLOCK) {
      int to = Math.min(n, from + BLOCK);
      int badAnswer = 0;
      long badWeight = 0;
      long max = 0;
      for (int i = from; i < to; i++) {
        int r = responses[i];
        long bits = Double.doubleToRawLongBits(weights[i]);
        // negative exactly when r is outside 0..10, or the bits outside [+0, infinity)
        badAnswer |= r | (Nps.MAX_RESPONSE - r);
        badWeight |= bits | (INFINITY_BITS - 1 - bits);
        max = Math.max(max, bits);
      }
      if ((badAnswer | badWeight) < 0) {
        // the first invalid value is in this block (the earlier ones passed), else only -0.0
        // weights set the flag: checked and added one by one (the sums of this call are dropped
        // if a check fails)
        for (int i = from; i < to; i++) {
          Nps.checkResponse(responses[i], base + i);
          Checks.checkWeight(weights[i], base + i);
          addWeight(classes, squares, responses[i], weights[i]);
        }
        continue;
      }
      addBlock(classes, squares, responses, weights, from, to, max);
    }
    for (int c = 0; c < 3; c++) {
      classWeight[c].add(classes[c]);
    }
    squaredWeight.add(squares);
    count += n;
  }

  /** Answers per block of {@link #addBlock}: its partial sums stay far below 2^63. */
  private static final int BLOCK = 4096;

  /** The bits of positive infinity: every finite double >= +0 has smaller bits, as unsigned. */
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  /** How far below the block's largest exponent a weight still takes the fast path. */
  private static final int WINDOW = 10;

  /**
   * Adds a block of valid answers exactly, most of them without touching the exact sums: a weight
   * {@code m * 2^(E - 1075)} (biased exponent {@code E >= 1}, or a subnormal with {@code E = 1})
   * whose {@code E} is at least {@code base = max(1, largest E of the block - WINDOW)} is the
   * integer {@code v = m << (E - base)} times {@code 2^(base - 1075)}, below 2^63; the block sums
   * each class's {@code v} and the squares {@code v^2}, split into 32-bit halves so that no sum of
   * a block can overflow, and adds those partial sums to the exact sums once. Weights of smaller
   * exponents (and zeros, rare) are added to the exact sums one by one. Exact either way, so the
   * result is the one of adding every weight on its own.
   */
  private static void addBlock(
      ExactSum[] classes,
      ExactSum squares,
      int[] responses,
      double[] weights,
      int from,
      int to,
      long maxBits) {
    int base = Math.max(1, (int) (maxBits >>> 52) - WINDOW);
    long dLo = 0;
    long dHi = 0;
    long aLo = 0;
    long aHi = 0;
    long pLo = 0;
    long pHi = 0;
    long q0 = 0;
    long q1 = 0;
    long q2 = 0;
    long q3 = 0;
    for (int i = from; i < to; i++) {
      long bits = Double.doubleToRawLongBits(weights[i]);
      int biased = (int) (bits >>> 52);
      int shift = Math.max(biased, 1) - base;
      if (shift < 0) {
        addWeight(classes, squares, responses[i], weights[i]);
        continue;
      }
      long m = (bits & FRACTION) | (biased == 0 ? 0 : IMPLICIT);
      long v = m << shift;
      int r = responses[i];
      long promoter = -(long) ((r + 7) >>> 4);
      long notDetractor = -(long) ((r + 9) >>> 4);
      long passive = notDetractor & ~promoter;
      long detractor = ~notDetractor;
      long low = v & LOW;
      long high = v >>> 32;
      dLo += low & detractor;
      dHi += high & detractor;
      aLo += low & passive;
      aHi += high & passive;
      pLo += low & promoter;
      pHi += high & promoter;
      long squareLow = v * v;
      long squareHigh = Math.multiplyHigh(v, v);
      q0 += squareLow & LOW;
      q1 += squareLow >>> 32;
      q2 += squareHigh & LOW;
      q3 += squareHigh >>> 32;
    }
    int unit = base - 1075;
    flush(classes[0], dLo, dHi, unit);
    flush(classes[1], aLo, aHi, unit);
    flush(classes[2], pLo, pHi, unit);
    squares.addLong(q0, 2 * unit);
    squares.addLong(q1, 2 * unit + 32);
    squares.addLong(q2, 2 * unit + 64);
    squares.addLong(q3, 2 * unit + 96);
  }

  private static final long FRACTION = 0xF_FFFF_FFFF_FFFFL;
  private static final long IMPLICIT = 1L << 52;
  private static final long LOW = 0xFFFF_FFFFL;

  private static void flush(ExactSum sum, long low, long high, int unit) {
    sum.addLong(low, unit);
    sum.addLong(high, unit + 32);
  }

  /**
   * Adds everything {@code other} holds.
   *
   * @param other another accumulator; it is not changed
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if the count overflows a {@code long}
   */
  public WeightedNpsAccumulator combine(WeightedNpsAccumulator other) {
    Objects.requireNonNull(other, "other");
    for (int k = 0; k < classWeight.length; k++) {
      classWeight[k].add(other.classWeight[k]);
    }
    squaredWeight.add(other.squaredWeight);
    count = Checks.addCounts("weighted NPS count", count, other.count);
    return this;
  }

  /**
   * Adds the answers of an already aggregated value, e.g. one read back with {@link
   * WeightedNps#fromByteArray}: its count and exact weight sums, with no rounding.
   *
   * @param value a weighted NPS
   * @throws NullPointerException if {@code value} is null
   * @throws ArithmeticException if the count overflows a {@code long} or a sum exceeds the exact
   *     range (possible only for a value that no accumulator could have produced); the accumulator
   *     is then unchanged
   */
  public void add(WeightedNps value) {
    Objects.requireNonNull(value, "value");
    long total = Checks.addCounts("weighted NPS count", count, value.count());
    BigInteger[] sums = value.scaledSums();
    ExactSum[] trial = {new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum()};
    for (int k = 0; k < sums.length; k++) {
      trial[k].addScaled(sums[k]);
    }
    for (int k = 0; k < classWeight.length; k++) {
      classWeight[k].add(trial[k]);
    }
    squaredWeight.add(trial[3]);
    count = total;
  }

  /** {@return the number of answers added so far} */
  public long count() {
    return count;
  }

  /** {@return the {@link WeightedNps} of everything added so far; the accumulator stays usable} */
  public WeightedNps snapshot() {
    return new WeightedNps(
        count,
        classWeight[2].scaled(),
        classWeight[1].scaled(),
        classWeight[0].scaled(),
        squaredWeight.scaled());
  }
}
