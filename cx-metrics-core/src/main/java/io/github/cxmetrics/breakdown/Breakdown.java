package io.github.cxmetrics.breakdown;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Inputs;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.MultipleComparisons;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;

/**
 * A metric broken down by a key taken from each record: the overall value and one value per group,
 * e.g. NPS by channel, CSAT by journey stage or touchpoint, retention by segment.
 *
 * <pre>{@code
 * Breakdown<String, Nps> byChannel =
 *     Breakdown.of(responses, Response::channel, Nps.toNps(Response::score));
 * }</pre>
 *
 * <p>The metric is any collector; the library's metrics merge exactly, so the groups merged
 * together equal the overall value, which is computed in the same pass. Groups keep the order in
 * which their keys first appear.
 *
 * <p>Significance: {@link #againstRest(double)} tests each group against all the others merged, and
 * {@link #pairwise(double)} every pair; both adjust their p-values with Holm's method (Holm 1979,
 * see {@link MultipleComparisons}) so that a dashboard of many groups does not flag noise. {@link
 * #spread(double)} summarises how consistent a score is across groups. For the library's metrics
 * (each an {@link Estimate} and {@link Mergeable}) these take only a level and test with {@link
 * Comparison#of}; for other metrics, overloads take the merge and comparison functions.
 *
 * @param <K> the type of the keys
 * @param <M> the type of the metric
 */
public final class Breakdown<K, M> {
  private final Map<K, M> groups;
  private final M overall;

  private Breakdown(Map<K, M> groups, M overall) {
    this.groups = Collections.unmodifiableMap(groups);
    this.overall = overall;
  }

