package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Encoding.MetricId;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * A validated definition of Customer Satisfaction: a {@link RatingScale} and the lowest satisfied
 * rating. It makes {@link Csat} values, accumulators and collectors of that definition:
 *
 * <pre>{@code
 * CsatDefinition topTwoOfSeven = Csat.definition(RatingScale.ONE_TO_SEVEN, 6);
 * Csat csat = topTwoOfSeven.of(7, 6, 5, 7, 2);
 * Csat fromRecords = surveys.stream().collect(topTwoOfSeven.toCsat(Survey::rating));
 * }</pre>
 *
 * <p>Two definitions are equal when their scales and thresholds are; only values of equal
 * definitions merge.
 */
public final class CsatDefinition extends RatingDefinition<Csat, CsatAccumulator> {

  CsatDefinition(RatingScale scale, int satisfiedFrom) {
    super(
        scale,
        checkThreshold(scale, satisfiedFrom),
        MetricId.CSAT,
        (definition, histogram) -> new Csat((CsatDefinition) definition, histogram),
        definition -> new CsatAccumulator((CsatDefinition) definition));
  }

  private static int checkThreshold(RatingScale scale, int satisfiedFrom) {
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

  /** {@return the lowest satisfied rating} */
  public int satisfiedFrom() {
    return field();
  }

  /**
   * A collector of items into the CSAT, under this definition, of the ratings {@code rating} reads;
   * unordered and safe on parallel streams.
   *
   * @param <T> the type of the items
   * @param rating reads a rating from an item
   * @return a collector that fails like {@link CsatAccumulator#accept} on a rating off the scale
   * @throws NullPointerException if {@code rating} is null
   */
  public <T> Collector<T, ?, Csat> toCsat(ToIntFunction<? super T> rating) {
    return collector(rating);
  }

  /** Returns e.g. {@code CSAT on [1, 5] satisfied from 4}. */
  @Override
  public String toString() {
    return "CSAT on " + scale() + " satisfied from " + satisfiedFrom();
  }
}
