package io.github.cxmetrics.journey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Mergeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The times customers took for one funnel step, as an exact histogram: how many took each duration,
 * counted in whole units of a resolution (1 second unless the funnel says otherwise), each time
 * rounded down to its unit.
 *
 * <p>Quantiles are exact order statistics of the recorded times (nearest rank): the {@code p}
 * quantile is the smallest recorded time {@code x} with at least {@code ceil(p n)} times at most
 * {@code x} ({@code p = 0} gives the minimum). The mean is the exact sum over the count. Histograms
 * of the same resolution {@link #merge merge} by adding counts, so quantiles of merged partitions
 * are those of all the times together. Memory is one entry per distinct time.
 */
public final class ConversionTimes implements Mergeable<ConversionTimes> {
  private final Duration resolution;
  private final long[] units;
  private final long[] counts;
  private final long total;

  private ConversionTimes(Duration resolution, long[] units, long[] counts) {
    this.resolution = resolution;
    this.units = units;
    this.counts = counts;
    long sum = 0;
    for (long count : counts) {
      sum = Checks.addCounts("conversion times", sum, count);
    }
    this.total = sum;
  }

  /**
   * Returns an empty histogram at a resolution.
   *
   * @param resolution the unit times are counted in, positive
   * @return the histogram
   * @throws NullPointerException if {@code resolution} is null
   * @throws IllegalArgumentException if {@code resolution} is zero or negative
   */
  public static ConversionTimes empty(Duration resolution) {
    return new ConversionTimes(checkResolution(resolution), new long[0], new long[0]);
  }

  static Duration checkResolution(Duration resolution) {
    Objects.requireNonNull(resolution, "resolution");
    if (resolution.isZero() || resolution.isNegative()) {
      throw new IllegalArgumentException("resolution (" + resolution + ") must be positive");
    }
    return resolution;
  }

  /** Builds a histogram from counts by unit; not thread-safe. */
  static final class Builder {
    private final Duration resolution;
    private final TreeMap<Long, Long> counts = new TreeMap<>();

    Builder(Duration resolution) {
      this.resolution = resolution;
    }

    /** Records one time, {@code >= 0}. */
    void add(Duration time) {
      long unit = time.dividedBy(resolution);
      counts.merge(unit, 1L, Long::sum);
    }

    ConversionTimes build() {
      long[] units = new long[counts.size()];
      long[] values = new long[counts.size()];
      int i = 0;
      for (var entry : counts.entrySet()) {
        units[i] = entry.getKey();
        values[i++] = entry.getValue();
      }
      return new ConversionTimes(resolution, units, values);
    }
  }

  /** {@return the unit times are counted in} */
  public Duration resolution() {
    return resolution;
  }

  /** {@return the number of times recorded} */
  public long count() {
    return total;
  }

  /** {@return whether no time was recorded} */
  public boolean isEmpty() {
    return total == 0;
  }

  /**
   * Returns the nearest-rank quantile of the recorded times.
   *
   * @param p the probability, in [0, 1]
   * @return the smallest recorded time {@code x} with at least {@code ceil(p n)} times at most
   *     {@code x}, in whole units of the resolution
   * @throws IllegalArgumentException if {@code p} is NaN or outside [0, 1]
   * @throws IllegalStateException if no time was recorded
   */
  public Duration quantile(double p) {
    Checks.checkProbability("p", p);
    requireTimes();
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (int i = 0; i < units.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return resolution.multipliedBy(units[i]);
      }
    }
    return resolution.multipliedBy(units[units.length - 1]); // not reached: seen ends at total
  }

  /**
   * Returns the median, the {@link #quantile(double) quantile} at {@code p = 0.5}.
   *
   * @return the median time
   * @throws IllegalStateException if no time was recorded
   */
  public Duration median() {
    return quantile(0.5);
  }

  /**
   * Returns the mean time, the exact sum of the recorded times (in units) over their count, rounded
   * down to a nanosecond.
   *
   * @return the mean
   * @throws IllegalStateException if no time was recorded
   * @throws ArithmeticException if the sum of the times overflows a {@code long} of units
   */
  public Duration mean() {
    requireTimes();
    long sum = 0;
    for (int i = 0; i < units.length; i++) {
      sum = Math.addExact(sum, Math.multiplyExact(units[i], counts[i]));
    }
    return resolution.multipliedBy(sum).dividedBy(total);
  }

  /**
   * Returns how many recorded times are at most {@code time}: the empirical distribution function
   * times the count.
   *
   * @param time a duration, not negative
   * @return the count; 0 for an empty histogram
   * @throws NullPointerException if {@code time} is null
   */
  public long countAtMost(Duration time) {
    Objects.requireNonNull(time, "time");
    long unit = time.dividedBy(resolution);
    long seen = 0;
    for (int i = 0; i < units.length && units[i] <= unit; i++) {
      seen += counts[i];
    }
    return seen;
  }

  private void requireTimes() {
    if (total == 0) {
      throw new IllegalStateException("no conversion time was recorded");
    }
  }

  /**
   * Returns the histogram of both sets of times.
   *
   * @param other a histogram of the same resolution
   * @return the merged histogram
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the resolutions differ, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public ConversionTimes merge(ConversionTimes other) {
    Objects.requireNonNull(other, "other");
    if (!resolution.equals(other.resolution)) {
      throw new IllegalArgumentException(
          "cannot merge conversion times at resolution "
              + resolution
              + " with times at resolution "
              + other.resolution);
    }
    TreeMap<Long, Long> merged = new TreeMap<>();
    for (int i = 0; i < units.length; i++) {
      merged.put(units[i], counts[i]);
    }
    for (int i = 0; i < other.units.length; i++) {
      merged.merge(
          other.units[i], other.counts[i], (a, b) -> Checks.addCounts("conversion times", a, b));
    }
    Builder builder = new Builder(resolution);
    builder.counts.putAll(merged);
    return builder.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConversionTimes other
        && resolution.equals(other.resolution)
        && Arrays.equals(units, other.units)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resolution, Arrays.hashCode(units), Arrays.hashCode(counts));
  }

  /** Returns e.g. {@code ConversionTimes[n=120, median=PT4M, resolution=PT1S]}. */
  @Override
  public String toString() {
    return "ConversionTimes[n="
        + total
        + (total == 0 ? "" : ", median=" + median())
        + ", resolution="
        + resolution
        + "]";
  }
}