  /**
   * Breaks a metric down by key.
   *
   * @param <T> the type of the records
   * @param <K> the type of the keys
   * @param <M> the type of the metric
   * @param records the records; empty gives no groups and the metric of no records overall
   * @param key reads the group key of a record
   * @param metric the metric, as a collector of records (e.g. {@code Nps.toNps(Response::score)})
   * @return the breakdown
   * @throws NullPointerException if an argument, a record or its key is null, naming the record's
   *     index
   * @throws RuntimeException whatever {@code metric} throws on an invalid record
   */
  public static <T, K, M> Breakdown<K, M> of(
      Iterable<T> records,
      Function<? super T, ? extends K> key,
      Collector<? super T, ?, M> metric) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(metric, "metric");
    return collect(records, key, metric);
  }

  private static <T, K, A, M> Breakdown<K, M> collect(
      Iterable<T> records,
      Function<? super T, ? extends K> key,
      Collector<? super T, A, M> metric) {
    Accumulation<K, A> accumulation = new Accumulation<>(metric.supplier());
    BiConsumer<A, ? super T> add = metric.accumulator();
    Inputs.forEachIndexed(
        records,
        "records",
        (record, index) -> {
          K k = Inputs.field(key.apply(record), "record", index, "key");
          accumulation.add(k, record, add);
        });
    return accumulation.finish(metric.finisher());
  }

  /**
   * A collector of records into a breakdown; safe on parallel streams when the metric's collector
   * is.
   *
   * @param <T> the type of the records
   * @param <K> the type of the keys
   * @param <M> the type of the metric
   * @param key reads the group key of a record
   * @param metric the metric, as a collector of records
   * @return the collector, which throws {@link NullPointerException} on a null key
   * @throws NullPointerException if an argument is null
   */
  public static <T, K, M> Collector<T, ?, Breakdown<K, M>> toBreakdown(
      Function<? super T, ? extends K> key, Collector<? super T, ?, M> metric) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(metric, "metric");
    return collector(key, metric);
  }

  private static <T, K, A, M> Collector<T, Accumulation<K, A>, Breakdown<K, M>> collector(
      Function<? super T, ? extends K> key, Collector<? super T, A, M> metric) {
    BiConsumer<A, ? super T> add = metric.accumulator();
    BinaryOperator<A> combine = metric.combiner();
    return Collector.of(
        () -> new Accumulation<>(metric.supplier()),
        (accumulation, record) ->
            accumulation.add(
                Objects.requireNonNull(key.apply(record), "key of a record"), record, add),
        (left, right) -> left.combine(right, combine),
        accumulation -> accumulation.finish(metric.finisher()));
  }

  /** Per-key and overall accumulation containers of a metric's collector. */
  private static final class Accumulation<K, A> {
    private final Supplier<A> supplier;
    private final Map<K, A> groups = new LinkedHashMap<>();
    private A overall;

    Accumulation(Supplier<A> supplier) {
      this.supplier = supplier;
      this.overall = supplier.get();
    }

    <T> void add(K key, T record, BiConsumer<A, ? super T> add) {
      add.accept(groups.computeIfAbsent(key, k -> supplier.get()), record);
      add.accept(overall, record);
    }

    Accumulation<K, A> combine(Accumulation<K, A> other, BinaryOperator<A> combine) {
      other.groups.forEach((k, a) -> groups.merge(k, a, combine));
      overall = combine.apply(overall, other.overall);
      return this;
    }

    <M> Breakdown<K, M> finish(Function<A, M> finisher) {
      Map<K, M> finished = new LinkedHashMap<>();
      groups.forEach((k, a) -> finished.put(k, finisher.apply(a)));
      return new Breakdown<>(finished, finisher.apply(overall));
    }
  }

  /** {@return the metric of all records} */
  public M overall() {
    return overall;
  }

  /** {@return each group's metric by key, unmodifiable, in order of first appearance} */
  public Map<K, M> groups() {
    return groups;
  }

  /**
   * Returns the metric of one group.
   *
   * @param key a key
   * @return the group's metric, or empty when no record had that key
   */
  public Optional<M> group(K key) {
    return Optional.ofNullable(groups.get(key));
  }

  /**
   * Returns the groups sorted by their metric.
   *
   * @param order the order of the metrics, e.g. {@code Comparator.comparingDouble(Nps::score)}
   * @return the groups, sorted (stable for equal metrics)
   * @throws NullPointerException if {@code order} is null
   * @throws RuntimeException whatever {@code order} throws, e.g. on a metric without a score
   */
  public List<Group<K, M>> sorted(Comparator<? super M> order) {
    Objects.requireNonNull(order, "order");
    List<Group<K, M>> sorted = new ArrayList<>(groups.size());
    groups.forEach((k, m) -> sorted.add(new Group<>(k, m)));
    sorted.sort(Comparator.comparing(Group::value, order));
    return sorted;
  }

  /**
   * Returns the breakdown of two disjoint record sets: groups with the same key merged, the others
   * kept, and the overall values merged.
   *
   * @param other another breakdown of the same metric
   * @param merge merges two values of the metric, e.g. {@code Nps::merge}
   * @return the combined breakdown
   * @throws NullPointerException if an argument is null
   */
  public Breakdown<K, M> merge(Breakdown<K, M> other, BinaryOperator<M> merge) {
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(merge, "merge");
    Map<K, M> merged = new LinkedHashMap<>(groups);
    other.groups.forEach((k, m) -> merged.merge(k, m, merge));
    return new Breakdown<>(merged, merge.apply(overall, other.overall));
  }

  /**
   * Returns the breakdown of two disjoint record sets, for a {@link Mergeable} metric: {@link
   * #merge(Breakdown, BinaryOperator)} with the metric's own {@code merge}.
   *
   * @param other another breakdown of the same metric
   * @return the combined breakdown
   * @throws NullPointerException if {@code other} is null
   * @throws UnsupportedOperationException if the metric is not {@link Mergeable}
   */
  public Breakdown<K, M> merge(Breakdown<K, M> other) {
    Objects.requireNonNull(other, "other");
    List<M> all = new ArrayList<>(groups.values());
    all.add(overall);
    return merge(other, LibraryMetrics.merge(all));
  }

  /**
   * Tests each group against the merge of all the others, for a metric that is an {@link Estimate}
   * and {@link Mergeable}, such as the library's: {@link Comparison#of} on each group and its rest,
   * with Holm's correction over the groups.
   *
   * @param level the confidence level, in (0, 1); a test is significant when its adjusted p-value
   *     is below {@code 1 - level}
   * @return one test per group, in group order ({@code second} is null), in the metric's unit;
   *     empty with fewer than two groups
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws UnsupportedOperationException if the metric is not an {@link Estimate} and {@link
   *     Mergeable}: use {@link #againstRest(BinaryOperator, BiFunction, double)}
   * @throws IllegalStateException if a group or its rest is empty or too small for a test
   */
  public List<GroupComparison<K>> againstRest(double level) {
    return againstRest(
        LibraryMetrics.merge(groups.values()), LibraryMetrics.compare(groups.values()), level);
  }

  /**
   * Tests every pair of groups with {@link Comparison#of}, for a metric that is an {@link
   * Estimate}, with Holm's correction over the pairs.
   *
   * @param level the confidence level, in (0, 1)
   * @return one test per pair, as {@link #pairwise(BiFunction, double)}, in the metric's unit
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws UnsupportedOperationException if the metric is not an {@link Estimate}: use {@link
   *     #pairwise(BiFunction, double)}
   * @throws IllegalStateException if a group is empty or too small for a test
   */
  public List<GroupComparison<K>> pairwise(double level) {
    return pairwise(LibraryMetrics.compare(groups.values()), level);
  }

  /**
   * Summarises how consistent the score of an {@link Estimate} metric is across the groups: {@link
   * #spread(ToDoubleFunction, ToLongFunction, BiFunction, double)} with {@link Estimate#score()},
   * {@link Estimate#count()} and {@link Comparison#of}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the spread, in the unit of the metric's score ({@link Estimate#unit()})
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws UnsupportedOperationException if the metric is not an {@link Estimate}
   * @throws IllegalStateException if there are no groups, their sizes sum to 0, or a group is too
   *     small for a test
   */
  public Spread spread(double level) {
    BiFunction<M, M, Comparison> compare = LibraryMetrics.compare(groups.values());
    return spread(m -> ((Estimate) m).score(), m -> ((Estimate) m).count(), compare, level);
  }

  /**
   * Tests each group against all the other groups merged, with Holm's correction over the groups.
   *
   * @param merge merges two values of the metric, e.g. {@code Nps::merge}
   * @param compare compares two independent values, e.g. {@code Nps::compare}
   * @param level the confidence level, in (0, 1); a test is significant when its adjusted p-value
   *     is below {@code 1 - level}
   * @return one test per group, in group order ({@code second} is null); empty with fewer than two
   *     groups
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws RuntimeException whatever {@code compare} throws, e.g. on an empty metric
   */
  public List<GroupComparison<K>> againstRest(
      BinaryOperator<M> merge, BiFunction<? super M, ? super M, Comparison> compare, double level) {
    Objects.requireNonNull(merge, "merge");
    Objects.requireNonNull(compare, "compare");
    Checks.checkLevel(level);
    List<K> keys = new ArrayList<>(groups.keySet());
    List<Comparison> comparisons = new ArrayList<>();
    if (keys.size() >= 2) {
      for (K key : keys) {
        M rest = null;
        for (K other : keys) {
          if (!other.equals(key)) {
            rest = rest == null ? groups.get(other) : merge.apply(rest, groups.get(other));
          }
        }
        comparisons.add(compare.apply(groups.get(key), rest));
      }
    }
    List<K> seconds = Collections.nCopies(comparisons.size(), null);
    return adjusted(keys.subList(0, comparisons.size()), seconds, comparisons, level);
  }

  /**
   * Tests every pair of groups, with Holm's correction over the pairs.
   *
   * @param compare compares two independent values, e.g. {@code Nps::compare}
   * @param level the confidence level, in (0, 1)
   * @return one test per pair {@code (first, second)} with {@code first} before {@code second} in
   *     group order; empty with fewer than two groups
   * @throws NullPointerException if {@code compare} is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws RuntimeException whatever {@code compare} throws
   */
  public List<GroupComparison<K>> pairwise(
      BiFunction<? super M, ? super M, Comparison> compare, double level) {
    Objects.requireNonNull(compare, "compare");
    Checks.checkLevel(level);
    List<K> keys = new ArrayList<>(groups.keySet());
    List<K> firsts = new ArrayList<>();
    List<K> seconds = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        firsts.add(keys.get(i));
        seconds.add(keys.get(j));
        comparisons.add(compare.apply(groups.get(keys.get(i)), groups.get(keys.get(j))));
      }
    }
    return adjusted(firsts, seconds, comparisons, level);
  }

  private static <K> List<GroupComparison<K>> adjusted(
      List<K> firsts, List<K> seconds, List<Comparison> comparisons, double level) {
    double[] adjusted =
        MultipleComparisons.holm(comparisons.stream().mapToDouble(Comparison::pValue).toArray());
    List<GroupComparison<K>> tests = new ArrayList<>(comparisons.size());
    for (int i = 0; i < comparisons.size(); i++) {
      tests.add(
          new GroupComparison<>(
              firsts.get(i),
              seconds.get(i),
              comparisons.get(i),
              adjusted[i],
              adjusted[i] < 1 - level));
    }
    return tests;
  }

  /**
   * Summarises how consistent a score is across the groups: lowest and highest group score, the
   * standard deviation of the group scores weighted by group size, and whether any pair differs
   * significantly after Holm's correction (see {@link Spread}).
   *
   * @param score reads the score of a metric, e.g. {@code Nps::score}
   * @param size reads the size of a metric, e.g. {@code Nps::count}
   * @param compare compares two independent values, e.g. {@code Nps::compare}
   * @param level the confidence level, in (0, 1)
   * @return the spread, in the unit of the scores that {@code score} reads
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if there are no groups or their sizes sum to 0
   */
  public Spread spread(
      ToDoubleFunction<? super M> score,
      ToLongFunction<? super M> size,
      BiFunction<? super M, ? super M, Comparison> compare,
      double level) {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(size, "size");
    if (groups.isEmpty()) {
      throw new IllegalStateException("the spread of a breakdown without groups is undefined");
    }
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    double weight = 0;
    double weighted = 0;
    for (M metric : groups.values()) {
      double s = score.applyAsDouble(metric);
      double n = size.applyAsLong(metric);
      lowest = Math.min(lowest, s);
      highest = Math.max(highest, s);
      weight += n;
      weighted += n * s;
    }
    if (weight == 0) {
      throw new IllegalStateException("the spread is undefined when every group has size 0");
    }
    double mean = weighted / weight;
    double squares = 0;
    for (M metric : groups.values()) {
      double deviation = score.applyAsDouble(metric) - mean;
      squares += size.applyAsLong(metric) * deviation * deviation;
    }
    boolean significant = pairwise(compare, level).stream().anyMatch(GroupComparison::significant);
    return new Spread(lowest, highest, Math.sqrt(squares / weight), significant);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Breakdown<?, ?> other
        && groups.equals(other.groups)
        && Objects.equals(overall, other.overall);
  }

  @Override
  public int hashCode() {
    return 31 * groups.hashCode() + Objects.hashCode(overall);
  }

  /** Returns e.g. {@code Breakdown[overall=..., groups={web=..., app=...}]}. */
  @Override
  public String toString() {
    return "Breakdown[overall=" + overall + ", groups=" + groups + "]";
  }
}
