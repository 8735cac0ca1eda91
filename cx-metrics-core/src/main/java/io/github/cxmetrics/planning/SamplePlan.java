package io.github.cxmetrics.planning;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Unit;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * What a survey needs before it is fielded: the number of responses for a margin of error, the
 * responses per group, power and minimum detectable difference for comparing two independent
 * groups, and the margin a given number of responses achieves, from the expected spread of one
 * response in the metric's unit.
 *
 * <p>Formulas, with {@code s^2} the variance of one response ({@link #variance()}), {@code z_c} the
 * two-sided standard normal critical value of confidence level {@code c}, {@code z_p} the one-sided
 * one of power {@code p}, and {@code a} the adjustment of the metric's interval ({@code a = 3} for
 * NPS, 0 otherwise):
 *
 * <ul>
 *   <li>margin of error: {@code n0 = z_c^2 s^2 / E^2 - a} (for a proportion the classic {@code n =
 *       z^2 p (1 - p) / E^2}; for NPS the adjusted-Wald form of Lewis and Sauro, "Sample Size
 *       Estimation for NPS Confidence Intervals", MeasuringU 2021, whose interval adds 3
 *       pseudo-responses, Rocks 2016);
 *   <li>the margin {@code n} responses give: {@code E = z_c s / sqrt(n + a)};
 *   <li>two independent groups of {@code n} each, a two-sided test at level {@code 1 - c}: {@code
 *       n0 = (z_c + z_p)^2 (s_1^2 + s_2^2) / d^2 - a} (Lewis and Sauro, "Sample Sizes for Comparing
 *       Net Promoter Scores", MeasuringU 2021: {@code n = s^2 Z^2 / d^2 - 3}); the power of {@code
 *       n} each, {@code Phi(d / SE - z_c) + Phi(-d / SE - z_c)} with {@code SE = sqrt((s_1^2 +
 *       s_2^2) / (n + a))}; the minimum detectable difference, {@code (z_c + z_p) SE};
 *   <li>a customer base of {@code N} ({@link #inPopulation}): Cochran's finite-population
 *       correction, {@code n = n0 / (1 + (n0 - 1) / N)} and {@code SE^2} multiplied by {@code (N -
 *       n) / (N - 1)} (W. G. Cochran, Sampling Techniques, 3rd ed., Wiley 1977, sections 2.5 and
 *       4.4).
 * </ul>
 *
 * <p>Sample sizes are whole respondents: {@code n0} (after the correction) rounded up, at least 1;
 * a value within 1e-9 above a whole number is taken as that number, so that rounding error in the
 * arithmetic never asks for one respondent more. Margins and differences are in the metric's unit
 * ({@link #unit()}): NPS points, percentage points for CSAT, a fraction for rates, the rating
 * scale's points for a mean.
 */
public final class SamplePlan {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Slack below which a computed size counts as the whole number under it. */
  private static final double ROUNDING_SLACK = 1e-9;

  private final String metric;
  private final double variance;
  private final Unit unit;
  private final double adjustment;
  private final long population;

  private SamplePlan(
      String metric, double variance, Unit unit, double adjustment, long population) {
    this.metric = metric;
    this.variance = variance;
    this.unit = unit;
    this.adjustment = adjustment;
    this.population = population;
  }

  /**
   * Plans an NPS from expected shares of promoters and detractors: the variance of one response in
   * NPS points is {@code 100^2 (p + d - (p - d)^2)}, the trinomial variance of a response scored
   * +1, 0, -1.
   *
   * @param promoterShare the expected share of promoters, in [0, 1]
   * @param detractorShare the expected share of detractors, in [0, 1], with the promoters' at most
   *     1
   * @return the plan
   * @throws IllegalArgumentException if a share is outside [0, 1] or NaN, or the two add up to more
   *     than 1, naming them
   */
  public static SamplePlan nps(double promoterShare, double detractorShare) {
    Checks.checkProbability("promoter share", promoterShare);
    Checks.checkProbability("detractor share", detractorShare);
    if (promoterShare + detractorShare > 1 + 1e-12) {
      throw new IllegalArgumentException(
          "promoter share ("
              + promoterShare
              + ") and detractor share ("
              + detractorShare
              + ") add up to more than 1");
    }
    double net = promoterShare - detractorShare;
    double variance = 10_000 * (promoterShare + detractorShare - net * net);
    return new SamplePlan("NPS", variance, Unit.NPS_POINTS, 3, 0);
  }

  /**
   * Plans an NPS with no expectation of its shares: the largest variance a response can have, half
   * promoters and half detractors, {@code 100^2} NPS points squared.
   *
   * @return the conservative plan
   */
  public static SamplePlan npsConservative() {
    return nps(0.5, 0.5);
  }

  /**
   * Plans a CSAT (percent satisfied) from the expected satisfied share: the variance of one
   * response in percentage points is {@code 100^2 p (1 - p)}.
   *
   * @param satisfiedShare the expected share of satisfied customers, in [0, 1]; 0.5 for the
   *     conservative plan
   * @return the plan
   * @throws IllegalArgumentException if the share is outside [0, 1] or NaN
   */
  public static SamplePlan csat(double satisfiedShare) {
    Checks.checkProbability("satisfied share", satisfiedShare);
    return new SamplePlan(
        "CSAT", 10_000 * satisfiedShare * (1 - satisfiedShare), Unit.PERCENT, 0, 0);
  }

  /**
   * Plans a rate (retention, churn, conversion) from its expected value: the variance of one
   * customer is {@code p (1 - p)}, a fraction.
   *
   * @param rate the expected rate, in [0, 1]; 0.5 for the conservative plan
   * @return the plan
   * @throws IllegalArgumentException if the rate is outside [0, 1] or NaN
   */
  public static SamplePlan proportion(double rate) {
    Checks.checkProbability("rate", rate);
    return new SamplePlan("proportion", rate * (1 - rate), Unit.FRACTION, 0, 0);
  }

  /**
   * Plans a mean rating (a CES, a mean CSAT) from the expected standard deviation of one rating, in
   * the scale's points (for a 1..k scale at most {@code (k - 1) / 2}).
   *
   * @param standardDeviation the expected standard deviation, finite and {@code > 0}
   * @return the plan
   * @throws IllegalArgumentException if the standard deviation is not finite and positive
   */
  public static SamplePlan mean(double standardDeviation) {
    Checks.checkAbove("standard deviation", standardDeviation, 0);
    return new SamplePlan(
        "mean", standardDeviation * standardDeviation, new Unit("scale points"), 0, 0);
  }

  /**
   * Returns this plan for a customer base of {@code customers}, sampled without replacement: every
   * figure takes Cochran's finite-population correction.
   *
   * @param customers the size of the base, {@code >= 1}
   * @return the plan
   * @throws IllegalArgumentException if {@code customers} is below 1
   */
  public SamplePlan inPopulation(long customers) {
    Checks.checkAtLeast("population", customers, 1);
    return new SamplePlan(metric, variance, unit, adjustment, customers);
  }

  /** {@return the variance of one response, in the unit squared} */
  public double variance() {
    return variance;
  }

  /** {@return the unit of margins and differences} */
  public Unit unit() {
    return unit;
  }

  /** {@return the customer base, if {@link #inPopulation} set one} */
  public OptionalLong population() {
    return population == 0 ? OptionalLong.empty() : OptionalLong.of(population);
  }

  /**
   * Returns the responses needed for a margin of error at a confidence level.
   *
   * @param margin the margin of error, in {@link #unit()}, finite and {@code > 0}
   * @param level the confidence level, in (0, 1)
   * @return whole respondents, {@code >= 1}; with a population, at most the population
   * @throws IllegalArgumentException if the margin is not finite and positive, or the level is
   *     outside (0, 1)
   * @throws ArithmeticException if the size exceeds a {@code long}
   */
  public long sampleSize(double margin, double level) {
    Checks.checkAbove("margin", margin, 0);
    double z = Critical.z(level);
    return size(z * z * variance / (margin * margin) - adjustment);
  }

  /**
   * Returns the margin of error {@code n} responses give at a confidence level.
   *
   * @param n the responses, {@code >= 1} (and at most the population, if one is set)
   * @param level the confidence level, in (0, 1)
   * @return the margin, in {@link #unit()}, {@code >= 0}
   * @throws IllegalArgumentException if {@code n} is below 1 or above the population, or the level
   *     is outside (0, 1)
   */
  public double marginOfError(long n, double level) {
    return Critical.z(level) * standardError(n, variance);
  }

  /**
   * Returns the responses per group for a two-sided test between two independent groups planned
   * alike to detect a difference at a level with a power.
   *
   * @param difference the smallest difference worth detecting, in {@link #unit()}, finite and
   *     {@code > 0}
   * @param level the confidence level of the test, in (0, 1): the test's significance level is
   *     {@code 1 - level}
   * @param power the probability of detecting the difference, in (0, 1)
   * @return whole respondents per group, {@code >= 1}
   * @throws IllegalArgumentException if an argument is out of range, naming it
   * @throws ArithmeticException if the size exceeds a {@code long}
   */
  public long sampleSizePerGroup(double difference, double level, double power) {
    return sampleSizePerGroup(this, difference, level, power);
  }

  /**
   * Returns the responses per group for a two-sided test between a group planned by this plan and
   * one planned by {@code other}, e.g. two NPS with different expected shares.
   *
   * @param other the plan of the second group, in the same unit
   * @param difference the smallest difference worth detecting, finite and {@code > 0}
   * @param level the confidence level of the test, in (0, 1)
   * @param power the probability of detecting the difference, in (0, 1)
   * @return whole respondents per group, {@code >= 1}
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the units differ, or an argument is out of range
   * @throws ArithmeticException if the size exceeds a {@code long}
   */
  public long sampleSizePerGroup(SamplePlan other, double difference, double level, double power) {
    double sum = pairedVariance(other);
    Checks.checkAbove("difference", difference, 0);
    double z = Critical.z(level) + powerQuantile(power);
    return size(z * z * sum / (difference * difference) - adjustment);
  }

  /**
   * Returns the power of a two-sided test between two groups of {@code n} responses each, both
   * planned by this plan, to detect a difference.
   *
   * @param n the responses per group, {@code >= 1} (at most the population, if one is set)
   * @param difference the true difference, in {@link #unit()}, finite; its sign does not matter
   * @param level the confidence level of the test, in (0, 1)
   * @return the power, in [1 - level, 1]: the significance level when the difference is 0
   * @throws IllegalArgumentException if an argument is out of range, naming it
   */
  public double power(long n, double difference, double level) {
    Checks.checkFinite("difference", difference);
    double z = Critical.z(level);
    double se = standardError(n, 2 * variance);
    if (se == 0) {
      return difference == 0 ? 1 - level : 1;
    }
    double shift = Math.abs(difference) / se;
    return STANDARD_NORMAL.survivalProbability(z - shift)
        + STANDARD_NORMAL.cumulativeProbability(-z - shift);
  }

  /**
   * Returns the smallest difference two groups of {@code n} responses each, both planned by this
   * plan, detect with a two-sided test at a level with a power: {@code (z_c + z_p) SE} (the
   * opposite tail, below {@code (1 - level) / 2}, is left out, as in the sample-size formula).
   *
   * @param n the responses per group, {@code >= 1} (at most the population, if one is set)
   * @param level the confidence level of the test, in (0, 1)
   * @param power the probability of detecting the difference, in (0, 1)
   * @return the difference, in {@link #unit()}, {@code >= 0}
   * @throws IllegalArgumentException if an argument is out of range, naming it
   */
  public double minimumDetectableDifference(long n, double level, double power) {
    double z = Critical.z(level) + powerQuantile(power);
    return z * standardError(n, 2 * variance);
  }

  private double pairedVariance(SamplePlan other) {
    Objects.requireNonNull(other, "other");
    if (!unit.equals(other.unit)) {
      throw new IllegalArgumentException(
          "the plans are in different units: " + unit + " and " + other.unit);
    }
    return variance + other.variance;
  }

  private static double powerQuantile(double power) {
    Checks.checkOpenUnit("power", power);
    return STANDARD_NORMAL.inverseCumulativeProbability(power);
  }

  /** The standard error of {@code n} responses of a variance, adjusted and corrected. */
  private double standardError(long n, double varianceOfOne) {
    Checks.checkAtLeast("n", n, 1);
    double se2 = varianceOfOne / (n + adjustment);
    if (population != 0) {
      if (n > population) {
        throw new IllegalArgumentException(
            "n (" + n + ") is larger than the population (" + population + ")");
      }
      se2 *= population == 1 ? 0 : (double) (population - n) / (population - 1);
    }
    return Math.sqrt(se2);
  }

  /** A computed size as whole respondents: corrected for the population, rounded up. */
  private long size(double n0) {
    double atLeastOne = Math.max(1, n0);
    double n = population == 0 ? atLeastOne : atLeastOne / (1 + (atLeastOne - 1) / population);
    double whole = Math.ceil(n - ROUNDING_SLACK);
    if (!(whole < 0x1p63)) {
      throw new ArithmeticException(
          "the sample size " + n + " of the " + metric + " plan exceeds a long");
    }
    return Math.max(1, (long) whole);
  }

  @Override
  public String toString() {
    return "SamplePlan["
        + metric
        + ", variance "
        + variance
        + " ("
        + unit
        + ")^2"
        + (population == 0 ? "" : ", population " + population)
        + "]";
  }
}
