package io.github.cxmetrics.drivers;

import java.util.List;
import java.util.Objects;

/**
 * Counts keyed responses into a {@link DriverBootstrap}: each complete response into the co-moments
 * of its respondent's random group, whose sum is the co-moments of all responses. A response costs
 * one hash and one pass over its {@code (k + 1)(k + 2) / 2} products, as in {@link
 * DriverAccumulator}, but into one of many groups. Not thread-safe; give each thread its own and
 * {@link #combine} them.
 */
public final class DriverBootstrapAccumulator {
  /** {@code floor(P(Poisson(1) <= w) * 2^53)} for w = 0, 1, ... until it reaches 2^53. */
  private static final long[] POISSON = poissonThresholds();

  private final List<String> drivers;
  private final int groups;
  private final int variables;
  private final int stride;
  private final long[] table;
  private final long[] row;
  private long incomplete;

  /**
   * Creates an empty accumulator of {@link DriverBootstrap#DEFAULT_GROUPS} groups.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver or a name repeats
   */
  public DriverBootstrapAccumulator(List<String> drivers) {
    this(drivers, DriverBootstrap.DEFAULT_GROUPS);
  }

  /**
   * Creates an empty accumulator.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @param groups the number of random groups, 2 to {@link DriverBootstrap#MAX_GROUPS};
   *     accumulators to be combined, and values to be merged, must share it
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver, a name repeats, or {@code groups} is
   *     out of range
   */
  public DriverBootstrapAccumulator(List<String> drivers, int groups) {
    this.drivers = DriverMoments.empty(drivers).drivers();
    DriverBootstrap.checkGroups(groups);
    this.groups = groups;
    this.variables = drivers.size() + 1;
    this.stride = DriverBootstrap.stride(variables - 1);
    this.table = new long[groups * stride];
    this.row = new long[variables];
  }

  private static long[] poissonThresholds() {
    long[] thresholds = new long[32];
    double term = StrictMath.exp(-1);
    double cdf = 0;
    int w = 0;
    while (true) {
      cdf += term;
      long threshold = Math.min(1L << 53, (long) Math.floor(cdf * 0x1p53));
      thresholds[w] = threshold;
      if (threshold == 1L << 53) {
        return java.util.Arrays.copyOf(thresholds, w + 1);
      }
      w++;
      term /= w;
    }
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A respondent's group, 0..groups-1, from the key alone. */
  static int group(long respondent, int groups) {
    return (int) ((mix(respondent) >>> 1) % groups);
  }

  /** The stream of replicate {@code b} of a seed: every group's weight in it derives from it. */
  static long stream(long seed, long b) {
    return mix(seed ^ mix(b + 0x632BE59BD9B4E019L));
  }

  /** The Poisson(1) weight of group {@code g} in a replicate's stream. */
  static int weight(long stream, int g) {
    long u = mix(stream + (g + 1L) * 0x9E3779B97F4A7C15L) >>> 11;
    int w = 0;
    while (u >= POISSON[w]) {
      w++;
    }
    return w;
  }

  /**
   * Adds a complete response.
   *
   * @param respondent the respondent's key, unique across everything that will be merged
   * @param outcome the outcome
   * @param ratings one rating per driver, in the order of the drivers
   * @return this accumulator
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException if there is not one rating per driver
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverBootstrapAccumulator accept(long respondent, int outcome, int... ratings) {
    DriverAccumulator.checkLength(Objects.requireNonNull(ratings, "ratings").length, drivers);
    DriverAccumulator.fill(row, outcome, ratings);
    addToGroup(respondent);
    return this;
  }

  /**
   * Adds a response whose answers may be missing: a complete one is counted in the co-moments and
   * the respondent's group, an incomplete one in {@link DriverMoments#incomplete()} only.
   *
   * @param respondent the respondent's key
   * @param outcome the outcome, or null
   * @param ratings one rating per driver, each possibly null
   * @return this accumulator
   * @throws NullPointerException if {@code ratings} (the array) is null
   * @throws IllegalArgumentException if there is not one rating per driver
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverBootstrapAccumulator acceptWithMissing(
      long respondent, Integer outcome, Integer... ratings) {
    DriverAccumulator.checkLength(Objects.requireNonNull(ratings, "ratings").length, drivers);
    if (DriverAccumulator.fill(row, outcome, ratings)) {
      addToGroup(respondent);
    } else {
      incomplete++;
    }
    return this;
  }

  private void addToGroup(long respondent) {
    int at = group(respondent, groups) * stride;
    table[at]++;
    int s = at + 1;
    for (int i = 0; i < variables; i++) {
      table[s + i] = Math.addExact(table[s + i], row[i]);
    }
    s += variables;
    int p = 0;
    for (int i = 0; i < variables; i++) {
      long a = row[i];
      for (int j = i; j < variables; j++) {
        table[s + p] = Math.addExact(table[s + p], a * row[j]);
        p++;
      }
    }
  }

  /**
   * Adds what another accumulator of the same drivers and number of groups holds.
   *
   * @param other the other accumulator, unchanged
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the drivers or the numbers of groups differ
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverBootstrapAccumulator combine(DriverBootstrapAccumulator other) {
    DriverBootstrap merged = snapshot().merge(other.snapshot());
    System.arraycopy(merged.table(), 0, table, 0, table.length);
    incomplete = merged.moments().incomplete();
    return this;
  }

  /** {@return the co-moments and groups counted so far, an immutable value} */
  public DriverBootstrap snapshot() {
    return DriverBootstrap.of(drivers, groups, table.clone(), incomplete);
  }
}
