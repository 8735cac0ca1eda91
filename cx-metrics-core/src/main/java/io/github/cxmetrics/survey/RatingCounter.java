package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Histograms;
import io.github.cxmetrics.internal.Inputs;
import java.util.Objects;

/** The mutable counts behind {@link CsatAccumulator} and {@link CesAccumulator}. */
final class RatingCounter {
  private final RatingScale scale;
  private final String definition;
  private final long[] counts;
  private long count;

  /**
   * A counter on {@code scale} for a metric whose full definition (scale and threshold or
   * direction) reads {@code definition}; only counters of equal definitions combine.
   */
  RatingCounter(RatingScale scale, String definition) {
    this.scale = Objects.requireNonNull(scale, "scale");
    this.definition = definition;
    this.counts = new long[scale.points()];
  }

  RatingScale scale() {
    return scale;
  }

  long count() {
    return count;
  }

  void accept(int rating, long index) {
    if (!scale.contains(rating)) {
      throw Histograms.outside(rating, index, scale.describe());
    }
    counts[rating - scale.min()]++;
    count++;
  }

  void addAll(int[] ratings) {
    long[] batch = new long[counts.length];
    Histograms.count(ratings, scale.min(), batch, "ratings", scale.describe());
    add(batch, ratings.length);
  }

  void addAll(byte[] ratings) {
    long[] batch = new long[counts.length];
    Histograms.count(ratings, scale.min(), batch, "ratings", scale.describe());
    add(batch, ratings.length);
  }

  void combine(RatingCounter other) {
    Objects.requireNonNull(other, "other");
    if (!definition.equals(other.definition)) {
      throw new IllegalArgumentException(
          "cannot combine " + definition + " with " + other.definition);
    }
    add(other.counts, other.count);
  }

  /** Adds a value's counts, after checking that its definition is this counter's. */
  void add(RatingHistogram value, String valueDefinition) {
    if (!definition.equals(valueDefinition)) {
      throw new IllegalArgumentException("cannot add " + valueDefinition + " to " + definition);
    }
    add(value.counts(), value.count());
  }

  private void add(long[] batch, long size) {
    for (int k = 0; k < counts.length; k++) {
      counts[k] = Checks.addCounts("rating count", counts[k], batch[k]);
    }
    count = Checks.addCounts("rating count", count, size);
  }

  RatingHistogram snapshot() {
    return RatingHistogram.ofCounts(scale, counts);
  }

  /** Counts every rating of a boxed sequence, naming the index of a null or invalid one. */
  static RatingHistogram ofIterable(RatingScale scale, Iterable<Integer> ratings) {
    RatingCounter counter = new RatingCounter(scale, "");
    Inputs.forEachIndexed(ratings, "ratings", counter::accept);
    return counter.snapshot();
  }
}
