package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
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
 * The default definition ({@link #DEFAULT}) is the 1 to 5 scale with 4 and 5 satisfied
 * (top-two-box); {@link #definition(RatingScale, int)} makes any other, e.g. {@code
 * Csat.definition(RatingScale.ONE_TO_SEVEN, 6).of(ratings)}. The value also gives the mean rating.
 *
 * <p>A {@code Csat} is an immutable value holding the count of every rating on its scale, from
 * which each statistic is derived; values of the same definition {@link #merge merge} exactly, and
 * values of different definitions refuse to, naming both.
 *
 * <p>Statistics, with {@code p = S / n}: standard error {@code 100 sqrt(p (1 - p) / n)}, the Wilson
 * score interval (the default), and the Agresti-Caffo test of the difference of two CSAT scores
 * through {@link Comparison#of} (see {@link Proportion}). Units: {@link #score()}, standard errors,
 * margins, intervals and comparisons are in percent ({@link Unit#PERCENT}); {@link #mean()} is in
 * points of the rating scale.
 *
 * <p>Empty samples: {@link #count()} and {@link #isEmpty()} work; every score and statistic throws
 * {@link IllegalStateException}.
 *
 * <p>References: E. B. Wilson, "Probable Inference, the Law of Succession, and Statistical
 * Inference", JASA 22(158), 209-212, 1927, <a
 * href="https://doi.org/10.1080/01621459.1927.10502953">doi:10.1080/01621459.1927.10502953</a>. A.
 * Agresti and B. Caffo, The American Statistician 54(4), 280-288, 2000, <a
 * href="https://doi.org/10.1080/00031305.2000.10474560">doi:10.1080/00031305.2000.10474560</a>.
 */
public final class Csat extends RatingValue<Csat> {
  /** The default scale, 1 to 5. */
  public static final RatingScale DEFAULT_SCALE = RatingScale.ONE_TO_FIVE;

  /** The default lowest satisfied rating on the default scale: 4 (top-two-box). */
  public static final int DEFAULT_SATISFIED_FROM = 4;

  /** The default definition: the 1 to 5 scale, 4 and 5 satisfied. */
  public static final CsatDefinition DEFAULT =
      new CsatDefinition(DEFAULT_SCALE, DEFAULT_SATISFIED_FROM);

  private final CsatDefinition definition;

  Csat(CsatDefinition definition, RatingHistogram histogram) {
    super(histogram);
    this.definition = definition;
  }

  /**
   * Returns the definition of CSAT on {@code scale} with ratings from {@code satisfiedFrom} up
   * satisfied, which makes values, accumulators and collectors.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating, in {@code (scale.min(), scale.max()]}
   * @return the definition
   * @throws NullPointerException if {@code scale} is null
   * @throws IllegalArgumentException if {@code satisfiedFrom} is not above the scale's minimum and
   *     on the scale, naming it and the scale
   */
  public static CsatDefinition definition(RatingScale scale, int satisfiedFrom) {
    return new CsatDefinition(scale, satisfiedFrom);
  }

  /**
   * Returns the CSAT of ratings under the {@link #DEFAULT default definition}.
   *
   * @param ratings the ratings, each in 1..5; empty gives an empty value
   * @return the value
   * @throws NullPointerException if {@code ratings} is null
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its index
   */
  public static Csat of(int... ratings) {
    return DEFAULT.of(ratings);
  }

  /**
   * Returns the CSAT of boxed ratings under the {@link #DEFAULT default definition}.
   *
   * @param ratings the ratings, each in 1..5; empty gives an empty value
   * @return the value
   * @throws NullPointerException if {@code ratings} or one of them is null, naming its index
   * @throws IllegalArgumentException at the first rating outside 1..5, naming it and its index
   */
  public static Csat of(Iterable<Integer> ratings) {
    return DEFAULT.of(ratings);
  }

  /**
   * Returns the CSAT, under the {@link #DEFAULT default definition}, of the ratings {@code rating}
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
  public static <T> Csat of(Iterable<T> items, ToIntFunction<? super T> rating) {
    return DEFAULT.of(items, rating);
  }

  /**
   * A collector of boxed ratings under the default definition; unordered and safe on parallel
   * streams.
   *
   * @return a collector that fails like {@link CsatAccumulator#accept} on a rating off the scale,
   *     and with a {@link NullPointerException} on a null rating
   */
  public static Collector<Integer, ?, Csat> toCsat() {
    return DEFAULT.toCsat(rating -> Objects.requireNonNull(rating, "rating"));
  }

  /**
   * A collector of items into the CSAT, under the default definition, of the ratings {@code rating}
   * reads; unordered and safe on parallel streams.
   *
   * @param <T> the type of the items
   * @param rating reads a rating from an item
   * @return the collector of {@link CsatDefinition#toCsat(ToIntFunction)}
   * @throws NullPointerException if {@code rating} is null
   */
  public static <T> Collector<T, ?, Csat> toCsat(ToIntFunction<? super T> rating) {
    return DEFAULT.toCsat(rating);
  }

  /** {@return the definition: scale and lowest satisfied rating} */
  @Override
  public CsatDefinition definition() {
    return definition;
  }

  /** {@return the lowest satisfied rating} */
  public int satisfiedFrom() {
    return definition.satisfiedFrom();
  }

  /** {@return the number of satisfied ratings {@code S}} */
  public long satisfied() {
    return histogram().countBetween(definition.satisfiedFrom(), scale().max());
  }

  private Proportion share() {
    return Proportion.of(satisfied(), requireAtLeast(1));
  }

  /**
   * Returns {@code 100 * S / n}, the percent of satisfied ratings.
   *
   * @return the score in [0, 100] percent
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public double score() {
    return 100.0 * satisfied() / requireAtLeast(1);
  }

  /**
   * Returns the standard error of the score, {@code 100 * sqrt(p * (1 - p) / n)} with {@code p = S
   * / n}, in percent; 0 when all or none are satisfied.
   *
   * @return the standard error, in percent, {@code >= 0}
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public double standardError() {
    return 100 * share().standardError();
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
   * The interval lies within [0, 100] and never collapses to a point, even when {@code p} is 0 or
   * 1.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval, in percent
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), checked first
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public Interval confidenceInterval(double level) {
    Checks.checkLevel(level);
    return share().confidenceInterval(level).scaled(100, Unit.PERCENT);
  }

  /** {@return {@link Unit#PERCENT}} */
  @Override
  public Unit unit() {
    return Unit.PERCENT;
  }

  /**
   * Returns the Agresti-Caffo test basis in percent: {@code 100 (S + 1) / (n + 2)} and its standard
   * error {@code 100 sqrt(p~ (1 - p~) / (n + 2))}, never 0 (see {@link Proportion#testBasis()}).
   *
   * @return the test basis, in percent
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public TestBasis testBasis() {
    TestBasis fraction = share().testBasis();
    return new TestBasis(100 * fraction.estimate(), 100 * fraction.standardError());
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
    return decode(bytes, MetricId.CSAT, Csat::definition);
  }
}
