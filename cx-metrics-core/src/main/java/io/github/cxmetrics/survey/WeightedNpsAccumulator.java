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
    // for 0..10, branch-free: 0 for detractors, 1 for passives (7, 8), 2 for promoters (9, 10)
    classWeight[((response + 9) >>> 4) + ((response + 7) >>> 4)].add(weight);
    squaredWeight.addSquare(weight);
    count++;
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
    long base = count;
    for (int i = 0; i < responses.length; i++) {
      Nps.checkResponse(responses[i], base + i);
      Checks.checkWeight(weights[i], base + i);
    }
    for (int i = 0; i < responses.length; i++) {
      addValid(responses[i], weights[i]);
    }
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
