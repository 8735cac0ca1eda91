package io.github.cxmetrics.drivers;

import io.github.cxmetrics.stats.Mergeable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;

/**
 * The co-moments of a driver analysis together with {@code B} Poisson bootstrap replicates of them,
 * so that importances get standard errors and intervals ({@link DriverIntervals}) from an aggregate
 * that still merges exactly, per segment or per partition.
 *
 * <p>The Poisson bootstrap (Hanley and MacGibbon 2006, "Creating non-parametric bootstrap samples
 * using Poisson frequencies", Computer Methods and Programs in Biomedicine 83(1); Chamandy,
 * Muralidharan, Najmi and Naidu 2012, "Estimating uncertainty for massive data streams", Google):
 * replicate {@code b} counts each complete response {@code w_b} times, {@code w_b ~ Poisson(1)},
 * instead of resampling {@code n} responses with replacement; the two agree as {@code n} grows, and
 * only the Poisson form can be computed in one pass over data split in any way. Replicate {@code b}
 * is then itself a {@link DriverMoments}, with {@code n_b = sum w_b}, {@code S_i = sum w_b x_i} and
 * {@code S_ij = sum w_b x_i x_j}, all exact integers.
 *
 * <p>The weights are not drawn from a generator but computed from the respondent's key, the
 * replicate index and the seed: {@code w_b} is the Poisson(1) quantile of a 53-bit uniform number
 * from the SplitMix64 finaliser (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA) of those three. A respondent gets the same weights wherever and in whatever
 * order it is counted, so that splitting the responses over threads or machines and merging gives
 * bit for bit the replicates of one pass. Keys must identify respondents: two responses with one
 * key get the same weights, which understates the uncertainty; the value cannot see that.
 *
 * <p>Incomplete responses (a missing answer) are in {@link #moments()}'s {@link
 * DriverMoments#incomplete()} and in no replicate.
 */
public final class DriverBootstrap implements Mergeable<DriverBootstrap> {
  /** The most replicates a bootstrap takes. */
  public static final int MAX_REPLICATES = 10_000;

  private final DriverMoments moments;
  private final long seed;
  private final int replicates;
  private final long[] table;

  DriverBootstrap(DriverMoments moments, long seed, int replicates, long[] table) {
    this.moments = moments;
    this.seed = seed;
    this.replicates = replicates;
    this.table = table;
  }

  /**
   * Returns the empty bootstrap of named drivers.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @param replicates the number of replicates {@code B}, 2 to {@link #MAX_REPLICATES}; 200 to
   *     1,000 is usual for standard errors and normal intervals
   * @param seed the seed of the weights; merged values must share it
   * @return the empty value
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver, a name repeats, or {@code replicates}
   *     is out of range, naming it
   */
  public static DriverBootstrap empty(List<String> drivers, int replicates, long seed) {
    DriverMoments moments = DriverMoments.empty(drivers);
    checkReplicates(replicates);
    return new DriverBootstrap(
        moments, seed, replicates, new long[replicates * stride(moments.drivers().size())]);
  }

  /**
   * A collector of keyed responses into a bootstrap, e.g. per segment with {@code
   * Breakdown.of(responses, Response::channel, DriverBootstrap.toDriverBootstrap(...))}; safe on
   * parallel streams, whose result equals the sequential one bit for bit.
   *
   * @param <T> the type of the responses
   * @param drivers the drivers' names, at least one, distinct
   * @param replicates the number of replicates, 2 to {@link #MAX_REPLICATES}
   * @param seed the seed of the weights
   * @param respondent reads a response's respondent key
   * @param outcome reads a response's outcome; null for a missing answer
   * @param ratings one reader per driver, in the order of {@code drivers}; null for a missing
   *     answer
   * @return the collector; a response with a missing answer is counted in {@link
   *     DriverMoments#incomplete()} of {@link #moments()}
   * @throws NullPointerException if an argument or a reader is null
   * @throws IllegalArgumentException if there is not one reader per driver, the names are invalid
   *     as in {@link DriverMoments#empty}, or {@code replicates} is out of range
   */
  public static <T> Collector<T, ?, DriverBootstrap> toDriverBootstrap(
      List<String> drivers,
      int replicates,
      long seed,
      ToLongFunction<? super T> respondent,
      Function<? super T, Integer> outcome,
      List<? extends Function<? super T, Integer>> ratings) {
    Objects.requireNonNull(respondent, "respondent");
    Objects.requireNonNull(outcome, "outcome");
    List<Function<? super T, Integer>> readers = DriverMoments.readers(drivers, ratings);
    checkReplicates(replicates);
    return Collector.of(
        () -> new DriverBootstrapAccumulator(drivers, replicates, seed),
        (accumulator, response) ->
            accumulator.acceptWithMissing(
                respondent.applyAsLong(response),
                outcome.apply(response),
                DriverMoments.row(readers, response)),
        DriverBootstrapAccumulator::combine,
        DriverBootstrapAccumulator::snapshot);
  }

