package io.github.cxmetrics.value;

import java.time.temporal.ChronoUnit;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A test model whose predictions are known by hand: every customer buys at the times of a Poisson
 * process of rate {@code lambda} and never drops out, so {@code E[X(t)] = lambda t}, {@code P(X(t)
 * = n)} is the Poisson probability and the future does not depend on the history.
 */
record PoissonModel(double lambda) implements TransactionModel {
  /** A fit of this model with the given variance of {@code lambda} and log-likelihood. */
  static ModelFit<PoissonModel> fit(
      double lambda, double variance, double logLikelihood, long customers) {
    return fit(lambda, variance, logLikelihood, customers, null);
  }

  /** As {@link #fit(double, double, double, long)}, fitted to data in {@code unit}. */
  static ModelFit<PoissonModel> fit(
      double lambda, double variance, double logLikelihood, long customers, ChronoUnit unit) {
    Newton.Result result =
        new Newton.Result(
            new double[] {lambda},
            logLikelihood,
            new double[] {0},
            new double[][] {{-1 / variance}},
            1);
    return new ModelFit<>(
        new PoissonModel(lambda),
        new String[] {"lambda"},
        result,
        customers,
        "Poisson",
        p -> new PoissonModel(p[0]),
        unit);
  }

  @Override
  public double expectedPurchases(double t) {
    return lambda * t;
  }

  @Override
  public double probabilityOfPurchases(int n, double t) {
    double p = Math.exp(-lambda * t);
    for (int k = 1; k <= n; k++) {
      p *= lambda * t / k;
    }
    return p;
  }

  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    return lambda * t;
  }

  @Override
  public double conditionalProbabilityOfPurchases(int n, double t, int x, double tx, double age) {
    return probabilityOfPurchases(n, t);
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    return 1;
  }

  @Override
  public double logLikelihood(int x, double tx, double age) {
    return x * Math.log(lambda) - lambda * age;
  }

  @Override
  public CustomerSummaries simulate(double[] ages, UniformRandomProvider rng) {
    throw new UnsupportedOperationException("not needed by the tests");
  }
}
