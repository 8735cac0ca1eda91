package io.github.cxmetrics.journey;

/**
 * The stages of the customer journey, in order: the marketing funnel (awareness, interest,
 * consideration, purchase) followed by the post-purchase stages (retention, advocacy).
 *
 * <p>Reference: P. Kotler and K. L. Keller, <i>Marketing Management</i>, 15th ed., Pearson, 2016,
 * ISBN 978-0-13-385646-0, on the customer journey and the marketing funnel.
 */
public enum JourneyStage {
  /** The customer knows the brand or product exists. */
  AWARENESS,
  /** The customer looks for information about it. */
  INTEREST,
  /** The customer weighs it against alternatives. */
  CONSIDERATION,
  /** The customer buys. */
  PURCHASE,
  /** The customer stays and buys again. */
  RETENTION,
  /** The customer recommends it to others. */
  ADVOCACY
}
