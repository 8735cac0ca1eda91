package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Nps;

/**
 * The result of {@code nps(score)}: a struct of the score, the counts, the standard error and the
 * adjusted Wald interval (Rocks 2016) at the registered level. On a group with no non-null score,
 * {@code score}, {@code standardError}, {@code lower} and {@code upper} are null.
 */
public final class NpsResult {

  private Double score;
  private long n;
  private long promoters;
  private long passives;
  private long detractors;
  private long nulls;
  private Double standardError;
  private Double lower;
  private Double upper;

  /** Creates an empty result (for Spark's bean encoder). */
  public NpsResult() {}

  static NpsResult of(Nps nps, long nulls, double level) {
    NpsResult result = new NpsResult();
    result.n = nps.count();
    result.promoters = nps.promoters();
    result.passives = nps.passives();
    result.detractors = nps.detractors();
    result.nulls = nulls;
    if (!nps.isEmpty()) {
      result.score = nps.score();
      result.standardError = nps.standardError();
      Interval interval = nps.confidenceInterval(level);
      result.lower = interval.lower();
      result.upper = interval.upper();
    }
    return result;
  }

  /** {@return the NPS in [-100, 100], or null for no answers} */
  public Double getScore() {
    return score;
  }

  /**
   * Sets the score (for Spark's bean encoder).
   *
   * @param score the score
   */
  public void setScore(Double score) {
    this.score = score;
  }

  /** {@return the number of non-null answers} */
  public long getN() {
    return n;
  }

  /**
   * Sets the number of answers (for Spark's bean encoder).
   *
   * @param n the number
   */
  public void setN(long n) {
    this.n = n;
  }

  /** {@return the number of promoters} */
  public long getPromoters() {
    return promoters;
  }

  /**
   * Sets the number of promoters (for Spark's bean encoder).
   *
   * @param promoters the number
   */
  public void setPromoters(long promoters) {
    this.promoters = promoters;
  }

  /** {@return the number of passives} */
  public long getPassives() {
    return passives;
  }

  /**
   * Sets the number of passives (for Spark's bean encoder).
   *
   * @param passives the number
   */
  public void setPassives(long passives) {
    this.passives = passives;
  }

  /** {@return the number of detractors} */
  public long getDetractors() {
    return detractors;
  }

  /**
   * Sets the number of detractors (for Spark's bean encoder).
   *
   * @param detractors the number
   */
  public void setDetractors(long detractors) {
    this.detractors = detractors;
  }

  /** {@return the number of null scores skipped} */
  public long getNulls() {
    return nulls;
  }

  /**
   * Sets the number of null scores (for Spark's bean encoder).
   *
   * @param nulls the number
   */
  public void setNulls(long nulls) {
    this.nulls = nulls;
  }

  /** {@return the standard error in NPS points, or null for no answers} */
  public Double getStandardError() {
    return standardError;
  }

  /**
   * Sets the standard error (for Spark's bean encoder).
   *
   * @param standardError the standard error
   */
  public void setStandardError(Double standardError) {
    this.standardError = standardError;
  }

  /** {@return the lower bound of the interval, or null for no answers} */
  public Double getLower() {
    return lower;
  }

  /**
   * Sets the lower bound (for Spark's bean encoder).
   *
   * @param lower the bound
   */
  public void setLower(Double lower) {
    this.lower = lower;
  }

  /** {@return the upper bound of the interval, or null for no answers} */
  public Double getUpper() {
    return upper;
  }

  /**
   * Sets the upper bound (for Spark's bean encoder).
   *
   * @param upper the bound
   */
  public void setUpper(Double upper) {
    this.upper = upper;
  }
}
