package io.github.cxmetrics.value;

/**
 * A bin of a {@link FrequencyTable}: the customers whose number of repeat purchases is in {@code
 * [from, to]}, observed and expected.
 *
 * @param from the lowest number of repeat purchases in the bin
 * @param to the highest, or {@link Integer#MAX_VALUE} for the open bin "from or more"
 * @param observed the number of customers observed in the bin
 * @param expected the number the model expects, {@code sum_i P(X(T_i) in [from, to])}
 */
public record FrequencyBin(int from, int to, long observed, double expected) {
  /** {@return e.g. {@code 3}, {@code 3-4} or {@code 7+}} */
  public String label() {
    if (to == Integer.MAX_VALUE) {
      return from + "+";
    }
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
