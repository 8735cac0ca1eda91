package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * Customer Effort Score (CES) of a sample of ratings on a {@link RatingScale}.
 *
 * <p>Definition: the score is the mean rating {@code sum(r_i) / n}, in scale points, read in the
 * scale's {@link EffortDirection}: by default (the original CES of Dixon, Freeman &amp; Toman 2010,
 * 1 to 5) lower means less effort. The value also gives the share of low-effort ratings, those
 * strictly on the less-effort side of the scale midpoint.
 *
 * <p>A {@code Ces} is an immutable value holding the count of every rating on its scale; values of
 * the same scale and direction {@link #merge merge} exactly. Values of different definitions refuse
 * to merge.
 *
 * <p>Statistics: sample standard deviation {@code s = sqrt(sum((r_i - mean)^2) / (n - 1))},
 * standard error {@code s / sqrt(n)} and the Student t interval {@code mean ± t(n-1) * s / sqrt(n)}
 * (Student 1908), which need {@code n >= 2}.
 *
 * <p>Empty samples: {@link #count()} and {@link #isEmpty()} work; every score and statistic throws
 * {@link IllegalStateException}.
 *
 * <p>References: M. Dixon, K. Freeman and N. Toman, "Stop Trying to Delight Your Customers",
 * Harvard Business Review 88(7/8), 2010. Student, "The Probable Error of a Mean", Biometrika 6(1),
 * 1-25, 1908.
 */
public final class Ces {
  /** The default scale, 1 to 5. */
  public static final RatingScale DEFAULT_SCALE = RatingScale.ONE_TO_FIVE;

  /** The default direction: lower ratings mean less effort. */
  public static final EffortDirection DEFAULT_DIRECTION = EffortDirection.LOWER_IS_LESS_EFFORT;

  private final RatingHistogram histogram;
  private final EffortDirection direction;

  private Ces(RatingHistogram histogram, EffortDirection direction) {
    this.histogram = histogram;
    this.direction = direction;
  }

  /**
   * Returns the CES of ratings on the default 1..5 scale, lower meaning less effort.
   *
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @return the CES of ratings on the default 1..5 scale, lower meaning less effort
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its index
   */
  public static Ces of(int... ratings) {
    return of(DEFAULT_SCALE, DEFAULT_DIRECTION, ratings);
  }

  /**
   * Returns the CES of ratings on {@code scale}, read in {@code direction}.
   *
   * @param ratings the ratings; empty gives an empty value
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @return the CES of ratings on {@code scale}, read in {@code direction}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index
   */
  public static Ces of(RatingScale scale, EffortDirection direction, int... ratings) {
    CesAccumulator accumulator = new CesAccumulator(scale, direction);
    accumulator.addAll(ratings);
    return accumulator.snapshot();
  }

  /**
   * Returns the CES of byte ratings; otherwise as {@link #of(RatingScale, EffortDirection,
   * int...)}.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @return the CES of byte ratings; otherwise as {@link #of(RatingScale, EffortDirection, int...)}
   */
  public static Ces of(RatingScale scale, EffortDirection direction, byte[] ratings) {
    CesAccumulator accumulator = new CesAccumulator(scale, direction);
    accumulator.addAll(ratings);
    return accumulator.snapshot();
  }

  /**
   * Returns the CES of boxed ratings on {@code scale}.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @return the CES of boxed ratings on {@code scale}
   * @throws NullPointerException if an argument or a rating is null, naming the rating's index
   * @throws IllegalArgumentException at the first rating off the scale, naming it and its index
   */
  public static Ces of(RatingScale scale, EffortDirection direction, Iterable<Integer> ratings) {
    Objects.requireNonNull(direction, "direction");
    return new Ces(RatingCounter.ofIterable(scale, ratings), direction);
  }

  /**
   * Returns the CES of counted ratings: {@code counts[k]} ratings of {@code scale.min() + k}.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @param counts the count of each rating, from the scale's minimum up
   * @return the CES of counted ratings: {@code counts[k]} ratings of {@code scale.min() + k}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code counts} does not have one entry per scale point or a
   *     count is negative
   * @throws ArithmeticException if the total overflows a {@code long}
   */
  public static Ces ofCounts(RatingScale scale, EffortDirection direction, long... counts) {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(counts, "counts");
    return new Ces(RatingHistogram.ofCounts(scale, counts), direction);
  }

  /**
   * Returns the empty CES of a definition: the identity of {@link #merge} for it.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @return the empty CES of a definition: the identity of {@link #merge} for it
   * @throws NullPointerException if an argument is null
   */
  public static Ces empty(RatingScale scale, EffortDirection direction) {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(direction, "direction");
    return new Ces(RatingHistogram.empty(scale), direction);
  }

  static Ces of(RatingHistogram histogram, EffortDirection direction) {
    return new Ces(histogram, direction);
  }

  /**
   * A collector of boxed ratings on the default scale; unordered and safe on parallel streams.
   *
   * @return a collector of boxed ratings on the default scale; unordered and safe on parallel
   *     streams
   */
  public static Collector<Integer, ?, Ces> toCes() {
    return toCes(rating -> Objects.requireNonNull(rating, "rating"));
  }

  /**
   * A collector of items into the CES, on the default scale, of the ratings {@code rating} reads.
   *
   * @param <T> the type of the items
   * @param rating reads a rating from an item
   * @return a collector of items into the CES, on the default scale, of the ratings {@code rating}
   *     reads
   * @throws NullPointerException if {@code rating} is null
   */
  public static <T> Collector<T, ?, Ces> toCes(ToIntFunction<? super T> rating) {
    return toCes(DEFAULT_SCALE, DEFAULT_DIRECTION, rating);
  }

  /**
   * A collector of items into the CES, on {@code scale}, of the ratings {@code rating} reads;
   * unordered and safe on parallel streams.
   *
   * @param <T> the type of the items
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @param rating reads a rating from an item
   * @return a collector of items into the CES, on {@code scale}, of the ratings {@code rating}
   *     reads; unordered and safe on parallel streams
   * @throws NullPointerException if an argument is null
   */
  public static <T> Collector<T, ?, Ces> toCes(
      RatingScale scale, EffortDirection direction, ToIntFunction<? super T> rating) {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(rating, "rating");
    return Collector.of(
        () -> new CesAccumulator(scale, direction),
        (accumulator, item) -> accumulator.accept(rating.applyAsInt(item)),
        CesAccumulator::combine,
        CesAccumulator::snapshot,
        Collector.Characteristics.UNORDERED);
  }

  RatingHistogram histogram() {
    return histogram;
  }

  /** {@return the rating scale} */
  public RatingScale scale() {
    return histogram.scale();
  }

  /** {@return which end of the scale means less effort} */
  public EffortDirection direction() {
    return direction;
  }

  /** {@return the number of ratings {@code n}} */
  public long count() {
    return histogram.count();
  }

  /** {@return whether there are no ratings} */
  public boolean isEmpty() {
    return histogram.count() == 0;
  }

  /**
   * Returns the number of ratings equal to {@code rating}; 0 for a rating off the scale.
   *
   * @param rating a rating
   * @return the number of ratings equal to {@code rating}; 0 for a rating off the scale
   */
  public long countOf(int rating) {
    return histogram.countOf(rating);
  }

  /** {@return the count of every rating, from the scale's minimum up; a fresh array} */
  public long[] counts() {
    return histogram.counts();
  }

  /**
   * Returns the mean rating {@code sum(r_i) / n}: the CES, in scale points.
   *
   * @return a value in {@code [scale.min(), scale.max()]}
   * @throws IllegalStateException if the sample is empty
   */
  public double mean() {
    requireAtLeast(1);
    return histogram.mean();
  }

  /**
   * Returns the sample standard deviation {@code sqrt(sum((r_i - mean)^2) / (n - 1))}.
   *
   * @return the sample standard deviation {@code sqrt(sum((r_i - mean)^2) / (n - 1))}
   * @throws IllegalStateException if there are fewer than two ratings
   */
  public double standardDeviation() {
    requireAtLeast(2);
    return Math.sqrt(histogram.sampleVariance());
  }

  /**
   * Returns the standard error of the mean {@code s / sqrt(n)}, in scale points.
   *
   * @return the standard error of the mean {@code s / sqrt(n)}, in scale points
   * @throws IllegalStateException if there are fewer than two ratings
   */
  public double standardError() {
    return standardDeviation() / Math.sqrt(count());
  }

  /**
   * Returns the Student t interval {@code mean ± t * s / sqrt(n)}, {@code t} the two-sided critical
   * value of Student's t with {@code n - 1} degrees of freedom; in scale points, clipped to the
   * scale.
   *
   * @param level the confidence level, in (0, 1)
   * @return the Student t interval {@code mean ± t * s / sqrt(n)}, {@code t} the two-sided critical
   *     value of Student's t with {@code n - 1} degrees of freedom; in scale points, clipped to the
   *     scale
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if there are fewer than two ratings
   */
  public Interval confidenceInterval(double level) {
    double se = standardError();
    double half = Critical.t(level, count() - 1.0) * se;
    double mean = histogram.mean();
    return new Interval(
        Math.max(scale().min(), mean - half), Math.min(scale().max(), mean + half), level);
  }

  /**
   * Returns the percent of ratings strictly on the less-effort side of the scale midpoint: below it
   * for {@link EffortDirection#LOWER_IS_LESS_EFFORT}, above it otherwise. Ratings at the midpoint
   * of an odd-sized scale count as neither.
   *
   * @return a share in [0, 100]
   * @throws IllegalStateException if the sample is empty
   */
  public double lowEffortShare() {
    requireAtLeast(1);
    double midpoint = scale().midpoint();
    long low =
        direction == EffortDirection.LOWER_IS_LESS_EFFORT
            ? histogram.countBetween(scale().min(), (int) Math.ceil(midpoint) - 1)
            : histogram.countBetween((int) Math.floor(midpoint) + 1, scale().max());
    return 100.0 * low / count();
  }

  /**
   * Returns the value of both samples together.
   *
   * @param other another value of the same definition
   * @return the value of both samples together
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in scale or direction, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public Ces merge(Ces other) {
    Objects.requireNonNull(other, "other");
    if (!scale().equals(other.scale()) || direction != other.direction) {
      throw new IllegalArgumentException(
          "cannot merge " + definition() + " with " + other.definition());
    }
    return new Ces(histogram.merge(other.histogram), direction);
  }

  /**
   * Compares the mean ratings of two independent samples, in scale points: {@code difference =
   * a.mean() - b.mean()}, {@code SE = sqrt(SE_a^2 + SE_b^2)}, with a large-sample normal z test.
   *
   * @param a the first sample
   * @param b the second sample
   * @return the comparison, in the unit of the scores
   * @throws NullPointerException if {@code a} or {@code b} is null
   * @throws IllegalStateException if either sample has fewer than two ratings
   */
  public static Comparison compare(Ces a, Ces b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return Comparison.ofIndependent(a.mean(), a.standardError(), b.mean(), b.standardError());
  }

  private void requireAtLeast(long minimum) {
    if (count() < minimum) {
      throw new IllegalStateException(
          minimum == 1
              ? "CES is undefined for an empty sample"
              : "CES spread needs at least " + minimum + " ratings, not " + count());
    }
  }

  private String definition() {
    return definition(scale(), direction);
  }

  static String definition(RatingScale scale, EffortDirection direction) {
    return "CES on " + scale + " " + direction;
  }

  /**
   * Returns the encoding of this value: a 4-byte header (format version 1, metric id 4, two zero
   * bytes), then, little-endian, the scale's minimum and maximum and the direction (0 for lower is
   * less effort, 1 for higher) as 4-byte integers and the count of every rating from the minimum up
   * as 8-byte counts, and a 4-byte CRC-32C of all the bytes before it.
   *
   * @return a new array of {@code 20 + 8 * points} bytes
   */
  public byte[] toByteArray() {
    return histogram.encode(MetricId.CES, direction.ordinal());
  }

  /**
   * Reads a value written by {@link #toByteArray()}.
   *
   * @param bytes the encoding
   * @return the value
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not a CES encoding of this format version,
   *     is truncated or too long, or holds an invalid scale, direction or counts
   */
  public static Ces fromByteArray(byte[] bytes) {
    RatingHistogram.Decoded decoded = RatingHistogram.decode(bytes, MetricId.CES);
    EffortDirection[] directions = EffortDirection.values();
    if (decoded.definition() < 0 || decoded.definition() >= directions.length) {
      throw new IllegalArgumentException(
          "damaged CES encoding: direction " + decoded.definition() + " is neither 0 nor 1");
    }
    return new Ces(decoded.histogram(), directions[decoded.definition()]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ces other
        && direction == other.direction
        && histogram.equals(other.histogram);
  }

  @Override
  public int hashCode() {
    return 31 * histogram.hashCode() + direction.hashCode();
  }

  /** Returns e.g. {@code Ces[mean=2.5, n=10, scale=[1, 5], LOWER_IS_LESS_EFFORT]}. */
  @Override
  public String toString() {
    String rest = "n=" + count() + ", scale=" + scale() + ", " + direction;
    return isEmpty() ? "Ces[" + rest + "]" : "Ces[mean=" + mean() + ", " + rest + "]";
  }
}
