package io.github.cxmetrics.breakdown;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Collection;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * The merge and comparison of metrics that are {@link Mergeable} and {@link Estimate}s, for the
 * overloads of {@link Breakdown} and {@link Trend} that take no functions.
 */
final class LibraryMetrics {
  private LibraryMetrics() {}

  /**
   * Returns {@code Mergeable.merge} as an operator on {@code values}' type.
   *
   * @throws UnsupportedOperationException naming the first value that is not {@link Mergeable}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <M> BinaryOperator<M> merge(Collection<? extends M> values) {
    for (M value : values) {
      if (!(value instanceof Mergeable<?>)) {
        throw new UnsupportedOperationException(
            value.getClass().getName() + " is not Mergeable: pass the merge function");
      }
    }
    return (a, b) -> (M) ((Mergeable) a).merge((Mergeable) b);
  }

  /**
   * Returns {@link Comparison#of} as a function on {@code values}' type.
   *
   * @throws UnsupportedOperationException naming the first value that is not an {@link Estimate}
   */
  static <M> BiFunction<M, M, Comparison> compare(Collection<? extends M> values) {
    for (M value : values) {
      if (!(value instanceof Estimate)) {
        throw new UnsupportedOperationException(
            value.getClass().getName() + " is not an Estimate: pass the comparison function");
      }
    }
    return (a, b) -> Comparison.of((Estimate) a, (Estimate) b);
  }
}
