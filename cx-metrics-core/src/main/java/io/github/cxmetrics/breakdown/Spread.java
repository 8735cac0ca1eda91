package io.github.cxmetrics.breakdown;

/**
 * How consistent a score is across the groups of a {@link Breakdown} (channels, segments).
 *
 * @param lowest the lowest group score
 * @param highest the highest group score
 * @param weightedStandardDeviation the standard deviation of the group scores weighted by group
 *     size, {@code sqrt(sum(n_g (s_g - s_w)^2) / sum(n_g))} with {@code s_w = sum(n_g s_g) /
 *     sum(n_g)}
 * @param significant whether any pair of groups differs significantly after Holm's correction
 */
public record Spread(
    double lowest, double highest, double weightedStandardDeviation, boolean significant) {

  /**
   * {@return the range of the group scores, {@code highest - lowest}, in the unit of the scores}
   */
  public double range() {
    return highest - lowest;
  }
}
