package io.github.cxmetrics.drivers;

import java.util.List;

/**
 * Counts keyed responses into a {@link DriverBootstrap}: the co-moments themselves and each of the
 * {@code B} Poisson-weighted replicates. Each complete response costs {@code B} weight computations
 * and, for the two thirds of replicates whose weight is not 0, one weighted pass over the {@code (k
 * + 1)(k + 2) / 2} products. Not thread-safe; give each thread its own and {@link #combine} them.
 */
public final class DriverBootstrapAccumulator {
  /** {@code floor(P(Poisson(1) <= w) * 2^53)} for w = 0, 1, ... until it reaches 2^53. */
  private static final long[] POISSON = poissonThresholds();

  private final DriverAccumulator moments;
  private final long seed;
  private final int replicates;
  private final int variables;
  private final int stride;
  private final long[] table;
  private final long[] row;
  private final long[] products;

  /**
   * Creates an empty accumulator.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @param replicates the number of replicates, 2 to {@link DriverBootstrap#MAX_REPLICATES}
   * @param seed the seed of the weights; accumulators to be combined, and values to be merged, must
   *     share it
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver, a name repeats, or {@code replicates}
   *     is out of range
   */
  public DriverBootstrapAccumulator(List<String> drivers, int replicates, long seed) {
    this.moments = new DriverAccumulator(drivers);
    DriverBootstrap.checkReplicates(replicates);
    this.seed = seed;
    this.replicates = replicates;
    this.variables = drivers.size() + 1;
    this.stride = DriverBootstrap.stride(variables - 1);
    this.table = new long[replicates * stride];
    this.row = new long[variables];
    this.products = new long[variables * (variables + 1) / 2];
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

  /** The respondent's stream: every replicate's weight derives from it. */
  static long stream(long seed, long respondent) {
    return mix(seed ^ mix(respondent));
  }

  /** The Poisson(1) weight of replicate {@code b} in a respondent's stream. */
  static int weight(long stream, int b) {
    long u = mix(stream + (b + 1L) * 0x9E3779B97F4A7C15L) >>> 11;
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
    moments.accept(outcome, ratings);
    row[0] = outcome;
    for (int i = 0; i < ratings.length; i++) {
      row[i + 1] = ratings[i];
    }
    addReplicates(respondent);
    return this;
  }

  /**
   * Adds a response whose answers may be missing: a complete one is counted in the co-moments and
   * the replicates, an incomplete one in {@link DriverMoments#incomplete()} only.
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
    long before = moments.count();
    moments.acceptWithMissing(outcome, ratings);
    if (moments.count() > before) {
      row[0] = outcome;
      for (int i = 0; i < ratings.length; i++) {
        row[i + 1] = ratings[i];
      }
      addReplicates(respondent);
    }
    return this;
  }

  private void addReplicates(long respondent) {
    int p = 0;
    for (int i = 0; i < variables; i++) {
      for (int j = i; j < variables; j++) {
        products[p++] = row[i] * row[j];
      }
    }
    long stream = stream(seed, respondent);
    for (int b = 0, at = 0; b < replicates; b++, at += stride) {
      int w = weight(stream, b);
      if (w == 0) {
        continue;
      }
      table[at] += w;
      int s = at + 1;
      for (int i = 0; i < variables; i++) {
        table[s + i] = Math.addExact(table[s + i], Math.multiplyExact(w, row[i]));
      }
      s += variables;
      for (int i = 0; i < products.length; i++) {
        table[s + i] = Math.addExact(table[s + i], Math.multiplyExact(w, products[i]));
      }
    }
  }

  /**
   * Adds what another accumulator of the same drivers, replicates and seed holds.
   *
   * @param other the other accumulator, unchanged
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the drivers, replicates or seed differ
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public DriverBootstrapAccumulator combine(DriverBootstrapAccumulator other) {
    DriverBootstrap merged = snapshot().merge(other.snapshot());
    moments.combine(other.moments);
    System.arraycopy(merged.table(), 0, table, 0, table.length);
    return this;
  }

  /** {@return the co-moments and replicates counted so far, an immutable value} */
  public DriverBootstrap snapshot() {
    return new DriverBootstrap(moments.snapshot(), seed, replicates, table.clone());
  }
}
