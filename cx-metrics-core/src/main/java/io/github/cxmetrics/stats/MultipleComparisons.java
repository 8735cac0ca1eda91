package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Corrections of p-values for testing many hypotheses at once, so that a dashboard of many groups
 * does not flag noise.
 *
 * <p>Holm's step-down method (S. Holm, "A Simple Sequentially Rejective Multiple Test Procedure",
 * Scandinavian Journal of Statistics 6(2), 65-70, 1979) controls the family-wise error rate at
 * {@code alpha} under any dependence between the tests: with the {@code m} p-values sorted
 * ascending, {@code p_(1) <= ... <= p_(m)}, the adjusted p-values are
 *
 * <pre>p~_(i) = max over j &lt;= i of min(1, (m - j + 1) p_(j))</pre>
 *
 * and hypothesis {@code (i)} is rejected when {@code p~_(i) < alpha}, the same strict rule as
 * {@link Comparison#isSignificant} ({@code p < 1 - level}).
 *
 * <p>Reference: S. Holm, Scandinavian Journal of Statistics 6(2), 65-70, 1979, <a
 * href="https://www.jstor.org/stable/4615733">jstor.org/stable/4615733</a>.
 */
public final class MultipleComparisons {
  private MultipleComparisons() {}

  /**
   * Returns Holm's adjusted p-values, in the order of the input.
   *
   * @param pValues p-values, each in [0, 1]; empty gives empty
   * @return the adjusted p-values, probabilities in [0, 1], each at least its raw p-value
   * @throws NullPointerException if {@code pValues} is null
   * @throws IllegalArgumentException if a p-value is outside [0, 1] or NaN, naming it and its index
   */
  public static double[] holm(double... pValues) {
    Objects.requireNonNull(pValues, "pValues");
    int m = pValues.length;
    for (int i = 0; i < m; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException(
            "p-value " + pValues[i] + " at index " + i + " must be in [0, 1]");
      }
    }
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * Returns which hypotheses Holm's method rejects at family-wise level {@code alpha}.
   *
   * @param alpha the family-wise error rate, in (0, 1)
   * @param pValues p-values, each in [0, 1]
   * @return for each p-value, in input order, whether its hypothesis is rejected
   * @throws IllegalArgumentException if {@code alpha} is outside (0, 1) or a p-value outside [0, 1]
   */
  public static boolean[] holmRejects(double alpha, double... pValues) {
    Checks.checkOpenUnit("alpha", alpha);
    double[] adjusted = holm(pValues);
    boolean[] rejects = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      rejects[i] = adjusted[i] < alpha;
    }
    return rejects;
  }
}
