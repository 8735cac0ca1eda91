package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.internal.Inputs;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * What {@link CsatDefinition} and {@link CesDefinition} share: a validated definition of a rating
 * metric (its scale and one more field) that makes values, accumulators and collectors.
 *
 * @param <V> the values it makes
 * @param <A> the accumulators it makes
 */
abstract class RatingDefinition<V extends RatingValue<V>, A extends RatingAccumulator<V, A>> {
  private final RatingScale scale;
  private final int field;
  private final MetricId metric;
  private final BiFunction<? super RatingDefinition<V, A>, RatingHistogram, V> value;
  private final Function<? super RatingDefinition<V, A>, A> accumulator;

  /**
   * A definition on {@code scale} whose other field is encoded as {@code field}, of the metric
   * {@code metric}, whose values and accumulators the two functions make.
   */
  RatingDefinition(
      RatingScale scale,
      int field,
      MetricId metric,
      BiFunction<? super RatingDefinition<V, A>, RatingHistogram, V> value,
      Function<? super RatingDefinition<V, A>, A> accumulator) {
    this.scale = Objects.requireNonNull(scale, "scale");
    this.field = field;
    this.metric = metric;
    this.value = value;
    this.accumulator = accumulator;
  }

  /** {@return the rating scale} */
  public RatingScale scale() {
    return scale;
  }

  /** The definition's second field as an integer: a threshold or a direction's code. */
  int field() {
    return field;
  }

  MetricId metric() {
    return metric;
  }

  /** The value of {@code histogram}, which is on this definition's scale. */
  V value(RatingHistogram histogram) {
    return value.apply(this, histogram);
  }

  /** {@return a new, empty accumulator of this definition} */
  public A accumulator() {
    return accumulator.apply(this);
  }

  /**
   * Returns the value of {@code ratings}.
   *
   * @param ratings the ratings, each on the scale; empty gives {@link #empty()}
   * @return the value
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it, its index and
   *     the scale, with a hint when it fits a common larger scale
   */
  public V of(int... ratings) {
    A accumulator = accumulator();
    accumulator.addAll(ratings);
    return accumulator.snapshot();
  }

  /**
   * Returns the value of {@code ratings}, each byte read as a signed rating; otherwise as {@link
   * #of(int...)}.
   *
   * @param ratings the ratings, each on the scale; empty gives {@link #empty()}
   * @return the value
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index
   */
  public V of(byte[] ratings) {
    A accumulator = accumulator();
    accumulator.addAll(ratings);
    return accumulator.snapshot();
  }

  /**
   * Returns the value of boxed ratings.
   *
   * @param ratings the ratings, each on the scale; empty gives {@link #empty()}
   * @return the value
   * @throws NullPointerException if {@code ratings} or one of them is null, naming its index
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index
   */
  public V of(Iterable<Integer> ratings) {
    A accumulator = accumulator();
    Inputs.forEachIndexed(ratings, "ratings", accumulator::accept);
    return accumulator.snapshot();
  }

  /**
   * Returns the value of the ratings that {@code rating} reads from each item.
   *
   * @param <T> the type of the items
   * @param items the items, e.g. survey records; empty gives {@link #empty()}
   * @param rating reads a rating from an item
   * @return the value
   * @throws NullPointerException if {@code items}, {@code rating} or an item is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its item's
   *     index
   */
  public <T> V of(Iterable<T> items, ToIntFunction<? super T> rating) {
    Objects.requireNonNull(rating, "rating");
    A accumulator = accumulator();
    Inputs.forEachIndexed(
        items, "items", (item, index) -> accumulator.accept(rating.applyAsInt(item), index));
    return accumulator.snapshot();
  }

  /**
   * Returns the value of counted ratings: {@code counts[k]} ratings of {@code scale().min() + k}.
   *
   * @param counts the count of each rating, from the scale's minimum up
   * @return the value
   * @throws NullPointerException if {@code counts} is null
   * @throws IllegalArgumentException if {@code counts} does not have one entry per scale point or a
   *     count is negative, naming it
   * @throws ArithmeticException if the total overflows a {@code long}
   */
  public V ofCounts(long... counts) {
    Objects.requireNonNull(counts, "counts");
    return value(RatingHistogram.ofCounts(scale, counts));
  }

  /**
   * Returns the value of no ratings: the identity of {@code merge} for this definition.
   *
   * @return the empty value
   */
  public V empty() {
    return value(RatingHistogram.empty(scale));
  }

  /**
   * A collector of the ratings {@code rating} reads from items into their value; unordered and safe
   * on parallel streams. It fails like the accumulator, naming a rating's index within the
   * accumulator that met it.
   */
  <T> Collector<T, ?, V> collector(ToIntFunction<? super T> rating) {
    Objects.requireNonNull(rating, "rating");
    return Collector.of(
        this::accumulator,
        (accumulator, item) -> accumulator.accept(rating.applyAsInt(item)),
        A::combine,
        A::snapshot,
        Collector.Characteristics.UNORDERED);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingDefinition<?, ?> other
        && getClass() == other.getClass()
        && scale.equals(other.scale)
        && field == other.field;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * getClass().hashCode() + scale.hashCode()) + field;
  }
}
