package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;

/**
 * The point estimate and standard error that a {@link Comparison test of difference} uses for one
 * sample, in the unit of the estimate.
 *
 * <p>For counted shares and net scores these are adjusted estimates whose standard error is never
 * 0, so that two tiny samples cannot produce a p-value of 0: Agresti and Caffo's (2000) one success
 * and one failure added to each proportion, and Rocks' (2016) adjusted-Wald pseudo-counts for the
 * NPS, as in Lewis and Sauro's test of two NPS (2021). For means, the sample mean and its standard
 * error.
 *
 * @param estimate the estimate the test centres on, finite
 * @param standardError its standard error, finite and {@code >= 0}
 */
public record TestBasis(double estimate, double standardError) {
  /**
   * Creates a test basis, checking its components.
   *
   * @param estimate the estimate the test centres on, finite
   * @param standardError its standard error, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code estimate} is not finite or {@code standardError} is
   *     negative, NaN or infinite
   */
  public TestBasis {
    Checks.checkFinite("estimate", estimate);
    Checks.checkNonNegative("standard error", standardError);
  }
}
