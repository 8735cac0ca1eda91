package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Ces;

/**
 * The result of {@code ces(rating)}: a struct of the mean rating, the share of low-effort ratings,
 * the counts, the standard deviation and the Student t interval at the registered level. The mean
 * and share are null on a group with no non-null rating; the spread and bounds need two ratings.
 */
public final class CesResult extends IntervalResult {

  private Double mean;
  private Double lowEffortShare;
  private Double standardDeviation;

  /** Creates an empty result (for Spark's bean encoder). */
  public CesResult() {}

  static CesResult of(Ces ces, long nulls, double level) {
    CesResult result = new CesResult();
    result.counts(ces.count(), nulls);
    if (!ces.isEmpty()) {
      result.mean = ces.mean();
      result.lowEffortShare = ces.lowEffortShare();
    }
    if (ces.count() >= 2) {
      result.standardDeviation = ces.standardDeviation();
      Interval interval = ces.confidenceInterval(level);
      result.interval(interval);
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

  /** {@return the share of low-effort ratings, a fraction in [0, 1], or null for no ratings} */
  public Double getLowEffortShare() {
    return lowEffortShare;
  }

  /**
   * Sets the share of low-effort ratings, a fraction (for Spark's bean encoder).
   *
   * @param lowEffortShare the value
   */
  public void setLowEffortShare(Double lowEffortShare) {
    this.lowEffortShare = lowEffortShare;
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
}
