package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The immutable counts of ratings on a {@link RatingScale}: the sufficient statistics of {@link
 * Csat} and {@link Ces}. {@code counts[k]} counts the rating {@code scale.min() + k}.
 */
final class RatingHistogram {
  private final RatingScale scale;
  private final long[] counts;
  private final long count;

  private RatingHistogram(RatingScale scale, long[] counts, long count) {
    this.scale = scale;
    this.counts = counts;
    this.count = count;
  }

  static RatingHistogram empty(RatingScale scale) {
    return new RatingHistogram(scale, new long[scale.points()], 0);
  }

  /** Takes a copy of {@code counts}, checking each and their total. */
  static RatingHistogram ofCounts(RatingScale scale, long[] counts) {
    if (counts.length != scale.points()) {
      throw new IllegalArgumentException(
          "counts has "
              + counts.length
              + " entries but the rating scale "
              + scale
              + " has "
              + scale.points()
              + " points");
    }
    long total = 0;
    for (int k = 0; k < counts.length; k++) {
      Checks.checkCount("count of rating " + (scale.min() + k), counts[k]);
      total = Checks.addCounts("rating count", total, counts[k]);
    }
    return new RatingHistogram(scale, counts.clone(), total);
  }

  RatingScale scale() {
    return scale;
  }

  long count() {
    return count;
  }

  long countOf(int rating) {
    return scale.contains(rating) ? counts[rating - scale.min()] : 0;
  }

  /** Returns the number of ratings in {@code [from, to]} (clamped to the scale). */
  long countBetween(int from, int to) {
    long total = 0;
    for (int rating = Math.max(from, scale.min()); rating <= Math.min(to, scale.max()); rating++) {
      total += counts[rating - scale.min()];
    }
    return total;
  }

  /** {@code sum(c_k * r_k) / n}; the caller checks {@code n > 0}. */
  double mean() {
    double sum = 0;
    for (int k = 0; k < counts.length; k++) {
      sum += (double) counts[k] * (scale.min() + k);
    }
    return sum / count;
  }

  /**
   * The sample variance {@code sum(c_k * (r_k - mean)^2) / (n - 1)}, computed about the mean for
   * accuracy; the caller checks {@code n > 1}.
   */
  double sampleVariance() {
    double mean = mean();
    double sum = 0;
    for (int k = 0; k < counts.length; k++) {
      double deviation = scale.min() + k - mean;
      sum += counts[k] * deviation * deviation;
    }
    return sum / (count - 1);
  }

  RatingHistogram merge(RatingHistogram other) {
    long[] merged = new long[counts.length];
    for (int k = 0; k < merged.length; k++) {
      merged[k] = Checks.addCounts("rating count", counts[k], other.counts[k]);
    }
    return new RatingHistogram(scale, merged, Checks.addCounts("rating count", count, other.count));
  }

  long[] counts() {
    return counts.clone();
  }

  /** Writes the scale's ends, a definition field and the counts: the payload of CSAT and CES. */
  byte[] encode(MetricId metric, int definition) {
    ByteBuffer buffer =
        Encoding.writer(metric, 12 + 8 * counts.length)
            .putInt(scale.min())
            .putInt(scale.max())
            .putInt(definition);
    for (long c : counts) {
      buffer.putLong(c);
    }
    return Encoding.finish(buffer);
  }

  /** The decoded payload of a CSAT or CES encoding: histogram and definition field. */
  record Decoded(RatingHistogram histogram, int definition) {}

  /** Reads what {@link #encode} wrote, checking the scale and the counts. */
  static Decoded decode(byte[] bytes, MetricId metric) {
    ByteBuffer buffer = Encoding.reader(bytes, metric);
    int min = Encoding.intValue(buffer, "scale minimum");
    int max = Encoding.intValue(buffer, "scale maximum");
    int definition = Encoding.intValue(buffer, "definition");
    RatingScale scale;
    try {
      scale = RatingScale.of(min, max);
    } catch (IllegalArgumentException e) {
      throw Encoding.invalid(metric, e);
    }
    long[] counts = new long[scale.points()];
    for (int k = 0; k < counts.length; k++) {
      counts[k] = Encoding.count(buffer, "count of rating " + (min + k));
    }
    Encoding.end(buffer, metric);
    try {
      return new Decoded(ofCounts(scale, counts), definition);
    } catch (ArithmeticException e) {
      throw Encoding.invalid(metric, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingHistogram other
        && scale.equals(other.scale)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * scale.hashCode() + Arrays.hashCode(counts);
  }
}
