package io.github.cxmetrics.breakdown;

import io.github.cxmetrics.stats.Comparison;

/**
 * A test of one group against the rest of a {@link Breakdown}, or of one pair of groups, with its
 * p-value adjusted for the number of tests (Holm 1979).
 *
 * @param <K> the type of the keys
 * @param first the group tested (against the rest), or the first of the pair
 * @param second the second of the pair, or {@code null} for a test against the rest
 * @param comparison the difference {@code first - second} (or {@code first - rest}) and its test
 * @param adjustedPValue Holm's adjusted p-value, in [0, 1]
 * @param significant whether {@code adjustedPValue < 1 - level}
 */
public record GroupComparison<K>(
    K first, K second, Comparison comparison, double adjustedPValue, boolean significant) {}
