package io.github.cxmetrics.journey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Mergeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

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

  /**
   * Builds a histogram from counts by unit, in an open-addressing table of primitive keys (no
   * boxing per time); not thread-safe. Given a bound on the units (a funnel's window), once the
   * table holds {@link #DENSE_AFTER} distinct units it moves to an array indexed by unit when the
   * bound is below {@link #DENSE_LIMIT}, so that a large count adds by one indexed increment rather
   * than a probe of a table that no longer fits in a cache; small counts never allocate it. The
   * array holds {@code int} counts (4 bytes a unit): a bounded builder serves a funnel's tally,
   * which records at most one time per customer, and customers are fewer than {@code 2^31}; a count
   * beyond that throws {@link ArithmeticException}.
   */
  static final class Builder {
    static final int DENSE_AFTER = 4096;
    static final long DENSE_LIMIT = 1 << 21;
    private static final long EMPTY = -1;
    private final Duration resolution;
    private final long maxUnit; // -1: no bound
    private long[] keys = newKeys(16);
    private long[] values = new long[16];
    private int size;
    private int[] dense; // counts by unit in [0, maxUnit], once in use
    private static final int PENDING = 1024;
    private int[] pending; // units of addOne not yet in dense
    private int pendingSize;

    Builder(Duration resolution) {
      this(resolution, -1);
    }

    /** A builder of times known to be at most {@code maxUnit} units, or unbounded if negative. */
    Builder(Duration resolution, long maxUnit) {
      this.resolution = resolution;
      this.maxUnit = maxUnit;
    }

    private static long[] newKeys(int capacity) {
      long[] keys = new long[capacity];
      Arrays.fill(keys, EMPTY);
      return keys;
    }

    /** Records one time, {@code >= 0}. */
    void add(Duration time) {
      add(time.dividedBy(resolution), 1);
    }

    /**
     * Records one time of {@code unit} units, {@code unit >= 0}, for a funnel's tally: it records
     * at most one time per customer, fewer than {@code 2^31}, so a dense count cannot overflow.
     */
    void addOne(long unit) {
      if (dense != null && unit <= maxUnit) {
        pending[pendingSize++] = (int) unit;
        if (pendingSize == PENDING) {
          flush();
        }
      } else {
        add(unit, 1);
      }
    }

    /** Records {@code count >= 0} times of {@code unit} units, {@code unit >= 0}. */
    void add(long unit, long count) {
      if (count == 0) {
        return; // no entry, so that a unit is listed only with a positive count
      }
      if (dense != null && unit <= maxUnit) {
        dense[(int) unit] = Math.toIntExact(dense[(int) unit] + count);
        return;
      }
      int mask = keys.length - 1;
      int slot = (int) (mix(unit) & mask);
      while (keys[slot] != EMPTY && keys[slot] != unit) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == EMPTY) {
        keys[slot] = unit;
        size++;
      }
      values[slot] = Checks.addCounts("conversion times", values[slot], count);
      if (2 * size > keys.length) {
        grow();
      }
    }

    private static long mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 32);
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldValues = values;
      if (dense == null && size >= DENSE_AFTER && maxUnit >= 0 && maxUnit < DENSE_LIMIT) {
        dense = new int[(int) maxUnit + 1];
        pending = new int[PENDING];
        keys = newKeys(16);
        values = new long[16];
      } else {
        keys = newKeys(2 * oldKeys.length);
        values = new long[2 * oldKeys.length];
      }
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != EMPTY) {
          add(oldKeys[i], oldValues[i]);
        }
      }
    }

    /**
     * Adds the pending units to the array: increments with no other work between them, which the
     * processor overlaps where increments among other work wait for the cache one by one.
     */
    private void flush() {
      int[] dense = this.dense;
      for (int x = 0; x < pendingSize; x++) {
        dense[pending[x]]++;
      }
      pendingSize = 0;
    }

    ConversionTimes build() {
      int distinct = size;
      if (dense != null) {
        flush();
        for (int count : dense) {
          distinct += count > 0 ? 1 : 0;
        }
      }
      long[] units = new long[distinct];
      long[] counts = new long[distinct];
      int n = 0;
      if (dense != null) {
        for (int u = 0; u < dense.length; u++) {
          if (dense[u] > 0) {
            units[n] = u;
            counts[n++] = dense[u];
          }
        }
      }
      // the table holds units above the dense range only (or every unit without it)
      int fromTable = n;
      for (int slot = 0; slot < keys.length; slot++) {
        if (keys[slot] != EMPTY) {
          units[n] = keys[slot];
          counts[n++] = values[slot];
        }
      }
      sortByUnit(units, counts, fromTable, n);
      return new ConversionTimes(resolution, units, counts);
    }

    /** Sorts {@code [from, to)} of both arrays by unit (distinct), in place. */
    private static void sortByUnit(long[] units, long[] counts, int from, int to) {
      long[] order = Arrays.copyOfRange(units, from, to);
      Arrays.sort(order);
      long[] sorted = new long[to - from];
      for (int i = from; i < to; i++) {
        sorted[Arrays.binarySearch(order, units[i])] = counts[i];
      }
      System.arraycopy(order, 0, units, from, order.length);
      System.arraycopy(sorted, 0, counts, from, sorted.length);
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
    Builder builder = new Builder(resolution);
    for (int i = 0; i < units.length; i++) {
      builder.add(units[i], counts[i]);
    }
    for (int i = 0; i < other.units.length; i++) {
      builder.add(other.units[i], other.counts[i]);
    }
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
