package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Histograms;
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
  private final long[] histogram = new long[Nps.MAX_RESPONSE + 1];
  private long count;

  /** Creates an accumulator of no answers. */
  public NpsAccumulator() {}

  /**
   * Counts one answer.
   *
   * @param response an answer in 0..10
   * @throws IllegalArgumentException if {@code response} is outside 0..10, naming it; the
   *     accumulator is then unchanged
   */
  @Override
  public void accept(int response) {
    accept(response, count);
  }

  void accept(int response, long index) {
    Nps.checkResponse(response, index);
    histogram[response]++;
    count++;
  }

  /**
   * Counts every answer of {@code responses}, validating all of them first.
   *
   * @param responses answers in 0..10
   * @throws NullPointerException if {@code responses} is null
   * @throws IllegalArgumentException at the first answer outside 0..10, naming it and its index in
   *     {@code responses}; the accumulator is then unchanged
   */
  public void addAll(int[] responses) {
    long[] batch = new long[histogram.length];
    Histograms.count(responses, Nps.MIN_RESPONSE, batch, "responses", Nps.SCALE);
    addHistogram(batch, responses.length);
  }

  /**
   * Counts every answer of {@code responses}, read as signed bytes; otherwise as {@link
   * #addAll(int[])}.
   *
   * @param responses the answers, each in 0..10; empty gives an empty value
   */
  public void addAll(byte[] responses) {
    long[] batch = new long[histogram.length];
    Histograms.count(responses, Nps.MIN_RESPONSE, batch, "responses", Nps.SCALE);
    addHistogram(batch, responses.length);
  }

  private void addHistogram(long[] batch, long size) {
    for (int k = 0; k < histogram.length; k++) {
      histogram[k] = Checks.addCounts("NPS count", histogram[k], batch[k]);
    }
    count = Checks.addCounts("NPS count", count, size);
  }

  /**
   * Adds everything {@code other} has counted to this accumulator.
   *
   * @param other another accumulator; it is not changed
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public NpsAccumulator combine(NpsAccumulator other) {
    Objects.requireNonNull(other, "other");
    addHistogram(other.histogram, other.count);
    return this;
  }

  /** {@return the number of answers counted so far} */
  public long count() {
    return count;
  }

  /** {@return the {@link Nps} of everything counted so far; the accumulator stays usable} */
  public Nps snapshot() {
    return Nps.fromHistogram(histogram);
  }
}
