package io.github.cxmetrics.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.Unit;
import org.junit.jupiter.api.Test;

/** Sample sizes, margins and power against textbook examples, published formulas and SciPy. */
class SamplePlanTest {
  /** Two-sided standard normal critical values, to 10 digits. */
  private static final double Z90 = 1.6448536270;

  private static final double Z95 = 1.9599639845;

  /** The one-sided quantile of 80% power. */
  private static final double Z80 = 0.8416212336;

  @Test
  void theClassicProportionFormulaGivesTheTextbookSampleSize() {
    // B. Illowsky and S. Dean, Introductory Statistics (OpenStax, 2018), section 8.3: to be 90%
    // confident that a sample proportion is within 3 percentage points, with p' = 0.5 for want of
    // an estimate, n = 1.645^2 (0.5)(0.5) / 0.03^2 = 751.7, so 752 customers
    assertThat(SamplePlan.proportion(0.5).sampleSize(0.03, 0.90)).isEqualTo(752);
    // the same at 95%: 1.96^2 / 4 / 0.0009 = 1067.1, so 1068
    assertThat(SamplePlan.proportion(0.5).sampleSize(0.03, 0.95)).isEqualTo(1068);
    // CSAT plans the same share in percentage points
    assertThat(SamplePlan.csat(0.5).sampleSize(3, 0.95)).isEqualTo(1068);
    assertThat(SamplePlan.csat(0.5).unit()).isEqualTo(Unit.PERCENT);
  }

  @Test
  void theMarginANumberOfResponsesGives() {
    // "NPS Requires Much Larger Sample Sizes Than Alternatives" (Market Strategies, Research
    // Access): 40% promoters, 40% passives, 20% detractors, n = 500: the share of promoters is
    // 40% +- 4.3 and the NPS of 20 is +- 6.6 at 95%, both plain Wald margins
    assertThat(SamplePlan.proportion(0.4).marginOfError(500, 0.95)).isCloseTo(0.043, within(5e-4));
    double variance = 0.4 + 0.2 - 0.2 * 0.2; // of one response scored +1, 0, -1
    assertThat(100 * Z95 * Math.sqrt(variance / 500)).isCloseTo(6.6, within(0.05));
    // the plan's NPS margin is the adjusted-Wald one, of n + 3 responses (Rocks 2016)
    SamplePlan nps = SamplePlan.nps(0.4, 0.2);
    assertThat(nps.variance()).isCloseTo(10_000 * variance, within(1e-9));
    assertThat(nps.marginOfError(500, 0.95))
        .isCloseTo(100 * Z95 * Math.sqrt(variance / 503), within(1e-9));
  }

  @Test
  void npsSampleSizesFollowTheAdjustedWaldFormula() {
    // Lewis and Sauro, "Sample Size Estimation for NPS Confidence Intervals" (MeasuringU, 2021):
    // n = s^2 Z^2 / d^2 - 3. The largest variance of one response (half promoters, half
    // detractors) is 1 on the -1..1 scale; for +-5 points at 95%: 1 * 1.96^2 / 0.05^2 - 3 =
    // 1533.6, so 1534
    assertThat(SamplePlan.npsConservative().sampleSize(5, 0.95)).isEqualTo(1534);
    // expected 40% promoters and 20% detractors (s^2 = 0.56), +-10 points at 90%: 0.56 * 1.645^2
    // / 0.01 - 3 = 148.5, so 149
    assertThat(SamplePlan.nps(0.4, 0.2).sampleSize(10, 0.90))
        .isEqualTo((long) Math.ceil(0.56 * Z90 * Z90 / 0.01 - 3));
    assertThat(SamplePlan.nps(0.4, 0.2).sampleSize(10, 0.90)).isEqualTo(149);
  }

