package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A mutable counter of NPS answers, whose {@link #snapshot()} is the {@link Nps} of everything it
 * was given. Use it where answers arrive one at a time or in batches; {@link Nps#toNps()} uses it
 * on streams.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 */
public final class NpsAccumulator implements IntConsumer {
  // promoters and non-detractors (answers 7..10) are counted branch-free; passives and detractors
  // follow from them and the total
  private long promoters;
  private long nonDetractors;
  private long count;

  /** Creates an accumulator of no answers. */
  public NpsAccumulator() {}

  /**
   * Counts one answer.
   *
   * @param response an answer in 0..10
   * @throws IllegalArgumentException if {@code response} is outside 0..10, naming it and its index
   *     among the answers this accumulator has counted (in a parallel stream, among those of its
   *     chunk, so not a position in the whole stream); the accumulator is then unchanged
   */
  @Override
  public void accept(int response) {
    accept(response, count());
  }

  void accept(int response, long index) {
    Nps.checkResponse(response, index);
    // for 0..10: (r + 7) >>> 4 is 1 from 9 up, (r + 9) >>> 4 is 1 from 7 up
    promoters += (response + 7) >>> 4;
    nonDetractors += (response + 9) >>> 4;
    count++;
  }

  /**
   * Counts every answer of {@code responses}, validating all of them in the same pass.
   *
   * @param responses answers in 0..10
   * @throws NullPointerException if {@code responses} is null
   * @throws IllegalArgumentException at the first answer outside 0..10, naming it and its index in
   *     {@code responses}; the accumulator is then unchanged
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public void addAll(int[] responses) {
    add(Nps.fromAtLeast(Nps.count(responses), responses.length));
  }

  /**
   * Counts every answer of {@code responses}, read as signed bytes; otherwise as {@link
   * #addAll(int[])}.
   *
   * @param responses answers in 0..10
   */
  public void addAll(byte[] responses) {
    add(Nps.fromAtLeast(Nps.count(responses), responses.length));
  }

  /**
   * Adds the counts of an already aggregated value, e.g. one read back with {@link
   * Nps#fromByteArray}.
   *
   * @param value the value to add
   * @throws NullPointerException if {@code value} is null
   * @throws ArithmeticException if a count overflows a {@code long}; this accumulator is then
   *     unchanged
   */
  public void add(Nps value) {
    Objects.requireNonNull(value, "value");
    add(value.promoters(), value.promoters() + value.passives(), value.count());
  }

  private void add(long morePromoters, long moreNonDetractors, long moreAnswers) {
    long total = Checks.addCounts("NPS count", count, moreAnswers);
    promoters += morePromoters;
    nonDetractors += moreNonDetractors;
    count = total;
  }

  /**
   * Adds everything {@code other} has counted to this accumulator.
   *
   * @param other another accumulator; it is not changed
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a count overflows a {@code long}; this accumulator is then
   *     unchanged
   */
  public NpsAccumulator combine(NpsAccumulator other) {
    Objects.requireNonNull(other, "other");
    add(other.promoters, other.nonDetractors, other.count);
    return this;
  }

  /** {@return the number of answers counted so far} */
  public long count() {
    return count;
  }

  /** {@return the {@link Nps} of everything counted so far; the accumulator stays usable} */
  public Nps snapshot() {
    return Nps.ofCounts(promoters, nonDetractors - promoters, count - nonDetractors);
  }
}
