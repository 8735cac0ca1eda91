package io.github.cxmetrics.breakdown;

import io.github.cxmetrics.stats.Comparison;
import java.time.LocalDate;

/**
 * The change of a metric from one period of a {@link Trend} to the next.
 *
 * @param from the first day of the earlier period
 * @param to the first day of the later period
 * @param change the comparison {@code later - earlier}: difference, standard error, z, p-value
 */
public record PeriodChange(LocalDate from, LocalDate to, Comparison change) {

  /**
   * Returns whether the change is significant at {@code level}.
   *
   * @param level the confidence level, in (0, 1)
   * @return {@code change().isSignificant(level)}
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public boolean isSignificant(double level) {
    return change.isSignificant(level);
  }
}
