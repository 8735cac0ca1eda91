package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.WeightedNps;

/**
 * The result of {@code weighted_nps(score, weight)}: a struct of the weighted NPS, the counts,
 * Kish's effective sample size, the standard error and the adjusted Wald interval at the registered
 * level. The score, effective size, standard error and bounds are null when the total weight is 0.
 */
public final class WeightedNpsResult extends IntervalResult {

  private Double score;
  private double totalWeight;
  private Double effectiveSampleSize;
  private Double standardError;

  /** Creates an empty result (for Spark's bean encoder). */
  public WeightedNpsResult() {}

  static WeightedNpsResult of(WeightedNps nps, long nulls, double level) {
    WeightedNpsResult result = new WeightedNpsResult();
    result.counts(nps.count(), nulls);
    result.totalWeight = nps.totalWeight();
    if (result.totalWeight > 0) {
      result.score = nps.score();
      result.effectiveSampleSize = nps.effectiveSampleSize();
      result.standardError = nps.standardError();
      Interval interval = nps.confidenceInterval(level);
      result.interval(interval);
    }
    return result;
  }

  /** {@return the weighted NPS, or null when the total weight is 0} */
  public Double getScore() {
    return score;
  }

  /**
   * Sets the weighted NPS (for Spark's bean encoder).
   *
   * @param score the value
   */
  public void setScore(Double score) {
    this.score = score;
  }

  /** {@return the total weight} */
  public double getTotalWeight() {
    return totalWeight;
  }

  /**
   * Sets the total weight (for Spark's bean encoder).
   *
   * @param totalWeight the value
   */
  public void setTotalWeight(double totalWeight) {
    this.totalWeight = totalWeight;
  }

  /** {@return Kish's effective sample size, or null when the total weight is 0} */
  public Double getEffectiveSampleSize() {
    return effectiveSampleSize;
  }

  /**
   * Sets Kish's effective sample size (for Spark's bean encoder).
   *
   * @param effectiveSampleSize the value
   */
  public void setEffectiveSampleSize(Double effectiveSampleSize) {
    this.effectiveSampleSize = effectiveSampleSize;
  }

  /** {@return the standard error in NPS points, or null when the total weight is 0} */
  public Double getStandardError() {
    return standardError;
  }

  /**
   * Sets the standard error in NPS points (for Spark's bean encoder).
   *
   * @param standardError the value
   */
  public void setStandardError(Double standardError) {
    this.standardError = standardError;
  }
}
