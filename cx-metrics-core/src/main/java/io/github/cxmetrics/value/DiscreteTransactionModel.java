package io.github.cxmetrics.value;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A discrete-time model of repeat transactions in a non-contractual setting: customers can transact
 * only at discrete opportunities (a yearly fund-raising drive, an annual conference) and become
 * inactive unobserved. {@link BgBb} implements it. The counterpart of {@link TransactionModel},
 * with opportunities in place of time.
 *
 * <p>A customer's history is its frequency {@code x}, recency {@code t_x} and number of
 * opportunities {@code n}, by the rules of {@link OpportunitySummaries}; every method throws {@link
 * IllegalArgumentException} naming the argument that breaks a rule.
 */
public interface DiscreteTransactionModel {
  /**
   * Returns the expected number of transactions of a new customer in its first {@code n}
   * opportunities.
   *
   * @param n the opportunities, {@code >= 0}
   * @return the expected transactions; 0 for {@code n = 0}
   */
  double expectedTransactions(int n);

  /**
   * Returns the probability that a new customer makes exactly {@code x} transactions in its first
   * {@code n} opportunities.
   *
   * @param x the transactions, {@code >= 0}
   * @param n the opportunities, {@code >= 0}
   * @return the probability, in [0, 1]
   */
  double probabilityOfTransactions(int x, int n);

  /**
   * Returns the expected number of transactions in the next {@code future} opportunities of a
   * customer with the given history.
   *
   * @param future the opportunities ahead, {@code >= 0}
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities observed
   * @return the expected transactions; 0 for {@code future = 0}
   */
  double conditionalExpectedTransactions(int future, int x, int tx, int n);

  /**
   * Returns the probability that a customer with the given history is alive at the next
   * opportunity, {@code n + 1}.
   *
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities observed
   * @return the probability, in [0, 1]
   */
  double probabilityAlive(int x, int tx, int n);

  /**
   * Returns the log-likelihood of one customer's history.
   *
   * @param x the frequency
   * @param tx the recency
   * @param n the opportunities observed
   * @return the log-likelihood, {@code <= 0} (the log of a probability)
   */
  double logLikelihood(int x, int tx, int n);

  /**
   * Simulates a customer base from the model, one customer for each given number of opportunities.
   *
   * @param opportunities the opportunities of each simulated customer, {@code >= 0}
   * @param rng the source of randomness
   * @return the simulated customers, one row each, in the order given
   * @throws NullPointerException if an argument is null
   */
  OpportunitySummaries simulate(int[] opportunities, UniformRandomProvider rng);
}
