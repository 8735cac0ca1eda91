package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Ces;

/**
 * The result of {@code ces(rating)}: a struct of the mean rating, the share of low-effort ratings,
 * the counts, the standard deviation and the Student t interval at the registered level. The mean
 * and share are null on a group with no non-null rating; the spread and bounds need two ratings.
 */
public final class CesResult {

  private Double mean;
  private Double lowEffortShare;
  private long n;
  private long nulls;
  private Double standardDeviation;
  private Double lower;
  private Double upper;

  /** Creates an empty result (for Spark's bean encoder). */
  public CesResult() {}

  static CesResult of(Ces ces, long nulls, double level) {
    CesResult result = new CesResult();
    result.n = ces.count();
    result.nulls = nulls;
    if (!ces.isEmpty()) {
      result.mean = ces.mean();
      result.lowEffortShare = ces.lowEffortShare();
    }
    if (ces.count() >= 2) {
      result.standardDeviation = ces.standardDeviation();
      Interval interval = ces.confidenceInterval(level);
      result.lower = interval.lower();
      result.upper = interval.upper();
    }
    return result;
  }

  /** {@return the mean rating (the CES), or null for no ratings} */
  public Double getMean() {
    return mean;
  }

  /**
   * Sets the mean rating (the CES) (for Spark's bean encoder).
   *
   * @param mean the value
   */
  public void setMean(Double mean) {
    this.mean = mean;
  }

  /** {@return the percent of low-effort ratings, or null for no ratings} */
  public Double getLowEffortShare() {
    return lowEffortShare;
  }

  /**
   * Sets the percent of low-effort ratings (for Spark's bean encoder).
   *
   * @param lowEffortShare the value
   */
  public void setLowEffortShare(Double lowEffortShare) {
    this.lowEffortShare = lowEffortShare;
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

  /** {@return the sample standard deviation, or null for fewer than two ratings} */
  public Double getStandardDeviation() {
    return standardDeviation;
  }

  /**
   * Sets the sample standard deviation (for Spark's bean encoder).
   *
   * @param standardDeviation the value
   */
  public void setStandardDeviation(Double standardDeviation) {
    this.standardDeviation = standardDeviation;
  }

  /** {@return the lower bound of the Student t interval, or null for fewer than two ratings} */
  public Double getLower() {
    return lower;
  }

  /**
   * Sets the lower bound of the Student t interval (for Spark's bean encoder).
   *
   * @param lower the value
   */
  public void setLower(Double lower) {
    this.lower = lower;
  }

  /** {@return the upper bound of the Student t interval, or null for fewer than two ratings} */
  public Double getUpper() {
    return upper;
  }

  /**
   * Sets the upper bound of the Student t interval (for Spark's bean encoder).
   *
   * @param upper the value
   */
  public void setUpper(Double upper) {
    this.upper = upper;
  }
}