  static void checkReplicates(int replicates) {
    if (replicates < 2 || replicates > MAX_REPLICATES) {
      throw new IllegalArgumentException(
          "replicates (" + replicates + ") must be in [2, " + MAX_REPLICATES + "]");
    }
  }

  /** Longs per replicate in the table: the count, k + 1 sums, (k + 1)(k + 2) / 2 products. */
  static int stride(int drivers) {
    int variables = drivers + 1;
    return 1 + variables + variables * (variables + 1) / 2;
  }

  /** {@return the co-moments of the responses themselves, every complete response counted once} */
  public DriverMoments moments() {
    return moments;
  }

  /** {@return the drivers' names} */
  public List<String> drivers() {
    return moments.drivers();
  }

  /** {@return the number of replicates {@code B}} */
  public int replicates() {
    return replicates;
  }

  /** {@return the seed of the weights} */
  public long seed() {
    return seed;
  }

  /**
   * Returns one replicate's co-moments.
   *
   * @param b the replicate, {@code 0..B-1}
   * @return the co-moments with each complete response counted its weight times
   * @throws IndexOutOfBoundsException if {@code b} is out of range
   */
  public DriverMoments replicate(int b) {
    Objects.checkIndex(b, replicates);
    int variables = moments.drivers().size() + 1;
    int at = b * stride(variables - 1);
    long[] sums = Arrays.copyOfRange(table, at + 1, at + 1 + variables);
    long[] products = Arrays.copyOfRange(table, at + 1 + variables, at + stride(variables - 1));
    return new DriverMoments(moments.drivers(), table[at], 0, sums, products);
  }

  long[] table() {
    return table.clone();
  }

  /**
   * Returns the bootstrap of both values' responses, exactly.
   *
   * @param other a bootstrap of the same drivers, replicates and seed
   * @return the merged value
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the drivers, the number of replicates or the seed differ,
   *     naming both
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  @Override
  public DriverBootstrap merge(DriverBootstrap other) {
    Objects.requireNonNull(other, "other");
    if (replicates != other.replicates || seed != other.seed) {
      throw new IllegalArgumentException(
          "cannot merge bootstraps of "
              + replicates
              + " replicates with seed "
              + seed
              + " and "
              + other.replicates
              + " replicates with seed "
              + other.seed);
    }
    DriverMoments merged = moments.merge(other.moments);
    long[] sum = table.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(sum[i], other.table[i]);
    }
    return new DriverBootstrap(merged, seed, replicates, sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DriverBootstrap other
        && seed == other.seed
        && replicates == other.replicates
        && moments.equals(other.moments)
        && Arrays.equals(table, other.table);
  }

  @Override
  public int hashCode() {
    return Objects.hash(moments, seed, replicates, Arrays.hashCode(table));
  }

  /** Returns e.g. {@code DriverBootstrap[200 replicates, seed 7, DriverMoments[n=1200, ...]]}. */
  @Override
  public String toString() {
    return "DriverBootstrap[" + replicates + " replicates, seed " + seed + ", " + moments + "]";
  }
}
