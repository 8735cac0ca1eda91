package io.github.cxmetrics.stats;

/**
 * A value of sufficient statistics (counts and exact sums) that merges exactly with another value
 * of the same definition.
 *
 * <p>Laws, for values {@code a}, {@code b}, {@code c} of one definition and its empty value {@code
 * e}: {@code a.merge(e).equals(a)}; {@code a.merge(b).equals(b.merge(a))}; {@code
 * a.merge(b).merge(c).equals(a.merge(b.merge(c)))}; and the value of a whole input equals the merge
 * of the values of any split of it. Values of different definitions (scales, thresholds, stages)
 * refuse to merge with an {@link IllegalArgumentException} naming both.
 *
 * @param <M> the type of the value itself
 */
public interface Mergeable<M extends Mergeable<M>> {
  /**
   * Returns the value of both inputs together.
   *
   * @param other a value of the same definition
   * @return the merged value; neither operand changes
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the two have different definitions, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  M merge(M other);
}
