package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Nps;

/**
 * The result of {@code nps(score)}: a struct of the score, the counts, the standard error and the
 * adjusted Wald interval (Rocks 2016) at the registered level. On a group with no non-null score,
 * {@code score}, {@code standardError}, {@code lower} and {@code upper} are null.
 */
public final class NpsResult extends IntervalResult {

  private Double score;
  private long promoters;
  private long passives;
  private long detractors;
  private Double standardError;

  /** Creates an empty result (for Spark's bean encoder). */
  public NpsResult() {}

  static NpsResult of(Nps nps, long nulls, double level) {
    NpsResult result = new NpsResult();
    result.counts(nps.count(), nulls);
    result.promoters = nps.promoters();
    result.passives = nps.passives();
    result.detractors = nps.detractors();
    if (!nps.isEmpty()) {
      result.score = nps.score();
      result.standardError = nps.standardError();
      Interval interval = nps.confidenceInterval(level);
      result.interval(interval);
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
}
