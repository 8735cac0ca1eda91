package io.github.cxmetrics.value;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A continuous-time model of repeat purchasing in a non-contractual setting ("buy till you die"):
 * each customer buys at random times while active and becomes inactive unobserved. {@link BgNbd},
 * {@link MbgNbd} and {@link ParetoNbd} implement it; the fit diagnostics ({@link FitDiagnostics})
 * and the lifetime value take any implementation.
 *
 * <p>Every method works in the time unit of the data the model was fitted to. A customer's history
 * is its frequency {@code x} (repeat purchases), recency {@code t_x} (time of the last purchase
 * after the first) and age {@code T} (time from the first purchase to the end of observation); the
 * rules on them are those of {@link CustomerSummaries}: {@code x >= 0}, {@code t_x = 0} when {@code
 * x = 0} and {@code 0 <= t_x <= T} otherwise, {@code T} finite. Every method throws {@link
 * IllegalArgumentException} naming the argument that breaks a rule, or a time that is negative, NaN
 * or infinite.
 */
public interface TransactionModel {
  /**
   * Returns {@code E[X(t)]}, the expected number of repeat purchases in {@code (0, t]} of a
   * customer whose first purchase was at time 0.
   *
   * @param t the length of the period, finite and {@code >= 0}
   * @return the expected purchases; 0 for {@code t = 0}
   */
  double expectedPurchases(double t);

  /**
   * Returns {@code P(X(t) = n)}, the probability of exactly {@code n} repeat purchases in {@code
   * (0, t]} for a customer whose first purchase was at time 0.
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the length of the period, finite and {@code >= 0}
   * @return the probability, in [0, 1]
   */
  double probabilityOfPurchases(int n, double t);

  /**
   * Returns {@code E[Y(t) | x, t_x, T]}, the expected number of purchases in the {@code t} time
   * units after the end of observation of a customer with the given history.
   *
   * @param t the length of the future period, finite and {@code >= 0}
   * @param x the frequency
   * @param tx the recency
   * @param age the age {@code T}
   * @return the expected purchases; 0 for {@code t = 0}
   */
  double conditionalExpectedPurchases(double t, int x, double tx, double age);

  /**
   * Returns the expected number of purchases of a whole customer base in the {@code t} time units
   * after the end of observation: the sum over its rows of {@link #conditionalExpectedPurchases(
   * double, int, double, double)} times the row's count. Implementations may compute it faster than
   * row by row (the BG/NBD evaluates its series once per distinct frequency and age); pass {@link
   * CustomerSummaries#grouped()} to share the work between identical customers as well.
   *
   * @param t the length of the future period, finite and {@code >= 0}
   * @param customers the customers
   * @return the expected purchases; 0 for no customers or {@code t = 0}
   * @throws NullPointerException if {@code customers} is null
   */
  default double conditionalExpectedPurchases(double t, CustomerSummaries customers) {
    double total = 0;
    for (int i = 0; i < customers.size(); i++) {
      total +=
          customers.count(i)
              * conditionalExpectedPurchases(
                  t, customers.frequency(i), customers.recency(i), customers.age(i));
    }
    return total;
  }

  /**
   * Returns {@code P(Y(t) = n | x, t_x, T)}, the probability that a customer with the given history
   * makes exactly {@code n} purchases in the {@code t} time units after the end of observation; the
   * probabilities over {@code n = 0, 1, ...} sum to 1 and their mean is {@link
   * #conditionalExpectedPurchases}.
   *
   * @param n the number of purchases, {@code >= 0}
   * @param t the length of the future period, finite and {@code >= 0}
   * @param x the frequency
   * @param tx the recency
   * @param age the age {@code T}
   * @return the probability, in [0, 1]; for {@code t = 0}, 1 when {@code n = 0} and 0 otherwise
   */
  double conditionalProbabilityOfPurchases(int n, double t, int x, double tx, double age);

  /**
   * Returns the probability that a customer with the given history is still active at the end of
   * observation.
   *
   * @param x the frequency
   * @param tx the recency
   * @param age the age {@code T}
   * @return the probability, in [0, 1]
   */
  double probabilityAlive(int x, double tx, double age);

  /**
   * Returns the log-likelihood of one customer's history.
   *
   * @param x the frequency
   * @param tx the recency
   * @param age the age {@code T}
   * @return the log-likelihood (a log-density of the purchase times, so it may be positive)
   */
  double logLikelihood(int x, double tx, double age);

  /**
   * Simulates a customer base from the model, one customer for each given age.
   *
   * @param ages the age of each simulated customer, finite and {@code >= 0}
   * @param rng the source of randomness
   * @return the simulated customers, in the order of {@code ages}
   * @throws NullPointerException if an argument is null
   */
  CustomerSummaries simulate(double[] ages, UniformRandomProvider rng);
}