  @Test
  void comparingTwoNpsFollowsThePublishedFormula() {
    // Lewis and Sauro, "Sample Sizes for Comparing Net Promoter Scores" (MeasuringU, 2021): n per
    // group = s^2 Z^2 / d^2 - 3 with Z = Z_alpha + Z_beta and s^2 the variance of the difference
    // of one response from each group; two groups of 40% promoters and 20% detractors (0.56 each),
    // a difference of 10 points, 90% confidence and 80% power: 1.12 * (1.645 + 0.842)^2 / 0.01 -
    // 3 = 689.3, so 690 per group
    long n = SamplePlan.nps(0.4, 0.2).sampleSizePerGroup(10, 0.90, 0.80);
    assertThat(n).isEqualTo((long) Math.ceil(1.12 * (Z90 + Z80) * (Z90 + Z80) / 0.01 - 3));
    assertThat(n).isEqualTo(690);
    // different expected shares per group: the variances add
    long mixed =
        SamplePlan.nps(0.4, 0.2).sampleSizePerGroup(SamplePlan.nps(0.5, 0.1), 10, 0.9, 0.8);
    double s2 = 0.56 + (0.5 + 0.1 - 0.4 * 0.4);
    assertThat(mixed).isEqualTo((long) Math.ceil(s2 * (Z90 + Z80) * (Z90 + Z80) / 0.01 - 3));
  }

