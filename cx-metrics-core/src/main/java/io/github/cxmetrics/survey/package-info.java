/**
 * Survey scores: Net Promoter Score ({@link io.github.cxmetrics.survey.Nps}, {@link
 * io.github.cxmetrics.survey.WeightedNps}), Customer Satisfaction ({@link
 * io.github.cxmetrics.survey.Csat}) and Customer Effort Score ({@link
 * io.github.cxmetrics.survey.Ces}).
 *
 * <p>Each score is an immutable value of counts (or exact weight sums) from which the score, its
 * standard error, margin of error and confidence intervals are derived; values merge exactly, and a
 * mutable accumulator and stream collectors build them. Scores of empty samples throw {@link
 * java.lang.IllegalStateException}; out-of-range answers throw {@link
 * java.lang.IllegalArgumentException} naming the value, its index and the scale.
 */
package io.github.cxmetrics.survey;
