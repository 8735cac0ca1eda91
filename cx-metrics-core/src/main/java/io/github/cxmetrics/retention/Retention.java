package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.Proportion;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collector;

/**
 * Customer retention and churn over one period, from three counts: customers at the start {@code
 * S}, customers at the end {@code E}, and customers newly acquired during the period {@code N}.
 *
 * <p>Definitions (Kumar &amp; Reinartz, <i>Customer Relationship Management</i>, 3rd ed., 2018, ch.
 * 5; the common "(E - N) / S" formula):
 *
 * <ul>
 *   <li>retained customers {@code R = E - N}, lost customers {@code L = S - R};
 *   <li>retention rate {@code R / S} and churn rate {@code L / S}, fractions in [0, 1] of the
 *       period that sum to 1.
 * </ul>
 *
 * <p>Impossible counts are rejected: negatives, {@code N > E} (more new customers than customers at
 * the end), and {@code E - N > S} (more retained customers than there were). A value of no starting
 * customers has counts but no rates: they throw {@link IllegalStateException}.
 *
 * <p>Statistics treat each starting customer as an independent Bernoulli trial (retained or not):
 * Wilson score intervals (Wilson 1927) for both rates, and the Agresti-Caffo test (Agresti &amp;
 * Caffo 2000) of two retention rates through {@link Comparison#of} (see {@link Proportion}). As an
 * {@link Estimate}, its score is the retention rate and its count the customers at the start; every
 * rate, standard error, interval and comparison is a fraction ({@link Unit#FRACTION}).
 *
 * <p>Values of disjoint customer groups over the same period {@link #merge merge} by adding their
 * counts.
 *
 * <p>References: V. Kumar and W. Reinartz, <i>Customer Relationship Management</i>, 3rd ed.,
 * Springer, 2018, <a
 * href="https://doi.org/10.1007/978-3-662-55381-7">doi:10.1007/978-3-662-55381-7</a>; E. B. Wilson,
 * JASA 22(158), 209-212, 1927, <a
 * href="https://doi.org/10.1080/01621459.1927.10502953">doi:10.1080/01621459.1927.10502953</a>; A.
 * Agresti and B. Caffo, The American Statistician 54(4), 280-288, 2000, <a
 * href="https://doi.org/10.1080/00031305.2000.10474560">doi:10.1080/00031305.2000.10474560</a>.
 */
public final class Retention implements Estimate, Mergeable<Retention> {
  /** No customers at all: the identity of {@link #merge}. */
  public static final Retention EMPTY = new Retention(0, 0, 0);

  private final long start;
  private final long end;
  private final long acquired;

  private Retention(long start, long end, long acquired) {
    this.start = start;
    this.end = end;
    this.acquired = acquired;
  }

  /**
   * Returns the retention of a period from its counts.
   *
   * @param start customers at the start of the period, {@code S >= 0}
   * @param end customers at the end of the period, {@code E >= 0}
   * @param acquired customers acquired during the period and still there at its end, {@code 0 <= N
   *     <= E}
   * @return the value
   * @throws IllegalArgumentException if a count is negative, {@code N > E} or {@code E - N > S},
   *     naming the numbers
   */
  public static Retention ofCounts(long start, long end, long acquired) {
    Checks.checkCount("customers at start", start);
    Checks.checkCount("customers at end", end);
    Checks.checkCount("acquired customers", acquired);
    if (acquired > end) {
      throw new IllegalArgumentException(
          "acquired customers (" + acquired + ") cannot exceed customers at end (" + end + ")");
    }
    if (end - acquired > start) {
      throw new IllegalArgumentException(
          "retained customers, end - acquired = "
              + end
              + " - "
              + acquired
              + " = "
              + (end - acquired)
              + ", cannot exceed customers at start ("
              + start
              + ")");
    }
    return new Retention(start, end, acquired);
  }

  /**
   * A collector of customer records into the retention of their period: {@code S} counts the
   * records for which {@code atStart} holds, {@code E} those for which {@code atEnd} holds, and
   * {@code N} those present at the end but not at the start. Each record is one customer; a record
   * for which neither holds counts nowhere. Unordered and safe on parallel streams, so that {@code
   * Breakdown.of(customers, Customer::segment, Retention.toRetention(...))} gives retention by
   * segment.
   *
   * @param <T> the type of the records
   * @param atStart whether a customer was a customer at the start of the period
   * @param atEnd whether a customer was a customer at the end of the period
   * @return the collector
   * @throws NullPointerException if an argument is null
   */
  public static <T> Collector<T, ?, Retention> toRetention(
      Predicate<? super T> atStart, Predicate<? super T> atEnd) {
    Objects.requireNonNull(atStart, "atStart");
    Objects.requireNonNull(atEnd, "atEnd");
    return Collector.of(
        () -> new long[3],
        (counts, customer) -> {
          boolean start = atStart.test(customer);
          boolean end = atEnd.test(customer);
          counts[0] += start ? 1 : 0;
          counts[1] += end ? 1 : 0;
          counts[2] += end && !start ? 1 : 0;
        },
        (left, right) -> {
          for (int k = 0; k < 3; k++) {
            left[k] = Checks.addCounts("customer count", left[k], right[k]);
          }
          return left;
        },
        counts -> ofCounts(counts[0], counts[1], counts[2]),
        Collector.Characteristics.UNORDERED);
  }

  /** {@return the customers at the start, {@code S}} */
  public long start() {
    return start;
  }

  /** {@return the customers at the end, {@code E}} */
  public long end() {
    return end;
  }

  /** {@return the customers acquired during the period, {@code N}} */
  public long acquired() {
    return acquired;
  }