  @Test
  void powerAndDetectableDifferenceAgreeWithSciPy() {
    // scipy.stats.norm, the two-sided two-sample z test written out:
    //   z = norm.isf((1 - level) / 2); se = sqrt(2 * s2 / (n + a))
    //   power = norm.sf(z - d / se) + norm.cdf(-z - d / se)
    //   mdd = (norm.isf((1 - level) / 2) + norm.ppf(power)) * se
    // two rates of 50%, 400 each, 10 points at 95%
    assertThat(SamplePlan.proportion(0.5).power(400, 0.1, 0.95))
        .isCloseTo(0.8074304194325572, within(1e-12));
    // two NPS (40% promoters, 20% detractors), 300 each, 10 points at 90%
    assertThat(SamplePlan.nps(0.4, 0.2).power(300, -10, 0.90))
        .isCloseTo(0.5004789649426693, within(1e-12));
    // two CES means with a standard deviation of 1.1, 50 each, half a point at 95%
    assertThat(SamplePlan.mean(1.1).power(50, 0.5, 0.95))
        .isCloseTo(0.6227812911644648, within(1e-12));
    assertThat(SamplePlan.proportion(0.5).minimumDetectableDifference(400, 0.95, 0.80))
        .isCloseTo(0.09905099528998365, within(1e-12));
    // no difference: the test's significance level
    assertThat(SamplePlan.proportion(0.5).power(400, 0, 0.95)).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void aFinitePopulationTakesCochransCorrection() {
    // 95%, +-5 points, p = 0.5: n0 = 1.96^2 / 4 / 0.0025 = 384.1; for a base of 1,000 customers
    // n = n0 / (1 + (n0 - 1) / 1000) = 277.7, so 278
    double n0 = Z95 * Z95 * 0.25 / 0.0025;
    assertThat(SamplePlan.proportion(0.5).sampleSize(0.05, 0.95)).isEqualTo(385);
    SamplePlan base = SamplePlan.proportion(0.5).inPopulation(1000);
    assertThat(base.sampleSize(0.05, 0.95))
        .isEqualTo((long) Math.ceil(n0 / (1 + (n0 - 1) / 1000)))
        .isEqualTo(278);
    assertThat(base.population()).hasValue(1000);
    // the margin of the whole base is 0; of 278, within the 5 points planned
    assertThat(base.marginOfError(1000, 0.95)).isZero();
    assertThat(base.marginOfError(278, 0.95))
        .isCloseTo(Z95 * Math.sqrt(0.25 / 278 * (1000 - 278) / 999.0), within(1e-10))
        .isLessThanOrEqualTo(0.05);
    // a base smaller than the formula's n: never more than the base
    assertThat(SamplePlan.npsConservative().inPopulation(50).sampleSize(1, 0.99)).isEqualTo(50);
  }

  @Test
  void badArgumentsAreNamed() {
    SamplePlan plan = SamplePlan.proportion(0.3);
    assertThatThrownBy(() -> plan.sampleSize(0, 0.95))
        .hasMessage("margin (0.0) must be finite and > 0");
    assertThatThrownBy(() -> plan.sampleSize(-1, 0.95)).hasMessageContaining("margin (-1.0)");
    assertThatThrownBy(() -> plan.sampleSize(0.05, 1.0))
        .hasMessage("confidence level (1.0) must be in the open interval (0, 1)");
    assertThatThrownBy(() -> plan.sampleSizePerGroup(0.05, 0.95, 1.0))
        .hasMessage("power (1.0) must be in (0, 1)");
    assertThatThrownBy(() -> plan.sampleSizePerGroup(-0.05, 0.95, 0.8))
        .hasMessageContaining("difference (-0.05)");
    assertThatThrownBy(() -> SamplePlan.nps(0.7, 0.4))
        .hasMessage("promoter share (0.7) and detractor share (0.4) add up to more than 1");
    assertThatThrownBy(() -> SamplePlan.nps(1.2, 0))
        .hasMessage("promoter share (1.2) must be in [0, 1]");
    assertThatThrownBy(() -> SamplePlan.csat(Double.NaN))
        .hasMessageContaining("satisfied share (NaN)");
    assertThatThrownBy(() -> SamplePlan.mean(0)).hasMessageContaining("standard deviation (0.0)");
    assertThatThrownBy(() -> plan.inPopulation(0)).hasMessage("population (0) must be >= 1");
    assertThatThrownBy(() -> plan.inPopulation(100).marginOfError(101, 0.95))
        .hasMessage("n (101) is larger than the population (100)");
    assertThatThrownBy(() -> plan.marginOfError(0, 0.95)).hasMessage("n (0) must be >= 1");
    assertThatThrownBy(
            () -> SamplePlan.csat(0.5).sampleSizePerGroup(SamplePlan.proportion(0.5), 1, 0.9, 0.8))
        .hasMessage("the plans are in different units: percent and fraction");
    assertThatThrownBy(() -> SamplePlan.mean(1e200).sampleSize(1e-200, 0.95))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aPlannedSizeIsTheSmallestThatMeetsTheMargin() {
    qt().forAll(
            doubles().between(0.01, 0.99),
            doubles().between(0.005, 0.2),
            doubles().between(0.5, 0.999),
            integers().between(0, 1))
        .checkAssert(
            (p, margin, level, nps) -> {
              SamplePlan plan =
                  nps == 1 ? SamplePlan.nps(p / 2, (1 - p) / 2) : SamplePlan.proportion(p);
              double e = nps == 1 ? 100 * margin : margin;
              long n = plan.sampleSize(e, level);
              assertThat(plan.marginOfError(n, level)).isLessThanOrEqualTo(e * (1 + 1e-9));
              if (n > 1) {
                assertThat(plan.marginOfError(n - 1, level)).isGreaterThan(e * (1 - 1e-9));
              }
            });
  }

  @Test
  void aSizePerGroupReachesThePowerAndTheDetectableDifferenceIsDetected() {
    qt().forAll(
            doubles().between(0.05, 0.95),
            doubles().between(0.01, 0.3),
            doubles().between(0.6, 0.99),
            doubles().between(0.5, 0.99))
        .checkAssert(
            (p, difference, level, power) -> {
              SamplePlan plan = SamplePlan.proportion(p);
              long n = plan.sampleSizePerGroup(difference, level, power);
              // the formula leaves out the far tail, so the power reached is at least the target
              assertThat(plan.power(n, difference, level)).isGreaterThanOrEqualTo(power - 1e-9);
              double mdd = plan.minimumDetectableDifference(n, level, power);
              assertThat(mdd).isLessThanOrEqualTo(difference * (1 + 1e-9));
              assertThat(plan.power(n, mdd, level)).isGreaterThanOrEqualTo(power - 1e-9);
              // power is in [1 - level, 1] and grows with the difference
              assertThat(plan.power(n, 0, level)).isCloseTo(1 - level, within(1e-9));
              assertThat(plan.power(n, 2 * difference, level))
                  .isGreaterThanOrEqualTo(plan.power(n, difference, level));
            });
  }
}
