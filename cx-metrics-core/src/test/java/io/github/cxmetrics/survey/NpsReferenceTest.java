package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * NPS figures from sources other than this library: the published definitions (Reichheld 2003,
 * Rocks 2016) evaluated by a second algorithm, the mean and variance of the answers scored +1
 * (promoter), 0 (passive) and -1 (detractor), in SciPy 1.17.1 / NumPy.
 */
class NpsReferenceTest {
  // 40 promoters, 35 passives, 25 detractors
  private static final Nps SAMPLE = Nps.ofCounts(40, 35, 25);

  @Test
  void scoreIsTheMeanOfTheTrinomialScores() {
    // Reichheld (2003): 40% promoters - 25% detractors
    assertThat(SAMPLE.score()).isEqualTo(15.0);
  }

  @Test
  void waldMatchesTheTrinomialMeanInterval() {
    // NumPy: x = [1]*40 + [0]*35 + [-1]*25; se = x.std(ddof=0) / sqrt(100)
    // 100 * se = 7.921489758877429; 95%: 100 * (mean -/+ norm.ppf(0.975) * se)
    assertThat(SAMPLE.standardError()).isCloseTo(7.921489758877429, within(1e-12));
    Interval wald95 = SAMPLE.waldInterval(0.95);
    assertThat(wald95.lower()).isCloseTo(-0.525834631302638, within(1e-10));
    assertThat(wald95.upper()).isCloseTo(30.52583463130264, within(1e-10));
    // the same at 90%, norm.ppf(0.95) = 1.6448536269514722
    Interval wald90 = SAMPLE.waldInterval(0.90);
    assertThat(wald90.lower()).isCloseTo(1.9703088392515196, within(1e-10));
    assertThat(wald90.upper()).isCloseTo(28.02969116074848, within(1e-10));
  }

  @Test
  void adjustedWaldMatchesTheTrinomialMeanOfTheAugmentedSample() {
    // Rocks (2016), as restated by Lewis & Sauro (MeasuringU, 2021): add 3 to n and 3/4 to the
    // promoters and to the detractors. NumPy: frequency weights [40.75, 36.5, 25.75] on [1, 0,
    // -1]; m = weighted mean, var = E[x^2] - m^2, se = sqrt(var / 103):
    // 100 * (m -/+ norm.ppf(0.975) * se) = (-0.6973947134123221, 29.823608305645333)
    Interval adjusted = SAMPLE.confidenceInterval(0.95);
    assertThat(adjusted.lower()).isCloseTo(-0.6973947134123221, within(1e-10));
    assertThat(adjusted.upper()).isCloseTo(29.823608305645333, within(1e-10));
  }
}
