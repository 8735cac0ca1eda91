package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.TargetTest.Alternative;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Nps;
import org.junit.jupiter.api.Test;

/** One-sample tests against a target, by hand and against SciPy's normal distribution. */
class TargetTestTest {
  @Test
  void aMeanAgainstATarget() {
    // ratings 1, 2, 2, 3, 5, 1, 2, 4: mean 2.5, squared deviations summing to 14, variance 14 / 7
    // = 2, standard error sqrt(2 / 8) = 0.5; against 3, z = -1; scipy.stats.norm: cdf(-1) =
    // 0.15865525393145707, sf(-1) = 0.8413447460685429, 2 sf(1) = 0.31731050786291415
    Ces ces = Ces.of(1, 2, 2, 3, 5, 1, 2, 4);
    TargetTest below = TargetTest.of(ces, 3, Alternative.BELOW);
    assertThat(below.estimate()).isEqualTo(2.5);
    assertThat(below.standardError()).isCloseTo(0.5, within(1e-15));
    assertThat(below.z()).isCloseTo(-1, within(1e-14));
    assertThat(below.pValue()).isCloseTo(0.15865525393145707, within(1e-14));
    assertThat(TargetTest.of(ces, 3, Alternative.ABOVE).pValue())
        .isCloseTo(0.8413447460685429, within(1e-14));
    assertThat(TargetTest.of(ces, 3, Alternative.DIFFERENT).pValue())
        .isCloseTo(0.31731050786291415, within(1e-14));
    assertThat(below.isSignificant(0.80)).isTrue();
    assertThat(below.isSignificant(0.90)).isFalse();
  }

  @Test
  void anNpsAgainstABenchmarkUsesTheAdjustedWaldBasis() {
    // 60 promoters, 25 passives, 15 detractors (NPS 45) against a benchmark of 30: Rocks'
    // pseudo-counts give p~ = 60.75 / 103, d~ = 15.75 / 103 (Lewis and Sauro 2021), so the basis
    // is 100 (p~ - d~) = 43.689 with SE 100 sqrt((p~ + d~ - (p~ - d~)^2) / 103) = 7.320
    Nps nps = Nps.ofCounts(60, 25, 15);
    double p = 60.75 / 103;
    double d = 15.75 / 103;
    double se = 100 * Math.sqrt((p + d - (p - d) * (p - d)) / 103);
    double z = (100 * (p - d) - 30) / se;
    TargetTest test = TargetTest.of(nps, 30, Alternative.ABOVE);
    assertThat(test.estimate()).isCloseTo(100 * (p - d), within(1e-12));
    assertThat(test.standardError()).isCloseTo(se, within(1e-12));
    assertThat(test.z()).isCloseTo(z, within(1e-12));
    assertThat(test.z()).isCloseTo(1.870220528990127, within(1e-12));
    // scipy.stats.norm.sf(1.870220528990127) = 0.03072660002834394; two-sided 0.0614532...
    assertThat(test.pValue()).isCloseTo(0.03072660002834394, within(1e-14));
    assertThat(test.isSignificant(0.95)).isTrue();
    assertThat(TargetTest.of(nps, 30, Alternative.DIFFERENT).isSignificant(0.95)).isFalse();
  }

  @Test
  void aBasisWithoutSpreadAndBadArguments() {
    Ces same = Ces.of(2, 2, 2);
    assertThat(TargetTest.of(same, 3, Alternative.BELOW).z()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(TargetTest.of(same, 3, Alternative.BELOW).pValue()).isZero();
    assertThat(TargetTest.of(same, 2, Alternative.DIFFERENT).pValue()).isEqualTo(1);
    assertThat(TargetTest.of(same, 2, Alternative.ABOVE).pValue()).isEqualTo(0.5);
    assertThatThrownBy(() -> TargetTest.of(Nps.EMPTY, 0, Alternative.ABOVE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TargetTest.of(same, Double.NaN, Alternative.ABOVE))
        .hasMessageContaining("target (NaN)");
    assertThatThrownBy(() -> TargetTest.of(same, 1, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TargetTest.of(same, 1, Alternative.ABOVE).isSignificant(1))
        .hasMessageContaining("confidence level (1.0)");
    assertThatThrownBy(() -> new TargetTest(0, 0, 1, Alternative.ABOVE, 0, 1.5))
        .hasMessageContaining("p-value (1.5)");
  }

  @Test
  void theThreeAlternativesAgree() {
    qt().forAll(
            integers().between(0, 200),
            integers().between(0, 200),
            integers().between(0, 200),
            doubles().between(-100, 100))
        .assuming((p, pa, d, target) -> p + pa + d > 0)
        .checkAssert(
            (p, pa, d, target) -> {
              Nps nps = Nps.ofCounts(p, pa, d);
              double above = TargetTest.of(nps, target, Alternative.ABOVE).pValue();
              double below = TargetTest.of(nps, target, Alternative.BELOW).pValue();
              double both = TargetTest.of(nps, target, Alternative.DIFFERENT).pValue();
              assertThat(above + below).isCloseTo(1, within(1e-12));
              assertThat(both).isCloseTo(Math.min(1, 2 * Math.min(above, below)), within(1e-12));
              // a higher target is harder to beat
              assertThat(TargetTest.of(nps, target + 1, Alternative.ABOVE).pValue())
                  .isGreaterThanOrEqualTo(above);
            });
  }
}
