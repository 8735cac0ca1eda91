package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Csat;

/**
 * The result of {@code csat(rating)}: a struct of the share of satisfied ratings, the mean rating,
 * the counts, the standard error and the Wilson interval at the registered level. On a group with
 * no non-null rating, the share, mean, standard error and bounds are null.
 */
public final class CsatResult extends IntervalResult {

  private Double score;
  private Double mean;
  private long satisfied;
  private Double standardError;

  /** Creates an empty result (for Spark's bean encoder). */
  public CsatResult() {}

  static CsatResult of(Csat csat, long nulls, double level) {
    CsatResult result = new CsatResult();
    result.counts(csat.count(), nulls);
    result.satisfied = csat.satisfied();
    if (!csat.isEmpty()) {
      result.score = csat.score();
      result.mean = csat.mean();
      result.standardError = csat.standardError();
      Interval interval = csat.confidenceInterval(level);
      result.interval(interval);
    }
    return result;
  }

  /** {@return the percent of satisfied ratings, or null for no ratings} */
  public Double getScore() {
    return score;
  }

  /**
   * Sets the percent of satisfied ratings (for Spark's bean encoder).
   *
   * @param score the value
   */
  public void setScore(Double score) {
    this.score = score;
  }

  /** {@return the mean rating, or null for no ratings} */
  public Double getMean() {
    return mean;
  }

  /**
   * Sets the mean rating (for Spark's bean encoder).
   *
   * @param mean the value
   */
  public void setMean(Double mean) {
    this.mean = mean;
  }

  /** {@return the number of satisfied ratings} */
  public long getSatisfied() {
    return satisfied;
  }

  /**
   * Sets the number of satisfied ratings (for Spark's bean encoder).
   *
   * @param satisfied the value
   */
  public void setSatisfied(long satisfied) {
    this.satisfied = satisfied;
  }

  /** {@return the standard error of the score in percent, or null for no ratings} */
  public Double getStandardError() {
    return standardError;
  }

  /**
   * Sets the standard error of the score in percent (for Spark's bean encoder).
   *
   * @param standardError the value
   */
  public void setStandardError(Double standardError) {
    this.standardError = standardError;
  }
}
