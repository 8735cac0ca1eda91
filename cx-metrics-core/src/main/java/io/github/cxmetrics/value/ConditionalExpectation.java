package io.github.cxmetrics.value;

/**
 * One row of the conditional-expectations check of a fit (Fader, Hardie and Lee 2005, Figure 4):
 * the customers whose calibration frequency is in {@code [from, to]}, their mean number of
 * purchases in the holdout period, and the mean the model predicted for them from their calibration
 * histories, {@code E[Y(t) | x, t_x, T]} over the holdout length {@code t}.
 *
 * @param from the lowest calibration frequency in the row
 * @param to the highest, or {@link Integer#MAX_VALUE} for "from or more"
 * @param customers the number of customers in the row
 * @param actual their mean number of holdout purchases; NaN when the row is empty
 * @param expected the mean of their predictions; NaN when the row is empty
 */
public record ConditionalExpectation(
    int from, int to, long customers, double actual, double expected) {}
