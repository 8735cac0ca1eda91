package io.github.cxmetrics.value;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The calibration-period frequency histogram of a fit: how many customers made 0, 1, ..., k or more
 * repeat purchases, observed and as the model expects, with Pearson's chi-square test of the
 * difference (the comparison of Fader, Hardie and Lee 2005, Figure 2).
 *
 * <p>For the test, bins with an expected count below 5 are pooled: from the highest bin down, a bin
 * expecting fewer than 5 customers is merged into the one below it, then the lowest bin, if it
 * still expects fewer than 5, into the one above (the usual rule for the chi-square approximation;
 * W. G. Cochran, "Some Methods for Strengthening the Common chi^2 Tests", Biometrics 10(4),
 * 417-451, 1954). The statistic is {@code sum (O - E)^2 / E} over the pooled bins, with {@code bins
 * - 1 - parameters} degrees of freedom.
 *
 * @param bins the bins as asked for: {@code 0, 1, ..., k - 1} and {@code k+}
 * @param pooled the bins of the test, pooled to expected counts of at least 5
 * @param chiSquare Pearson's statistic over the pooled bins
 * @param degreesOfFreedom {@code pooled bins - 1 - parameters}; below 1 when there are too few bins
 *     for a test
 */
public record FrequencyTable(
    List<FrequencyBin> bins, List<FrequencyBin> pooled, double chiSquare, int degreesOfFreedom) {
  /**
   * Creates a table; the lists are copied.
   *
   * @param bins the bins as asked for
   * @param pooled the bins of the test
   * @param chiSquare Pearson's statistic over the pooled bins
   * @param degreesOfFreedom the degrees of freedom of the test
   * @throws NullPointerException if a list or one of its bins is null
   */
  public FrequencyTable {
    bins = List.copyOf(bins);
    pooled = List.copyOf(pooled);
  }

  /**
   * Returns the p-value of the chi-square test: the probability that a chi-square variable with
   * {@link #degreesOfFreedom()} exceeds {@link #chiSquare()} (Commons Statistics).
   *
   * @return the p-value, in [0, 1]; small values say that the model does not fit the histogram
   * @throws IllegalStateException if there are fewer than 1 degree of freedom (too few pooled bins
   *     for the number of parameters), naming the counts
   */
  public double pValue() {
    if (degreesOfFreedom < 1) {
      throw new IllegalStateException(
          "the chi-square test needs at least 1 degree of freedom: "
              + pooled.size()
              + " pooled bins leave "
              + degreesOfFreedom
              + " after the parameters; ask for more bins or pool less");
    }
    return ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(chiSquare);
  }
}