  /** {@return the retained customers {@code R = E - N}} */
  public long retained() {
    return end - acquired;
  }

  /** {@return the lost customers {@code L = S - (E - N)}} */
  public long lost() {
    return start - retained();
  }

  /**
   * Returns the retention rate {@code (E - N) / S}.
   *
   * @return a fraction in [0, 1] of the period
   * @throws IllegalStateException if there were no customers at the start
   */
  public double retentionRate() {
    return (double) retained() / nonZeroStart();
  }

  /** {@return the customers at the start {@code S}, the sample size of the rates} */
  @Override
  public long count() {
    return start;
  }

  /** {@return whether there were no customers at the start, so that no rate is defined} */
  @Override
  public boolean isEmpty() {
    return start == 0;
  }

  /**
   * Returns the retention rate, {@link #retentionRate()}.
   *
   * @return a fraction in [0, 1] of the period
   * @throws IllegalStateException if there were no customers at the start
   */
  @Override
  public double score() {
    return retentionRate();
  }

  /**
   * Returns the Wilson score interval of the retention rate, {@link #retentionInterval}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, fractions within [0, 1]
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), checked first
   * @throws IllegalStateException if there were no customers at the start
   */
  @Override
  public Interval confidenceInterval(double level) {
    return retentionInterval(level);
  }

  /** {@return {@link Unit#FRACTION}} */
  @Override
  public Unit unit() {
    return Unit.FRACTION;
  }

  /**
   * Returns the Agresti-Caffo test basis of the retention rate, {@code (R + 1) / (S + 2)} and its
   * standard error, fractions (see {@link Proportion#testBasis()}).
   *
   * @return the test basis
   * @throws IllegalStateException if there were no customers at the start
   */
  @Override
  public TestBasis testBasis() {
    return retention().testBasis();
  }

  private Proportion retention() {
    return Proportion.of(retained(), nonZeroStart());
  }

  /**
   * Returns the churn rate {@code (S - (E - N)) / S}, which is {@code 1 - retentionRate()}.
   *
   * @return a fraction in [0, 1] of the period
   * @throws IllegalStateException if there were no customers at the start
   */
  public double churnRate() {
    return (double) lost() / nonZeroStart();
  }

  /**
   * Returns the expected customer lifetime {@code 1 / churn} in periods, under a constant churn
   * rate (the mean of a geometric distribution); positive infinity when no customer was lost.
   *
   * @return the lifetime in periods, {@code >= 1}
   * @throws IllegalStateException if there were no customers at the start
   */
  public double expectedLifetime() {
    return ChurnRates.expectedLifetime(churnRate());
  }

  /**
   * Returns the Wilson score interval of the retention rate.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, within [0, 1]
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if there were no customers at the start
   */
  public Interval retentionInterval(double level) {
    Checks.checkLevel(level);
    return retention().confidenceInterval(level);
  }

  /**
   * Returns the Wilson score interval of the churn rate.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, within [0, 1]
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if there were no customers at the start
   */
  public Interval churnInterval(double level) {
    Checks.checkLevel(level);
    return Proportion.of(lost(), nonZeroStart()).confidenceInterval(level);
  }

  /**
   * Returns the standard error of the retention (and churn) rate, {@code sqrt(r (1 - r) / S)}.
   *
   * @return the standard error, on the 0..1 scale
   * @throws IllegalStateException if there were no customers at the start
   */
  @Override
  public double standardError() {
    return retention().standardError();
  }

  /**
   * Returns the retention of two disjoint customer groups over the same period: the counts added.
   *
   * @param other another group's retention
   * @return the combined value
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public Retention merge(Retention other) {
    Objects.requireNonNull(other, "other");
    return ofCounts(
        Checks.addCounts("customers at start", start, other.start),
        Checks.addCounts("customers at end", end, other.end),
        Checks.addCounts("acquired customers", acquired, other.acquired));
  }

  private long nonZeroStart() {
    if (start == 0) {
      throw new IllegalStateException("retention is undefined with no customers at the start");
    }
    return start;
  }

  /**
   * Returns the encoding of this value: a 4-byte header (format version 2, metric id 5, two zero
   * bytes), then {@code S}, {@code E} and {@code N} as three 8-byte little-endian counts, and a
   * 4-byte CRC-32C of all the bytes before it (32 bytes in all).
   *
   * @return a new array of 32 bytes
   */
  public byte[] toByteArray() {
    return Encoding.ofCounts(MetricId.RETENTION, start, end, acquired);
  }

  /**
   * Reads a value written by {@link #toByteArray()}.
   *
   * @param bytes the encoding
   * @return the value
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not a retention encoding of this format
   *     version, is truncated or too long, or holds impossible counts
   */
  public static Retention fromByteArray(byte[] bytes) {
    long[] c =
        Encoding.readCounts(
            bytes,
            MetricId.RETENTION,
            "customers at start",
            "customers at end",
            "acquired customers");
    try {
      return ofCounts(c[0], c[1], c[2]);
    } catch (IllegalArgumentException ex) {
      throw Encoding.invalid(MetricId.RETENTION, ex);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Retention other
        && start == other.start
        && end == other.end
        && acquired == other.acquired;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, acquired);
  }

  /** Returns e.g. {@code Retention[rate=0.9, start=100, end=105, acquired=15]}. */
  @Override
  public String toString() {
    String counts = "start=" + start + ", end=" + end + ", acquired=" + acquired;
    return start == 0
        ? "Retention[" + counts + "]"
        : "Retention[rate=" + retentionRate() + ", " + counts + "]";
  }
}
