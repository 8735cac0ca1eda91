package io.github.cxmetrics.breakdown;

/**
 * One group of a {@link Breakdown}: its key and its metric.
 *
 * @param <K> the type of the keys
 * @param <M> the type of the metric
 * @param key the group's key
 * @param value the group's metric
 */
public record Group<K, M>(K key, M value) {}
