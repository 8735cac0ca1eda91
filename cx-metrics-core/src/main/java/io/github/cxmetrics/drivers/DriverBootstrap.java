package io.github.cxmetrics.drivers;

import io.github.cxmetrics.stats.Mergeable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;

/**
 * The co-moments of a driver analysis kept in {@code G} random groups of respondents, from which
 * {@link DriverIntervals} draws bootstrap replicates: standard errors and intervals of the
 * importances from an aggregate that still merges exactly, per segment or per partition.
 *
 * <p>Each respondent falls in group {@code g = h(key) mod G}, {@code h} the SplitMix64 finaliser
 * (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA) of the
 * respondent's key, so the same respondent lands in the same group on any thread or machine and
 * merged parts equal one pass bit for bit; each group holds exact co-moments like {@link
 * DriverMoments}. A replicate gives group {@code g} the weight {@code w_bg ~ Poisson(1)} and is the
 * co-moments {@code sum_g w_bg M_g}, exact integers again: the Poisson bootstrap (Hanley and
 * MacGibbon 2006, "Creating non-parametric bootstrap samples using Poisson frequencies", Computer
 * Methods and Programs in Biomedicine 83(1); Chamandy, Muralidharan, Najmi and Naidu 2012,
 * "Estimating uncertainty for massive data streams", Google) applied to the groups, which are
 * independent random groups of the responses (the random-group method of K. M. Wolter,
 * <i>Introduction to Variance Estimation</i>, 2nd ed., Springer 2007, chapter 2). With fewer
 * responses than groups, nearly every group holds at most one response and this is the Poisson
 * bootstrap of the responses themselves; with many more, the variance estimate rests on {@code G}
 * independent groups, so its relative standard error is about {@code sqrt(2 / G)}: 4.5% for the
 * default 1,000 groups. Counting a response costs one hash and one pass over its {@code (k + 1)(k +
 * 2) / 2} products into its group (the co-moments of all responses are the groups' sum); the value
 * holds {@code G (1 + (k + 1) + (k + 1)(k + 2) / 2)} longs (624 KB for 10 drivers and 1,000
 * groups).
 *
 * <p>Keys must identify respondents: the answers of one respondent under two keys are treated as
 * independent, which understates the uncertainty when they are not; the value cannot see that.
 * Incomplete responses (a missing answer) are in {@link #moments()}'s {@link
 * DriverMoments#incomplete()} and in no group.
 */
public final class DriverBootstrap implements Mergeable<DriverBootstrap> {
  /** The number of groups of {@link #empty(List)}. */
  public static final int DEFAULT_GROUPS = 1000;

  /** The most groups a bootstrap takes. */
  public static final int MAX_GROUPS = 1 << 16;

  private final DriverMoments moments;
  private final int groups;
  private final long[] table;

  DriverBootstrap(DriverMoments moments, int groups, long[] table) {
    this.moments = moments;
    this.groups = groups;
    this.table = table;
  }

  /** The value of a table of groups: the co-moments of all responses are the groups' sum. */
  static DriverBootstrap of(List<String> drivers, int groups, long[] table, long incomplete) {
    long[] all = new long[groups];
    Arrays.fill(all, 1);
    DriverMoments sum =
        new DriverBootstrap(DriverMoments.empty(drivers), groups, table).weighted(all);
    return new DriverBootstrap(sum.withIncomplete(incomplete), groups, table);
  }

  /**
   * Returns the empty bootstrap of named drivers, with {@link #DEFAULT_GROUPS} groups.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @return the empty value
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver or a name repeats, naming it
   */
  public static DriverBootstrap empty(List<String> drivers) {
    return empty(drivers, DEFAULT_GROUPS);
  }

  /**
   * Returns the empty bootstrap of named drivers.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @param groups the number of random groups {@code G}, 2 to {@link #MAX_GROUPS}; more groups give
   *     more precise standard errors on large samples and cost memory
   * @return the empty value
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver, a name repeats, or {@code groups} is
   *     out of range, naming it
   */
  public static DriverBootstrap empty(List<String> drivers, int groups) {
    DriverMoments moments = DriverMoments.empty(drivers);
    checkGroups(groups);
    return new DriverBootstrap(moments, groups, new long[groups * stride(drivers.size())]);
  }

