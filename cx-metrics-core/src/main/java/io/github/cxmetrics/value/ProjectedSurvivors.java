package io.github.cxmetrics.value;

import java.util.OptionalLong;

/**
 * One period of a cohort's projection ({@link ContractualModel#project}): the survivors observed
 * then, where the period was observed, beside the number the model expects.
 *
 * @param period the period since acquisition, {@code >= 0}
 * @param observed the customers still subscribed at {@code period}, or empty beyond the last
 *     observed period
 * @param expected the expected survivors {@code n_0 S(period)}, in customers
 */
public record ProjectedSurvivors(int period, OptionalLong observed, double expected) {}
