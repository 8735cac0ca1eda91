package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.WeightedNps;

/**
 * The result of {@code weighted_nps(score, weight)}: a struct of the weighted NPS, the counts,
 * Kish's effective sample size, the standard error and the adjusted Wald interval at the registered
 * level. The score, effective size, standard error and bounds are null when the total weight is 0.
 */
public final class WeightedNpsResult {

  private Double score;
  private long n;
  private long nulls;
  private double totalWeight;
  private Double effectiveSampleSize;
  private Double standardError;
  private Double lower;
  private Double upper;

  /** Creates an empty result (for Spark's bean encoder). */
  public WeightedNpsResult() {}

  static WeightedNpsResult of(WeightedNps nps, long nulls, double level) {
    WeightedNpsResult result = new WeightedNpsResult();
    result.n = nps.count();
    result.nulls = nulls;
    result.totalWeight = nps.totalWeight();
    if (result.totalWeight > 0) {
      result.score = nps.score();
      result.effectiveSampleSize = nps.effectiveSampleSize();
      result.standardError = nps.standardError();
      Interval interval = nps.confidenceInterval(level);
      result.lower = interval.lower();
      result.upper = interval.upper();
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

  /** {@return the number of rows with a score and a weight} */
  public long getN() {
    return n;
  }

  /**
   * Sets the number of rows with a score and a weight (for Spark's bean encoder).
   *
   * @param n the value
   */
  public void setN(long n) {
    this.n = n;
  }

  /** {@return the number of rows skipped for a null score or weight} */
  public long getNulls() {
    return nulls;
  }

  /**
   * Sets the number of rows skipped for a null score or weight (for Spark's bean encoder).
   *
   * @param nulls the value
   */
  public void setNulls(long nulls) {
    this.nulls = nulls;
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

  /** {@return the lower bound of the interval, or null when the total weight is 0} */
  public Double getLower() {
    return lower;
  }

  /**
   * Sets the lower bound of the interval (for Spark's bean encoder).
   *
   * @param lower the value
   */
  public void setLower(Double lower) {
    this.lower = lower;
  }

  /** {@return the upper bound of the interval, or null when the total weight is 0} */
  public Double getUpper() {
    return upper;
  }

  /**
   * Sets the upper bound of the interval (for Spark's bean encoder).
   *
   * @param upper the value
   */
  public void setUpper(Double upper) {
    this.upper = upper;
  }
}