  /**
   * A collector of keyed responses into a bootstrap of {@link #DEFAULT_GROUPS} groups, e.g. per
   * segment with {@code Breakdown.of(responses, Response::channel,
   * DriverBootstrap.toDriverBootstrap(...))}; safe on parallel streams, whose result equals the
   * sequential one bit for bit.
   *
   * @param <T> the type of the responses
   * @param drivers the drivers' names, at least one, distinct
   * @param respondent reads a response's respondent key
   * @param outcome reads a response's outcome; null for a missing answer
   * @param ratings one reader per driver, in the order of {@code drivers}; null for a missing
   *     answer
   * @return the collector; a response with a missing answer is counted in {@link
   *     DriverMoments#incomplete()} of {@link #moments()}
   * @throws NullPointerException if an argument or a reader is null
   * @throws IllegalArgumentException if there is not one reader per driver, or the names are
   *     invalid as in {@link DriverMoments#empty}
   */
  public static <T> Collector<T, ?, DriverBootstrap> toDriverBootstrap(
      List<String> drivers,
      ToLongFunction<? super T> respondent,
      Function<? super T, Integer> outcome,
      List<? extends Function<? super T, Integer>> ratings) {
    Objects.requireNonNull(respondent, "respondent");
    Objects.requireNonNull(outcome, "outcome");
    List<Function<? super T, Integer>> readers = DriverMoments.readers(drivers, ratings);
    return Collector.of(
        () -> new DriverBootstrapAccumulator(drivers),
        (accumulator, response) ->
            accumulator.acceptWithMissing(
                respondent.applyAsLong(response),
                outcome.apply(response),
                DriverMoments.row(readers, response)),
        DriverBootstrapAccumulator::combine,
        DriverBootstrapAccumulator::snapshot);
  }

  static void checkGroups(int groups) {
    if (groups < 2 || groups > MAX_GROUPS) {
      throw new IllegalArgumentException(
          "groups (" + groups + ") must be in [2, " + MAX_GROUPS + "]");
    }
  }

  /** Longs per group in the table: the count, k + 1 sums, (k + 1)(k + 2) / 2 products. */
  static int stride(int drivers) {
    int variables = drivers + 1;
    return 1 + variables + variables * (variables + 1) / 2;
  }

  /** {@return the co-moments of all responses, every complete response counted once} */
  public DriverMoments moments() {
    return moments;
  }

  /** {@return the drivers' names} */
  public List<String> drivers() {
    return moments.drivers();
  }

  /** {@return the number of random groups {@code G}} */
  public int groups() {
    return groups;
  }

  /**
   * Returns one group's co-moments.
   *
   * @param g the group, {@code 0..G-1}
   * @return the co-moments of the complete responses whose key falls in the group
   * @throws IndexOutOfBoundsException if {@code g} is out of range
   */
  public DriverMoments group(int g) {
    Objects.checkIndex(g, groups);
    long[] weights = new long[groups];
    weights[g] = 1;
    return weighted(weights);
  }

  /**
   * Returns the co-moments of bootstrap replicate {@code b} of a seed: each group counted {@code
   * w_bg ~ Poisson(1)} times, the weights computed from the seed, {@code b} and {@code g} (the
   * SplitMix64 finaliser of them as a 53-bit uniform number, turned into a Poisson(1) count by its
   * distribution function), so the same seed gives the same replicates everywhere.
   *
   * @param seed the seed of the replicates
   * @param b the replicate, {@code >= 0}
   * @return the replicate's co-moments
   * @throws IllegalArgumentException if {@code b} is negative
   * @throws ArithmeticException if a weighted sum overflows a {@code long}
   */
  public DriverMoments replicate(long seed, int b) {
    if (b < 0) {
      throw new IllegalArgumentException("replicate (" + b + ") must be >= 0");
    }
    long stream = DriverBootstrapAccumulator.stream(seed, b);
    long[] weights = new long[groups];
    for (int g = 0; g < groups; g++) {
      weights[g] = DriverBootstrapAccumulator.weight(stream, g);
    }
    return weighted(weights);
  }

  private DriverMoments weighted(long[] weights) {
    int k = moments.drivers().size();
    int stride = stride(k);
    long[] sum = new long[stride];
    for (int g = 0, at = 0; g < groups; g++, at += stride) {
      long w = weights[g];
      if (w != 0 && table[at] != 0) {
        for (int i = 0; i < stride; i++) {
          sum[i] = Math.addExact(sum[i], Math.multiplyExact(w, table[at + i]));
        }
      }
    }
    long[] sums = Arrays.copyOfRange(sum, 1, k + 2);
    long[] products = Arrays.copyOfRange(sum, k + 2, stride);
    return new DriverMoments(moments.drivers(), sum[0], 0, sums, products);
  }

  long[] table() {
    return table.clone();
  }

  /**
   * Returns the bootstrap of both values' responses, exactly.
   *
   * @param other a bootstrap of the same drivers and number of groups
   * @return the merged value
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the drivers or the numbers of groups differ, naming both
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  @Override
  public DriverBootstrap merge(DriverBootstrap other) {
    Objects.requireNonNull(other, "other");
    if (groups != other.groups) {
      throw new IllegalArgumentException(
          "cannot merge bootstraps of " + groups + " and " + other.groups + " groups");
    }
    DriverMoments merged = moments.merge(other.moments);
    long[] sum = table.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(sum[i], other.table[i]);
    }
    return new DriverBootstrap(merged, groups, sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DriverBootstrap other
        && groups == other.groups
        && moments.equals(other.moments)
        && Arrays.equals(table, other.table);
  }

  @Override
  public int hashCode() {
    return Objects.hash(moments, groups, Arrays.hashCode(table));
  }

  /** Returns e.g. {@code DriverBootstrap[1000 groups, DriverMoments[n=1200, ...]]}. */
  @Override
  public String toString() {
    return "DriverBootstrap[" + groups + " groups, " + moments + "]";
  }
}
