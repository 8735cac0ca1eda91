package io.github.cxmetrics.survey;

/** Which end of a Customer Effort Score scale means less effort. */
public enum EffortDirection {
  /**
   * Low ratings mean little effort, as in "How much effort did you personally have to put forth?"
   * from 1 (very low effort) to 5 (very high effort): the original CES (Dixon, Freeman &amp; Toman
   * 2010).
   */
  LOWER_IS_LESS_EFFORT,

  /**
   * High ratings mean little effort, as in CES 2.0, "The company made it easy for me to handle my
   * issue", from 1 (strongly disagree) to 7 (strongly agree).
   */
  HIGHER_IS_LESS_EFFORT;

  /**
   * Returns the direction with the code {@code code}, as written in encodings: 0 for {@link
   * #LOWER_IS_LESS_EFFORT}, 1 for {@link #HIGHER_IS_LESS_EFFORT}.
   */
  static EffortDirection ofCode(int code) {
    EffortDirection[] all = values();
    if (code < 0 || code >= all.length) {
      throw new IllegalArgumentException("direction " + code + " is neither 0 nor 1");
    }
    return all[code];
  }
}
