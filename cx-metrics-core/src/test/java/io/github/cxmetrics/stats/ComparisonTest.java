package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.retention.Retention;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingScale;
import io.github.cxmetrics.survey.WeightedNps;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  @Test
  void differenceOfIndependentEstimatesByHand() {
    Comparison comparison = Comparison.ofIndependent(10, 3, 4, 4, Unit.PERCENT);
    assertThat(comparison.difference()).isEqualTo(6.0);
    assertThat(comparison.adjustedDifference()).isEqualTo(6.0);
    assertThat(comparison.standardError()).isEqualTo(5.0); // sqrt(3^2 + 4^2)
    assertThat(comparison.z()).isEqualTo(1.2);
    assertThat(comparison.unit()).isEqualTo(Unit.PERCENT);
    // SciPy 1.17.1: 2 * norm.sf(1.2) = 0.23013934044341644
    assertThat(comparison.pValue()).isCloseTo(0.23013934044341644, within(1e-14));
    assertThat(comparison.isSignificant(0.95)).isFalse();
    // SciPy 1.17.1: norm.ppf(0.975) = 1.959963984540054
    Interval interval = comparison.confidenceInterval(0.95);
    assertThat(interval.lower()).isCloseTo(6 - 5 * 1.959963984540054, within(1e-12));
    assertThat(interval.upper()).isCloseTo(6 + 5 * 1.959963984540054, within(1e-12));
    assertThat(interval.unit()).isEqualTo(Unit.PERCENT);
  }

  @Test
  void npsOfOneAnswerEachIsNotSignificant() {
    // Lewis & Sauro's adjusted-Wald test, by hand: n~ = 1 + 3 = 4; promoter side p~ = 1.75 / 4,
    // d~ = 0.75 / 4, adjusted NPS 25 with SE 100 sqrt((0.625 - 0.0625) / 4) = 37.5; the detractor
    // side mirrors it. z = 50 / (37.5 sqrt 2); SciPy 1.17.1: 2 * norm.sf(z) = 0.3457785861511603
    Comparison c = Comparison.of(Nps.of(10), Nps.of(0));
    assertThat(c.difference()).isEqualTo(200.0);
    assertThat(c.adjustedDifference()).isCloseTo(50.0, within(1e-12));
    assertThat(c.standardError()).isCloseTo(37.5 * Math.sqrt(2), within(1e-12));
    assertThat(c.pValue()).isCloseTo(0.3457785861511603, within(1e-12));
    assertThat(c.isSignificant(0.95)).isFalse();
    assertThat(c.unit()).isEqualTo(Unit.NPS_POINTS);
  }

  @Test
  void npsOfLargerSamplesByTheAdjustedWaldTest() {
    // (120, 80, 100) against (90, 100, 110): n~ = 303 each; p~ = 120.75 / 303, d~ = 100.75 / 303
    // and p~ = 90.75 / 303, d~ = 110.75 / 303; computed independently in Python with SciPy 1.17.1:
    // adjusted difference 13.201320132013205, SE 6.766559839096425, p 0.05106123201061728
    Comparison c = Comparison.of(Nps.ofCounts(120, 80, 100), Nps.ofCounts(90, 100, 110));
    assertThat(c.difference()).isCloseTo(100.0 * (20 - (-20)) / 300, within(1e-12));
    assertThat(c.adjustedDifference()).isCloseTo(100 * 40.0 / 303, within(1e-12));
    assertThat(c.standardError()).isCloseTo(6.766559839096425, within(1e-12));
    assertThat(c.pValue()).isCloseTo(0.05106123201061728, within(1e-12));
  }

  @Test
  void equalWeightsCompareLikeTheUnweightedNps() {
    WeightedNps a = WeightedNps.of(new int[] {10, 9, 3}, new double[] {2, 2, 2});
    WeightedNps b = WeightedNps.of(new int[] {6, 7}, new double[] {0.5, 0.5});
    Comparison unweighted = Comparison.of(Nps.of(10, 9, 3), Nps.of(6, 7));
    Comparison weighted = Comparison.of(a, b);
    assertThat(weighted.adjustedDifference())
        .isCloseTo(unweighted.adjustedDifference(), within(1e-12));
    assertThat(weighted.standardError()).isCloseTo(unweighted.standardError(), within(1e-12));
  }

  @Test
  void sharesUseAgrestiCaffo() {
    // 3 of 3 satisfied against 0 of 3: p~ = 4/5 and 1/5 with n~ = 5, SE 100 sqrt(0.16 / 5) each;
    // SciPy 1.17.1: 2 * norm.sf(60 / hypot(SE, SE)) = 0.017706065807366615
    Comparison csat = Comparison.of(Csat.of(5, 5, 5), Csat.of(1, 1, 1));
    assertThat(csat.difference()).isEqualTo(100.0);
    assertThat(csat.adjustedDifference()).isCloseTo(60.0, within(1e-12));
    assertThat(csat.standardError()).isCloseTo(100 * Math.sqrt(2 * 0.16 / 5), within(1e-12));
    assertThat(csat.pValue()).isCloseTo(0.017706065807366615, within(1e-12));
    assertThat(csat.unit()).isEqualTo(Unit.PERCENT);
    // 900 of 1000 retained against 850 of 1000: p~ = 901/1002 and 851/1002;
    // SciPy 1.17.1: SE 0.014771263945254427, p 0.0007296350808357949
    Comparison retention =
        Comparison.of(Retention.ofCounts(1000, 900, 0), Retention.ofCounts(1000, 850, 0));
    assertThat(retention.difference()).isCloseTo(0.05, within(1e-15));
    assertThat(retention.adjustedDifference()).isCloseTo(50.0 / 1002, within(1e-15));
    assertThat(retention.standardError()).isCloseTo(0.014771263945254427, within(1e-15));
    assertThat(retention.pValue()).isCloseTo(0.0007296350808357949, within(1e-15));
    assertThat(retention.unit()).isEqualTo(Unit.FRACTION);
  }

  @Test
  void meansUseTheirStandardErrors() {
    // (1, 2) against (4, 5): means 1.5 and 4.5, s = sqrt(0.5), SE = 0.5 each; z = -3 / sqrt(0.5)
    Comparison c = Comparison.of(Ces.of(1, 2), Ces.of(4, 5));
    assertThat(c.difference()).isEqualTo(-3.0);
    assertThat(c.adjustedDifference()).isEqualTo(-3.0);
    assertThat(c.z()).isCloseTo(-3 / Math.sqrt(0.5), within(1e-12));
    // SciPy 1.17.1: 2 * norm.sf(4.242640687119285) = 2.2090496998585445e-05
    assertThat(c.pValue()).isCloseTo(2.2090496998585445e-05, within(1e-15));
    assertThat(c.unit().name()).isEqualTo("points of the rating scale [1, 5]");
  }

  @Test
  void refusesDifferentKindsUnitsAndUntestableDifferences() {
    assertThatThrownBy(() -> Comparison.of(Nps.of(9), Csat.of(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot compare Nps (in NPS points) with Csat (in percent)");
    Ces sevenPoint =
        Ces.definition(RatingScale.ONE_TO_SEVEN, EffortDirection.LOWER_IS_LESS_EFFORT).of(1, 7);
    assertThatThrownBy(() -> Comparison.of(Ces.of(1, 5), sevenPoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot compare Ces (in points of the rating scale [1, 5]) with Ces (in points of the"
                + " rating scale [1, 7])");
    assertThatThrownBy(() -> Comparison.of(Ces.of(1, 1), Ces.of(5, 5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be tested: neither sample varies");
    assertThatThrownBy(() -> Comparison.of(Nps.EMPTY, Nps.of(9)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("NPS is undefined for an empty sample");
    assertThatThrownBy(() -> Comparison.of(null, Nps.of(9)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("first");
  }

  @Test
  void zeroStandardError() {
    assertThat(new Comparison(0, 0, 0, Unit.FRACTION).z()).isZero();
    assertThat(new Comparison(0, 0, 0, Unit.FRACTION).pValue()).isEqualTo(1.0);
    assertThat(new Comparison(0, 0, 0, Unit.FRACTION).isSignificant(0.5)).isFalse();
    assertThat(new Comparison(-2, -2, 0, Unit.FRACTION).z()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(new Comparison(-2, -2, 0, Unit.FRACTION).pValue()).isZero();
    assertThat(new Comparison(-2, -2, 0, Unit.FRACTION).isSignificant(0.99)).isTrue();
    assertThat(new Comparison(5, 2, 1, Unit.FRACTION).z()).isEqualTo(2.0);
  }

  @Test
  void rejectsBadComponents() {
    assertThatThrownBy(() -> new Comparison(Double.NaN, 1, 1, Unit.FRACTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("difference (NaN) must be finite");
    assertThatThrownBy(() -> new Comparison(1, Double.POSITIVE_INFINITY, 1, Unit.FRACTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("adjusted difference (Infinity) must be finite");
    assertThatThrownBy(() -> new Comparison(1, 1, -1, Unit.FRACTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("standard error (-1.0) must be finite and >= 0");
    assertThatThrownBy(() -> new Comparison(1, 1, Double.POSITIVE_INFINITY, Unit.FRACTION))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Comparison(1, 1, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("unit");
    assertThatThrownBy(
            () -> Comparison.ofIndependent(1, Double.POSITIVE_INFINITY, 0, 1, Unit.PERCENT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Comparison.ofIndependent(1, 1, 0, -1, Unit.PERCENT))
        .hasMessage("standard error (-1.0) must be finite and >= 0");
    assertThatThrownBy(() -> new Comparison(1, 1, 1, Unit.FRACTION).isSignificant(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
