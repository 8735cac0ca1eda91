package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * Customer Effort Score (CES) of a sample of ratings on a {@link RatingScale}.
 *
 * <p>Definition: the score is the mean rating {@code sum(r_i) / n}, in points of the rating scale,
 * read in the definition's {@link EffortDirection}: by default ({@link #DEFAULT}, the original CES
 * of Dixon, Freeman &amp; Toman 2010, 1 to 5) lower means less effort; {@link
 * #definition(RatingScale, EffortDirection)} makes any other. The value also gives the share of
 * low-effort ratings, those strictly on the less-effort side of the scale midpoint.
 *
 * <p>A {@code Ces} is an immutable value holding the count of every rating on its scale; values of
 * the same definition {@link #merge merge} exactly, and values of different definitions refuse to,
 * naming both.
 *
 * <p>Statistics: sample standard deviation {@code s = sqrt(sum((r_i - mean)^2) / (n - 1))},
 * standard error {@code s / sqrt(n)} and the Student t interval {@code mean ± t(n-1) * s / sqrt(n)}
 * (Student 1908), which need {@code n >= 2}; {@link Comparison#of} tests the difference of two
 * means with the large-sample z test on these standard errors. Units: the score, standard errors,
 * margins, intervals and comparisons are in points of the rating scale ({@link #unit()}); {@link
 * #lowEffortShare()} is a fraction.
 *
 * <p>Empty samples: {@link #count()} and {@link #isEmpty()} work; every score and statistic throws
 * {@link IllegalStateException}.
 *
 * <p>References: M. Dixon, K. Freeman and N. Toman, "Stop Trying to Delight Your Customers",
 * Harvard Business Review 88(7/8), 2010, <a
 * href="https://hbr.org/2010/07/stop-trying-to-delight-your-customers">hbr.org</a>. Student, "The
 * Probable Error of a Mean", Biometrika 6(1), 1-25, 1908, <a
 * href="https://doi.org/10.1093/biomet/6.1.1">doi:10.1093/biomet/6.1.1</a>.
 */
public final class Ces extends RatingValue<Ces> {
  /** The default scale, 1 to 5. */
  public static final RatingScale DEFAULT_SCALE = RatingScale.ONE_TO_FIVE;

  /** The default direction: lower ratings mean less effort. */
  public static final EffortDirection DEFAULT_DIRECTION = EffortDirection.LOWER_IS_LESS_EFFORT;

  /** The default definition: the 1 to 5 scale, lower meaning less effort. */
  public static final CesDefinition DEFAULT = new CesDefinition(DEFAULT_SCALE, DEFAULT_DIRECTION);

  private final CesDefinition definition;

  Ces(CesDefinition definition, RatingHistogram histogram) {
    super(histogram);
    this.definition = definition;
  }

  /**
   * Returns the definition of CES on {@code scale} read in {@code direction}, which makes values,
   * accumulators and collectors.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @return the definition
   * @throws NullPointerException if an argument is null
   */
  public static CesDefinition definition(RatingScale scale, EffortDirection direction) {
    return new CesDefinition(scale, direction);
  }

  /**
   * Returns the CES of ratings under the {@link #DEFAULT default definition}.
   *
   * @param ratings the ratings, each in 1..5; empty gives an empty value
   * @return the value
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its index
   */
  public static Ces of(int... ratings) {
    return DEFAULT.of(ratings);
  }

  /**
   * Returns the CES of boxed ratings under the {@link #DEFAULT default definition}.
   *
   * @param ratings the ratings, each in 1..5; empty gives an empty value
   * @return the value
   * @throws NullPointerException if {@code ratings} or one of them is null, naming its index
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its index
   */
  public static Ces of(Iterable<Integer> ratings) {
    return DEFAULT.of(ratings);
  }

  /**
   * Returns the CES, under the {@link #DEFAULT default definition}, of the ratings {@code rating}
   * reads from each item.
   *
   * @param <T> the type of the items
   * @param items the items; empty gives an empty value
   * @param rating reads a rating in 1..5 from an item
   * @return the value
   * @throws NullPointerException if {@code items}, {@code rating} or an item is null
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its item's
   *     index
   */
  public static <T> Ces of(Iterable<T> items, ToIntFunction<? super T> rating) {
    return DEFAULT.of(items, rating);
  }

  /**
   * A collector of boxed ratings under the default definition; unordered and safe on parallel
   * streams.
   *
   * @return a collector that fails like {@link CesAccumulator#accept} on a rating off the scale,
   *     and with a {@link NullPointerException} on a null rating
   */
  public static Collector<Integer, ?, Ces> toCes() {
    return DEFAULT.toCes(rating -> Objects.requireNonNull(rating, "rating"));
  }

  /**
   * A collector of items into the CES, under the default definition, of the ratings {@code rating}
   * reads; unordered and safe on parallel streams.
   *
   * @param <T> the type of the items
   * @param rating reads a rating from an item
   * @return the collector of {@link CesDefinition#toCes(ToIntFunction)}
   * @throws NullPointerException if {@code rating} is null
   */
  public static <T> Collector<T, ?, Ces> toCes(ToIntFunction<? super T> rating) {
    return DEFAULT.toCes(rating);
  }

  /** {@return the definition: scale and direction} */
  @Override
  public CesDefinition definition() {
    return definition;
  }

  /** {@return which end of the scale means less effort} */
  public EffortDirection direction() {
    return definition.direction();
  }

  /**
   * Returns the CES, the mean rating {@code sum(r_i) / n}, in points of the rating scale; the same
   * as {@link #mean()}.
   *
   * @return a value in {@code [scale().min(), scale().max()]}
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public double score() {
    return mean();
  }

  /**
   * Returns the sample standard deviation {@code sqrt(sum((r_i - mean)^2) / (n - 1))}, in points of
   * the rating scale.
   *
   * @return the standard deviation, {@code >= 0}
   * @throws IllegalStateException if there are fewer than two ratings
   */
  public double standardDeviation() {
    requireAtLeast(2);
    return Math.sqrt(histogram().sampleVariance());
  }

  /**
   * Returns the standard error of the mean {@code s / sqrt(n)}, in points of the rating scale.
   *
   * @return the standard error, {@code >= 0}
   * @throws IllegalStateException if there are fewer than two ratings
   */
  @Override
  public double standardError() {
    return standardDeviation() / Math.sqrt(count());
  }

  /**
   * Returns the Student t interval {@code mean ± t * s / sqrt(n)}, {@code t} the two-sided critical
   * value of Student's t with {@code n - 1} degrees of freedom, clipped to the scale.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, in points of the rating scale
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), checked first
   * @throws IllegalStateException if there are fewer than two ratings
   */
  @Override
  public Interval confidenceInterval(double level) {
    Checks.checkLevel(level);
    double se = standardError();
    double half = Critical.t(level, count() - 1.0) * se;
    double mean = histogram().mean();
    return new Interval(
        Math.max(scale().min(), mean - half), Math.min(scale().max(), mean + half), level, unit());
  }

  /**
   * {@return the points of this value's rating scale, e.g. {@code points of the rating scale [1,
   * 5]}}
   */
  @Override
  public Unit unit() {
    return new Unit("points of the rating scale " + scale());
  }

  /**
   * Returns the mean and its standard error {@code s / sqrt(n)}, unadjusted, in points of the
   * rating scale.
   *
   * @return the test basis
   * @throws IllegalStateException if there are fewer than two ratings
   */
  @Override
  public TestBasis testBasis() {
    return new TestBasis(mean(), standardError());
  }

  /**
   * Returns the share of ratings strictly on the less-effort side of the scale midpoint: below it
   * for {@link EffortDirection#LOWER_IS_LESS_EFFORT}, above it otherwise. Ratings at the midpoint
   * of an odd-sized scale count as neither.
   *
   * @return a fraction in [0, 1]
   * @throws IllegalStateException if the sample is empty
   */
  public double lowEffortShare() {
    long n = requireAtLeast(1);
    double midpoint = scale().midpoint();
    long low =
        direction() == EffortDirection.LOWER_IS_LESS_EFFORT
            ? histogram().countBetween(scale().min(), (int) Math.ceil(midpoint) - 1)
            : histogram().countBetween((int) Math.floor(midpoint) + 1, scale().max());
    return (double) low / n;
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
    return decode(
        bytes, MetricId.CES, (scale, code) -> definition(scale, EffortDirection.ofCode(code)));
  }
}
