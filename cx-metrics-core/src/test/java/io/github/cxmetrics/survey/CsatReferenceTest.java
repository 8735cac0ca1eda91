package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * CSAT figures from an independent implementation of the Wilson (1927) score interval: SciPy
 * 1.17.1, {@code scipy.stats.binomtest(k, n).proportion_ci(level, method='wilson')}.
 */
class CsatReferenceTest {
  // 42 fives, 32 fours, 10 threes, 9 twos, 14 ones: n = 107, top-two-box 74
  private static final Csat SAMPLE =
      Csat.definition(RatingScale.ONE_TO_FIVE, 4).ofCounts(14, 9, 10, 32, 42);

  @Test
  void topTwoBoxShareAndMean() {
    assertThat(SAMPLE.count()).isEqualTo(107);
    assertThat(SAMPLE.satisfied()).isEqualTo(74);
    assertThat(SAMPLE.score()).isEqualTo(100.0 * 74 / 107);
    // (5*42 + 4*32 + 3*10 + 2*9 + 1*14) / 107 = 400 / 107
    assertThat(SAMPLE.mean()).isCloseTo(400.0 / 107, within(1e-12));
  }

  @Test
  void wilsonIntervalMatchesSciPy() {
    // binomtest(74, 107).proportion_ci(0.95, method='wilson')
    Interval ci95 = SAMPLE.confidenceInterval(0.95);
    assertThat(ci95.lower()).isCloseTo(100 * 0.5987150913219855, within(1e-9));
    assertThat(ci95.upper()).isCloseTo(100 * 0.7711826025212977, within(1e-9));
    // binomtest(74, 107).proportion_ci(0.90, method='wilson')
    Interval ci90 = SAMPLE.confidenceInterval(0.90);
    assertThat(ci90.lower()).isCloseTo(100 * 0.6141827178586391, within(1e-9));
    assertThat(ci90.upper()).isCloseTo(100 * 0.7595449782003646, within(1e-9));
  }

  @Test
  void wilsonIntervalWithNoSatisfiedRatingMatchesSciPy() {
    // binomtest(0, 12).proportion_ci(0.95, method='wilson') = (0.0, 0.24249400665524085)
    Interval interval =
        Csat.definition(RatingScale.ONE_TO_FIVE, 4)
            .ofCounts(5, 4, 3, 0, 0)
            .confidenceInterval(0.95);
    assertThat(interval.lower()).isZero();
    assertThat(interval.upper()).isCloseTo(100 * 0.24249400665524085, within(1e-9));
  }
}
