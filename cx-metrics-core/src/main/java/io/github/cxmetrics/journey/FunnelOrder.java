package io.github.cxmetrics.journey;

/**
 * How the events of a {@link WindowedFunnel} must be ordered for a customer to advance through its
 * steps. In every order the whole chain must fit in the funnel's window, measured from the chain's
 * first step.
 */
public enum FunnelOrder {
  /**
   * Each step after the one before ({@code t_i <= t_{i+1}}: equal times advance, as in ClickHouse's
   * {@code windowFunnel} and Doris' {@code WINDOW_FUNNEL} default mode); other events in between
   * are allowed.
   */
  ORDERED,
  /**
   * As {@link #ORDERED}, and no event of another funnel stage between two consecutive steps: such
   * an event ends the chain (a repeat of the step just reached does not). Events that are not
   * funnel stages never reach a funnel, so they cannot interrupt one.
   */
  STRICT,
  /**
   * Step {@code i} is reached when the window holds events of every stage {@code 0..i}, in any
   * order: the funnel's order says which steps must have been taken, not when.
   */
  ANY
}
