package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.internal.Histograms;
import io.github.cxmetrics.internal.Inputs;
import io.github.cxmetrics.internal.ValueRange;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * The Net Promoter Score of a sample of answers to "How likely is it that you would recommend us to
 * a friend or colleague?" on the 0 to 10 scale.
 *
 * <p>Definition (Reichheld 2003): answers 9 and 10 are <i>promoters</i> (P), 7 and 8
 * <i>passives</i>, 0 to 6 <i>detractors</i> (D); with {@code n} answers,
 *
 * <pre>NPS = 100 * (P - D) / n, in [-100, 100].</pre>
 *
 * <p>An {@code Nps} is an immutable value holding the three counts only; every score and statistic
 * is derived from them. Two values {@link #merge merge} into the value of the combined sample,
 * exactly, associatively and commutatively, with {@link #EMPTY} as identity.
 *
 * <p>Statistics, with {@code p = P / n} and {@code d = D / n}:
 *
 * <ul>
 *   <li>per-answer variance of the score on the -1/0/+1 scale {@code sigma^2 = p + d - (p - d)^2};
 *       standard error {@code SE = 100 * sqrt(sigma^2 / n)};
 *   <li>margin of error {@code z * SE}, with {@code z} the two-sided standard normal critical value
 *       of the level;
 *   <li>{@link #confidenceInterval adjusted Wald interval} (the default) and the plain {@link
 *       #waldInterval Wald interval};
 *   <li>{@link Comparison#of comparison} of two independent samples, by the adjusted-Wald test of
 *       Lewis and Sauro (2021): the difference of the adjusted scores over {@code sqrt(SE~_1^2 +
 *       SE~_2^2)}, whose standard error is never 0 (see {@link #testBasis()}).
 * </ul>
 *
 * <p>Empty samples: {@link #count()} and {@link #isEmpty()} work; every score and statistic throws
 * {@link IllegalStateException}, since the NPS of no answers is undefined (0 is a real NPS).
 *
 * <p>Units: {@link #score()}, {@link #standardError()}, margins, intervals and comparisons are in
 * NPS points ({@link Unit#NPS_POINTS}); {@link #promoterShare()} and {@link #detractorShare()} are
 * fractions in [0, 1].
 *
 * <p>References:
 *
 * <ul>
 *   <li>F. F. Reichheld, "The One Number You Need to Grow", Harvard Business Review 81(12), 2003,
 *       <a href="https://hbr.org/2003/12/the-one-number-you-need-to-grow">hbr.org</a>.
 *   <li>B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American Statistician
 *       70(4), 365-372, 2016, <a
 *       href="https://doi.org/10.1080/00031305.2016.1158124">doi:10.1080/00031305.2016.1158124</a>.
 *   <li>J. R. Lewis and J. Sauro, "How to Statistically Compare Two Net Promoter Scores",
 *       MeasuringU, 2021, <a
 *       href="https://measuringu.com/nps-significance-test/">measuringu.com/nps-significance-test</a>.
 * </ul>
 */
public final class Nps implements Estimate, Mergeable<Nps> {
  /** The lowest answer on the NPS scale. */
  public static final int MIN_RESPONSE = 0;

  /** The highest answer on the NPS scale. */
  public static final int MAX_RESPONSE = 10;

  /** The lowest promoter answer. */
  public static final int PROMOTER_FROM = 9;

  /** The lowest passive answer; answers below it are detractors. */
  public static final int PASSIVE_FROM = 7;

  /** The value of no answers: the identity of {@link #merge}. */
  public static final Nps EMPTY = new Nps(0, 0, 0);

  static final ValueRange SCALE = ValueRange.of("response", "the NPS scale [0, 10]");

  private final long promoters;
  private final long passives;
  private final long detractors;

  private Nps(long promoters, long passives, long detractors) {
    this.promoters = promoters;
    this.passives = passives;
    this.detractors = detractors;
  }

  /**
   * {@return the NPS of {@code responses}, each in 0..10}
   *
   * @param responses the answers; empty gives {@link #EMPTY}
   * @throws NullPointerException if {@code responses} is null
   * @throws IllegalArgumentException at the first answer outside 0..10, naming it and its index
   */
  public static Nps of(int... responses) {
    return fromAtLeast(count(responses), responses.length);
  }

  /**
   * {@return the NPS of {@code responses}, each byte read as a signed value in 0..10}
   *
   * @param responses the answers; empty gives {@link #EMPTY}
   * @throws NullPointerException if {@code responses} is null
   * @throws IllegalArgumentException at the first answer outside 0..10, naming it and its index
   */
  public static Nps of(byte[] responses) {
    return fromAtLeast(count(responses), responses.length);
  }

  /**
   * {@return the NPS of boxed answers, each in 0..10}
   *
   * @param responses the answers; empty gives {@link #EMPTY}
   * @throws NullPointerException if {@code responses} or one of its elements is null, naming the
   *     element's index
   * @throws IllegalArgumentException at the first answer outside 0..10, naming it and its index
   */
  public static Nps of(Iterable<Integer> responses) {
    NpsAccumulator accumulator = new NpsAccumulator();
    Inputs.forEachIndexed(responses, "responses", accumulator::accept);
    return accumulator.snapshot();
  }

  /**
   * {@return the NPS of the answers that {@code score} reads from each item}
   *
   * @param items the items, e.g. survey records; empty gives {@link #EMPTY}
   * @param score reads an answer in 0..10 from an item
   * @param <T> the type of the items
   * @throws NullPointerException if {@code items}, {@code score} or an item is null
   * @throws IllegalArgumentException at the first answer outside 0..10, naming it and its item's
   *     index
   */
  public static <T> Nps of(Iterable<T> items, ToIntFunction<? super T> score) {
    Objects.requireNonNull(score, "score");
    NpsAccumulator accumulator = new NpsAccumulator();
    Inputs.forEachIndexed(
        items, "items", (item, index) -> accumulator.accept(score.applyAsInt(item), index));
    return accumulator.snapshot();
  }

  /**
   * {@return the NPS of published or previously counted class sizes}
   *
   * @param promoters the number of promoters, {@code >= 0}
   * @param passives the number of passives, {@code >= 0}
   * @param detractors the number of detractors, {@code >= 0}
   * @throws IllegalArgumentException if a count is negative, naming it
   * @throws ArithmeticException if the total overflows a {@code long}
   */
  public static Nps ofCounts(long promoters, long passives, long detractors) {
    Checks.checkCount("promoters", promoters);
    Checks.checkCount("passives", passives);
    Checks.checkCount("detractors", detractors);
    long n =
        Checks.addCounts(
            "NPS count", Checks.addCounts("NPS count", promoters, passives), detractors);
    return n == 0 ? EMPTY : new Nps(promoters, passives, detractors);
  }

  /** Throws the exception for an answer outside 0..10 at {@code index}. */
  static void checkResponse(int response, long index) {
    if (response < MIN_RESPONSE || response > MAX_RESPONSE) {
      throw SCALE.outside(response, index);
    }
  }

  /** Validates and counts: promoters ({@code high}) and non-detractors ({@code low}). */
  static Histograms.AtLeast count(int[] responses) {
    return Histograms.countAtLeast(
        responses, MIN_RESPONSE, MAX_RESPONSE, PROMOTER_FROM, PASSIVE_FROM, "responses", SCALE);
  }

  /** As {@link #count(int[])} for byte answers. */
  static Histograms.AtLeast count(byte[] responses) {
    return Histograms.countAtLeast(
        responses, MIN_RESPONSE, MAX_RESPONSE, PROMOTER_FROM, PASSIVE_FROM, "responses", SCALE);
  }

  /** The NPS of {@code n} answers counted by {@link #count(int[])}. */
  static Nps fromAtLeast(Histograms.AtLeast counts, long n) {
    long promoters = counts.high();
    long nonDetractors = counts.low();
    return ofCounts(promoters, nonDetractors - promoters, n - nonDetractors);
  }

  /**
   * A collector of boxed answers into their NPS; unordered, and safe on parallel streams.
   *
   * @return a collector that fails with {@link IllegalArgumentException} on an answer outside
   *     0..10, naming it and its index among the answers its accumulator met (on a parallel stream,
   *     within one chunk: see {@link NpsAccumulator#accept}), and with {@link NullPointerException}
   *     on a null
   */
  public static Collector<Integer, ?, Nps> toNps() {
    return toNps(response -> Objects.requireNonNull(response, "response"));
  }

  /**
   * A collector of items into the NPS of the answers {@code score} reads from them; unordered, and
   * safe on parallel streams.
   *
   * @param score reads an answer in 0..10 from an item
   * @param <T> the type of the items
   * @return a collector of items into the NPS of the answers {@code score} reads from them;
   *     unordered, and safe on parallel streams; it fails on an answer outside 0..10 as {@link
   *     #toNps()} does
   * @throws NullPointerException if {@code score} is null
   */
  public static <T> Collector<T, ?, Nps> toNps(ToIntFunction<? super T> score) {
    Objects.requireNonNull(score, "score");
    return Collector.of(
        NpsAccumulator::new,
        (accumulator, item) -> accumulator.accept(score.applyAsInt(item)),
        NpsAccumulator::combine,
        NpsAccumulator::snapshot,
        Collector.Characteristics.UNORDERED);
  }

  /** {@return the number of promoters (answers 9 and 10)} */
  public long promoters() {
    return promoters;
  }

  /** {@return the number of passives (answers 7 and 8)} */
  public long passives() {
    return passives;
  }

  /** {@return the number of detractors (answers 0 to 6)} */
  public long detractors() {
    return detractors;
  }

  /** {@return the number of answers {@code n}; 0 for {@link #EMPTY}} */
  @Override
  public long count() {
    return promoters + passives + detractors;
  }

  /** {@return whether there are no answers} */
  @Override
  public boolean isEmpty() {
    return count() == 0;
  }

  /**
   * Returns {@code 100 * (P - D) / n}.
   *
   * @return the score in [-100, 100]
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public double score() {
    long n = nonEmptyCount();
    return 100.0 * (promoters - detractors) / n;
  }

  /**
   * Returns the share of promoters {@code p = P / n}.
   *
   * @return a fraction in [0, 1]
   * @throws IllegalStateException if the sample is empty
   */
  public double promoterShare() {
    return (double) promoters / nonEmptyCount();
  }

  /**
   * Returns the share of detractors {@code d = D / n}.
   *
   * @return a fraction in [0, 1]
   * @throws IllegalStateException if the sample is empty
   */
  public double detractorShare() {
    return (double) detractors / nonEmptyCount();
  }

  /**
   * Returns the standard error of the score in NPS points, {@code 100 * sqrt((p + d - (p - d)^2) /
   * n)} (Rocks 2016, eq. for the variance of a difference of two multinomial proportions). It is 0
   * when all answers fall in one class.
   *
   * @return the standard error in NPS points, {@code >= 0}
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public double standardError() {
    double n = nonEmptyCount();
    return 100 * NpsIntervals.standardError(promoters / n, detractors / n, n);
  }

  /**
   * Returns the adjusted Wald interval for the NPS (Rocks 2016): add 3/4 of a pseudo-answer to the
   * promoters and to the detractors and 3/2 to the passives, so {@code n~ = n + 3}, {@code p~ = (P
   * + 3/4) / n~}, {@code d~ = (D + 3/4) / n~}; then
   *
   * <pre>100 * [(p~ - d~) ± z * sqrt((p~ + d~ - (p~ - d~)^2) / n~)]</pre>
   *
   * clipped to [-100, 100]. This is the default interval: its coverage is close to the nominal
   * level even for small samples and scores near the ends of the scale, where the Wald interval
   * collapses to a point. Its centre is the adjusted estimate, so for very small samples at low
   * levels it may exclude the raw {@link #score()}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval in NPS points
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public Interval confidenceInterval(double level) {
    Checks.checkLevel(level);
    nonEmptyCount();
    return NpsIntervals.adjustedWald(promoters, detractors, count(), level);
  }

  /**
   * Returns the Wald interval {@code score ± z * SE}, clipped to [-100, 100]. It collapses to a
   * point when all answers fall in one class; prefer {@link #confidenceInterval}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the interval in NPS points, always containing {@link #score()}
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if the sample is empty
   */
  public Interval waldInterval(double level) {
    Checks.checkLevel(level);
    double n = nonEmptyCount();
    return NpsIntervals.wald(score(), promoters / n, detractors / n, n, level);
  }

  /**
   * {@return the value of both samples together: the counts added}
   *
   * @param other another NPS
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public Nps merge(Nps other) {
    Objects.requireNonNull(other, "other");
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return ofCounts(
        Checks.addCounts("promoters", promoters, other.promoters),
        Checks.addCounts("passives", passives, other.passives),
        Checks.addCounts("detractors", detractors, other.detractors));
  }

  /** {@return {@link Unit#NPS_POINTS}} */
  @Override
  public Unit unit() {
    return Unit.NPS_POINTS;
  }

  /**
   * Returns the adjusted-Wald test basis of Lewis and Sauro (2021), in NPS points: the score of the
   * counts with Rocks' pseudo-counts ({@code +3/4} promoter, {@code +3/2} passive, {@code +3/4}
   * detractor), {@code 100 (p~ - d~)}, and its standard error {@code 100 sqrt((p~ + d~ - (p~ -
   * d~)^2) / (n + 3))}, which is never 0. {@link Comparison#of} tests the difference of two NPS on
   * it, so that {@code Nps.of(10)} against {@code Nps.of(0)} is not significant.
   *
   * @return the test basis, in NPS points
   * @throws IllegalStateException if the sample is empty
   */
  @Override
  public TestBasis testBasis() {
    return NpsIntervals.testBasis(promoters, detractors, nonEmptyCount());
  }

  private long nonEmptyCount() {
    long n = count();
    if (n == 0) {
      throw new IllegalStateException("NPS is undefined for an empty sample");
    }
    return n;
  }

  /**
   * Returns the encoding of this value: a 4-byte header (format version 2, metric id 1, two zero
   * bytes), then the promoters, passives and detractors as three 8-byte little-endian counts (then
   * a 4-byte CRC-32C of all the bytes before it: 32 bytes in all).
   *
   * @return a new array of 32 bytes
   */
  public byte[] toByteArray() {
    return Encoding.ofCounts(MetricId.NPS, promoters, passives, detractors);
  }

  /**
   * Reads a value written by {@link #toByteArray()}.
   *
   * @param bytes the encoding
   * @return the value
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not an NPS encoding of this format
   *     version, is truncated or too long, or holds negative or overflowing counts
   */
  public static Nps fromByteArray(byte[] bytes) {
    long[] c = Encoding.readCounts(bytes, MetricId.NPS, "promoters", "passives", "detractors");
    try {
      return ofCounts(c[0], c[1], c[2]);
    } catch (ArithmeticException e) {
      throw Encoding.invalid(MetricId.NPS, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nps other
        && promoters == other.promoters
        && passives == other.passives
        && detractors == other.detractors;
  }

  @Override
  public int hashCode() {
    return Objects.hash(promoters, passives, detractors);
  }

  /** Returns e.g. {@code Nps[score=20.0, n=10, promoters=4, passives=4, detractors=2]}. */
  @Override
  public String toString() {
    String counts =
        "n="
            + count()
            + ", promoters="
            + promoters
            + ", passives="
            + passives
            + ", detractors="
            + detractors;
    return isEmpty() ? "Nps[" + counts + "]" : "Nps[score=" + score() + ", " + counts + "]";
  }
}
