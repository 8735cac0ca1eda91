package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.internal.Proportions;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * Customer Satisfaction (CSAT) of a sample of ratings on a {@link RatingScale}.
 *
 * <p>Definition: a rating is <i>satisfied</i> when it is at least {@code satisfiedFrom} (the "top
 * boxes"); with {@code S} satisfied ratings out of {@code n},
 *
 * <pre>CSAT = 100 * S / n, in [0, 100] percent.</pre>
 *
 * The default definition is the 1 to 5 scale with 4 and 5 satisfied (top-two-box). The value also
 * gives the mean rating.
 *
 * <p>A {@code Csat} is an immutable value holding the count of every rating on its scale, from
 * which each statistic is derived; values of the same scale and threshold {@link #merge merge}
 * exactly. Values of different definitions refuse to merge.
 *
 * <p>Empty samples: {@link #count()} and {@link #isEmpty()} work; every score and statistic throws
 * {@link IllegalStateException}.
 *
 * <p>References: E. B. Wilson, "Probable Inference, the Law of Succession, and Statistical
 * Inference", Journal of the American Statistical Association 22(158), 209-212, 1927 (the score
 * interval). A. Agresti and B. A. Coull, "Approximate Is Better than 'Exact' for Interval
 * Estimation of Binomial Proportions", The American Statistician 52(2), 119-126, 1998.
 */
public final class Csat {
  /** The default scale, 1 to 5. */
  public static final RatingScale DEFAULT_SCALE = RatingScale.ONE_TO_FIVE;

  /** The default lowest satisfied rating on the default scale: 4 (top-two-box). */
  public static final int DEFAULT_SATISFIED_FROM = 4;

  private final RatingHistogram histogram;
  private final int satisfiedFrom;

  private Csat(RatingHistogram histogram, int satisfiedFrom) {
    this.histogram = histogram;
    this.satisfiedFrom = satisfiedFrom;
  }

  static int checkThreshold(RatingScale scale, int satisfiedFrom) {
    Objects.requireNonNull(scale, "scale");
    if (satisfiedFrom <= scale.min() || satisfiedFrom > scale.max()) {
      throw new IllegalArgumentException(
          "satisfiedFrom ("
              + satisfiedFrom
              + ") must be in ("
              + scale.min()
              + ", "
              + scale.max()
              + "] for the rating scale "
              + scale);
    }
    return satisfiedFrom;
  }

  /**
   * Returns the CSAT of ratings on the default 1..5 scale, 4 and 5 satisfied.
   *
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @return the CSAT of ratings on the default 1..5 scale, 4 and 5 satisfied
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its index
   */
  public static Csat of(int... ratings) {
    return of(DEFAULT_SCALE, DEFAULT_SATISFIED_FROM, ratings);
  }

  /**
   * Returns the CSAT of ratings on {@code scale}, those {@code >= satisfiedFrom} satisfied.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @param ratings the ratings; empty gives an empty value
   * @return the CSAT of ratings on {@code scale}, those {@code >= satisfiedFrom} satisfied
   * @throws NullPointerException if {@code scale} or {@code ratings} is null
   * @throws IllegalArgumentException if {@code satisfiedFrom} is not above the scale's minimum and
   *     on the scale, or at the first rating outside the scale, naming it and its index
   */
  public static Csat of(RatingScale scale, int satisfiedFrom, int... ratings) {
    checkThreshold(scale, satisfiedFrom);
    CsatAccumulator accumulator = new CsatAccumulator(scale, satisfiedFrom);
    accumulator.addAll(ratings);
    return accumulator.snapshot();
  }

  /**
   * Returns the CSAT of byte ratings on {@code scale}; otherwise as {@link #of(RatingScale, int,
   * int...)}.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @return the CSAT of byte ratings on {@code scale}; otherwise as {@link #of(RatingScale, int,
   *     int...)}
   */
  public static Csat of(RatingScale scale, int satisfiedFrom, byte[] ratings) {
    checkThreshold(scale, satisfiedFrom);
    CsatAccumulator accumulator = new CsatAccumulator(scale, satisfiedFrom);
    accumulator.addAll(ratings);
    return accumulator.snapshot();
  }

  /**
   * Returns the CSAT of boxed ratings on {@code scale}.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @param ratings the ratings, each on the scale; empty gives an empty value
   * @return the CSAT of boxed ratings on {@code scale}
   * @throws NullPointerException if an argument or a rating is null, naming the rating's index
   * @throws IllegalArgumentException as {@link #of(RatingScale, int, int...)}
   */
  public static Csat of(RatingScale scale, int satisfiedFrom, Iterable<Integer> ratings) {
    checkThreshold(scale, satisfiedFrom);
    return new Csat(RatingCounter.ofIterable(scale, ratings), satisfiedFrom);
  }

  /**
   * Returns the CSAT of counted ratings: {@code counts[k]} ratings of {@code scale.min() + k}.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @param counts the count of each rating, from the scale's minimum up
   * @return the CSAT of counted ratings: {@code counts[k]} ratings of {@code scale.min() + k}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code counts} does not have one entry per scale point, a
   *     count is negative, or {@code satisfiedFrom} is invalid
   * @throws ArithmeticException if the total overflows a {@code long}
   */
  public static Csat ofCounts(RatingScale scale, int satisfiedFrom, long... counts) {
    checkThreshold(scale, satisfiedFrom);
    Objects.requireNonNull(counts, "counts");
    return new Csat(RatingHistogram.ofCounts(scale, counts), satisfiedFrom);
  }

  /**
   * Returns the empty CSAT of a definition: the identity of {@link #merge} for it.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @return the empty CSAT of a definition: the identity of {@link #merge} for it
   * @throws NullPointerException if {@code scale} is null
   * @throws IllegalArgumentException if {@code satisfiedFrom} is invalid for {@code scale}
   */
  public static Csat empty(RatingScale scale, int satisfiedFrom) {
    checkThreshold(scale, satisfiedFrom);
    return new Csat(RatingHistogram.empty(scale), satisfiedFrom);
  }

  static Csat of(RatingHistogram histogram, int satisfiedFrom) {
    return new Csat(histogram, satisfiedFrom);
  }

  /**
   * A collector of boxed ratings on the default scale; unordered and safe on parallel streams.
   *
   * @return a collector of boxed ratings on the default scale; unordered and safe on parallel
   *     streams
   */
  public static Collector<Integer, ?, Csat> toCsat() {
    return toCsat(rating -> Objects.requireNonNull(rating, "rating"));
  }

  /**
   * A collector of items into the CSAT, on the default scale, of the ratings {@code rating} reads.
   *
   * @param <T> the type of the items
   * @param rating reads a rating from an item
   * @return a collector of items into the CSAT, on the default scale, of the ratings {@code rating}
   *     reads
   * @throws NullPointerException if {@code rating} is null
   */
  public static <T> Collector<T, ?, Csat> toCsat(ToIntFunction<? super T> rating) {
    return toCsat(DEFAULT_SCALE, DEFAULT_SATISFIED_FROM, rating);
  }

  /**
   * A collector of items into the CSAT, on {@code scale}, of the ratings {@code rating} reads;
   * unordered and safe on parallel streams.
   *
   * @param <T> the type of the items
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @param rating reads a rating from an item
   * @return a collector of items into the CSAT, on {@code scale}, of the ratings {@code rating}
   *     reads; unordered and safe on parallel streams
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code satisfiedFrom} is invalid for {@code scale}
   */
  public static <T> Collector<T, ?, Csat> toCsat(
      RatingScale scale, int satisfiedFrom, ToIntFunction<? super T> rating) {
    checkThreshold(scale, satisfiedFrom);
    Objects.requireNonNull(rating, "rating");
    return Collector.of(
        () -> new CsatAccumulator(scale, satisfiedFrom),
        (accumulator, item) -> accumulator.accept(rating.applyAsInt(item)),
        CsatAccumulator::combine,
        CsatAccumulator::snapshot,
        Collector.Characteristics.UNORDERED);
  }

  RatingHistogram histogram() {
    return histogram;
  }

  /** {@return the rating scale} */
  public RatingScale scale() {
    return histogram.scale();
  }

  /** {@return the lowest satisfied rating} */
  public int satisfiedFrom() {
    return satisfiedFrom;
  }

  /** {@return the number of ratings {@code n}} */
  public long count() {
    return histogram.count();
  }

  /** {@return whether there are no ratings} */
  public boolean isEmpty() {
    return histogram.count() == 0;
  }

  /** {@return the number of satisfied ratings {@code S}} */
  public long satisfied() {
    return histogram.countBetween(satisfiedFrom, histogram.scale().max());
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
   * Returns {@code 100 * S / n}, the percent of satisfied ratings.
   *
   * @return the score in [0, 100]
   * @throws IllegalStateException if the sample is empty
   */
  public double score() {
    return 100.0 * satisfied() / nonEmptyCount();
  }

  /**
   * Returns the mean rating {@code sum(r_i) / n}, in scale points.
   *
   * @return the mean rating {@code sum(r_i) / n}, in scale points
   * @throws IllegalStateException if the sample is empty
   */
  public double mean() {
    nonEmptyCount();
    return histogram.mean();
  }

  /**
   * Returns the standard error of the score, {@code 100 * sqrt(p * (1 - p) / n)} with {@code p = S
   * / n}, in percent; 0 when all or none are satisfied.
   *
   * @return the standard error of the score, {@code 100 * sqrt(p * (1 - p) / n)} with {@code p = S
   *     / n}, in percent; 0 when all or none are satisfied
   * @throws IllegalStateException if the sample is empty
   */
  public double standardError() {
    return 100 * Proportions.standardError(satisfied(), nonEmptyCount());
  }

  /**
   * Returns the Wilson score interval for the share of satisfied ratings (Wilson 1927), in percent:
   * with {@code p = S / n} and {@code z} the two-sided normal critical value,
   *
   * <pre>
   * centre = (p + z^2 / (2n)) / (1 + z^2 / n)
   * half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / (4 n^2))
   * </pre>
   *
   * The interval lies within [0, 100] and never collapses to a point, even when {@code p} is 0 or 1
   * (Agresti and Coull 1998 recommend it over the Wald interval).
   *
   * @param level the confidence level, in (0, 1)
   * @return the Wilson score interval, in percent
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if the sample is empty
   */
  public Interval confidenceInterval(double level) {
    Interval share = Proportions.wilson(satisfied(), nonEmptyCount(), level);
    return new Interval(100 * share.lower(), 100 * share.upper(), level);
  }

  /**
   * Returns the value of both samples together.
   *
   * @param other another value of the same definition
   * @return the value of both samples together
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two differ in scale or threshold, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public Csat merge(Csat other) {
    Objects.requireNonNull(other, "other");
    if (!scale().equals(other.scale()) || satisfiedFrom != other.satisfiedFrom) {
      throw new IllegalArgumentException(
          "cannot merge " + definition() + " with " + other.definition());
    }
    return new Csat(histogram.merge(other.histogram), satisfiedFrom);
  }

  /**
   * Compares the scores of two independent samples, in percentage points: {@code difference =
   * a.score() - b.score()}, {@code SE = sqrt(SE_a^2 + SE_b^2)} (the unpooled two-proportion z
   * test). The two may have different definitions; comparing them is then the caller's call.
   *
   * @param a the first sample
   * @param b the second sample
   * @return the comparison, in the unit of the scores
   * @throws NullPointerException if {@code a} or {@code b} is null
   * @throws IllegalStateException if either sample is empty
   */
  public static Comparison compare(Csat a, Csat b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return Comparison.ofIndependent(a.score(), a.standardError(), b.score(), b.standardError());
  }

  private long nonEmptyCount() {
    long n = histogram.count();
    if (n == 0) {
      throw new IllegalStateException("CSAT is undefined for an empty sample");
    }
    return n;
  }

  private String definition() {
    return definition(scale(), satisfiedFrom);
  }

  static String definition(RatingScale scale, int satisfiedFrom) {
    return "CSAT on " + scale + " satisfied from " + satisfiedFrom;
  }

  /**
   * Returns the encoding of this value: a 4-byte header (format version 1, metric id 3, two zero
   * bytes), then, little-endian, the scale's minimum and maximum and {@code satisfiedFrom} as
   * 4-byte integers and the count of every rating from the minimum up as 8-byte counts, and a
   * 4-byte CRC-32C of all the bytes before it.
   *
   * @return a new array of {@code 20 + 8 * points} bytes
   */
  public byte[] toByteArray() {
    return histogram.encode(MetricId.CSAT, satisfiedFrom);
  }

  /**
   * Reads a value written by {@link #toByteArray()}.
   *
   * @param bytes the encoding
   * @return the value
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not a CSAT encoding of this format
   *     version, is truncated or too long, or holds an invalid scale, threshold or counts
   */
  public static Csat fromByteArray(byte[] bytes) {
    RatingHistogram.Decoded decoded = RatingHistogram.decode(bytes, MetricId.CSAT);
    try {
      checkThreshold(decoded.histogram().scale(), decoded.definition());
    } catch (IllegalArgumentException e) {
      throw Encoding.invalid(MetricId.CSAT, e);
    }
    return new Csat(decoded.histogram(), decoded.definition());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Csat other
        && satisfiedFrom == other.satisfiedFrom
        && histogram.equals(other.histogram);
  }

  @Override
  public int hashCode() {
    return 31 * histogram.hashCode() + satisfiedFrom;
  }

  /** Returns e.g. {@code Csat[score=70.0, n=10, scale=[1, 5], satisfiedFrom=4]}. */
  @Override
  public String toString() {
    String rest = "n=" + count() + ", scale=" + scale() + ", satisfiedFrom=" + satisfiedFrom;
    return isEmpty() ? "Csat[" + rest + "]" : "Csat[score=" + score() + ", " + rest + "]";
  }
}
