package io.github.cxmetrics.spark;

/**
 * What every result struct of the cx-metrics Spark functions has: the number of values aggregated,
 * the number of nulls skipped, and the bounds of the confidence interval at the registered level
 * (null when the interval is undefined, e.g. for an empty group).
 */
public abstract class IntervalResult {
  private long n;
  private long nulls;
  private Double lower;
  private Double upper;

  /** Creates an empty result (for Spark's bean encoder). */
  protected IntervalResult() {}

  void counts(long n, long nulls) {
    this.n = n;
    this.nulls = nulls;
  }

  void interval(io.github.cxmetrics.stats.Interval interval) {
    this.lower = interval.lower();
    this.upper = interval.upper();
  }

  /** {@return the number of non-null values aggregated} */
  public long getN() {
    return n;
  }

  /**
   * Sets the number of values (for Spark's bean encoder).
   *
   * @param n the value
   */
  public void setN(long n) {
    this.n = n;
  }

  /** {@return the number of null values skipped} */
  public long getNulls() {
    return nulls;
  }

  /**
   * Sets the number of nulls (for Spark's bean encoder).
   *
   * @param nulls the value
   */
  public void setNulls(long nulls) {
    this.nulls = nulls;
  }

  /** {@return the lower bound of the confidence interval, or null when it is undefined} */
  public Double getLower() {
    return lower;
  }

  /**
   * Sets the lower bound (for Spark's bean encoder).
   *
   * @param lower the value
   */
  public void setLower(Double lower) {
    this.lower = lower;
  }

  /** {@return the upper bound of the confidence interval, or null when it is undefined} */
  public Double getUpper() {
    return upper;
  }

  /**
   * Sets the upper bound (for Spark's bean encoder).
   *
   * @param upper the value
   */
  public void setUpper(Double upper) {
    this.upper = upper;
  }
}
