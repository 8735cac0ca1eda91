package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Csat;

/**
 * The result of {@code csat(rating)}: a struct of the share of satisfied ratings, the mean rating,
 * the counts, the standard error and the Wilson interval at the registered level. On a group with
 * no non-null rating, the share, mean, standard error and bounds are null.
 */
public final class CsatResult {

  private Double score;
  private Double mean;
  private long n;
  private long satisfied;
  private long nulls;
  private Double standardError;
  private Double lower;
  private Double upper;

  /** Creates an empty result (for Spark's bean encoder). */
  public CsatResult() {}

  static CsatResult of(Csat csat, long nulls, double level) {
    CsatResult result = new CsatResult();
    result.n = csat.count();
    result.satisfied = csat.satisfied();
    result.nulls = nulls;
    if (!csat.isEmpty()) {
      result.score = csat.score();
      result.mean = csat.mean();
      result.standardError = csat.standardError();
      Interval interval = csat.confidenceInterval(level);
      result.lower = interval.lower();
      result.upper = interval.upper();
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

  /** {@return the number of non-null ratings} */
  public long getN() {
    return n;
  }

  /**
   * Sets the number of non-null ratings (for Spark's bean encoder).
   *
   * @param n the value
   */
  public void setN(long n) {
    this.n = n;
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

  /** {@return the number of null ratings skipped} */
  public long getNulls() {
    return nulls;
  }

  /**
   * Sets the number of null ratings skipped (for Spark's bean encoder).
   *
   * @param nulls the value
   */
  public void setNulls(long nulls) {
    this.nulls = nulls;
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

  /** {@return the lower bound of the Wilson interval in percent, or null for no ratings} */
  public Double getLower() {
    return lower;
  }

  /**
   * Sets the lower bound of the Wilson interval in percent (for Spark's bean encoder).
   *
   * @param lower the value
   */
  public void setLower(Double lower) {
    this.lower = lower;
  }

  /** {@return the upper bound of the Wilson interval in percent, or null for no ratings} */
  public Double getUpper() {
    return upper;
  }

  /**
   * Sets the upper bound of the Wilson interval in percent (for Spark's bean encoder).
   *
   * @param upper the value
   */
  public void setUpper(Double upper) {
    this.upper = upper;
  }
}
