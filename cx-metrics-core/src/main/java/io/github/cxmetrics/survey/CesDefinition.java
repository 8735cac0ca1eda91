package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Encoding.MetricId;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * A validated definition of the Customer Effort Score: a {@link RatingScale} and the {@link
 * EffortDirection} that says which end means less effort. It makes {@link Ces} values, accumulators
 * and collectors of that definition:
 *
 * <pre>{@code
 * CesDefinition ces2 = Ces.definition(RatingScale.ONE_TO_SEVEN, EffortDirection.HIGHER_IS_LESS_EFFORT);
 * Ces ces = ces2.of(7, 6, 5, 7, 2);
 * }</pre>
 *
 * <p>Two definitions are equal when their scales and directions are; only values of equal
 * definitions merge.
 */
public final class CesDefinition extends RatingDefinition<Ces, CesAccumulator> {

  CesDefinition(RatingScale scale, EffortDirection direction) {
    super(
        scale,
        Objects.requireNonNull(direction, "direction").ordinal(),
        MetricId.CES,
        (definition, histogram) -> new Ces((CesDefinition) definition, histogram),
        definition -> new CesAccumulator((CesDefinition) definition));
  }

  /** {@return which end of the scale means less effort} */
  public EffortDirection direction() {
    return EffortDirection.values()[field()];
  }

  /**
   * A collector of items into the CES, under this definition, of the ratings {@code rating} reads;
   * unordered and safe on parallel streams.
   *
   * @param <T> the type of the items
   * @param rating reads a rating from an item
   * @return a collector that fails like {@link CesAccumulator#accept} on a rating off the scale
   * @throws NullPointerException if {@code rating} is null
   */
  public <T> Collector<T, ?, Ces> toCes(ToIntFunction<? super T> rating) {
    return collector(rating);
  }

  /** Returns e.g. {@code CES on [1, 5], LOWER_IS_LESS_EFFORT}. */
  @Override
  public String toString() {
    return "CES on " + scale() + ", " + direction();
  }
}
