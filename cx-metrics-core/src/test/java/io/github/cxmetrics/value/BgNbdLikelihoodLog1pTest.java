package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * The one-logarithm {@code ln(1 + e)} of the BG/NBD likelihood's inner loop, against {@link
 * StrictMath#log1p(double)} (fdlibm, within one unit in the last place).
 */
class BgNbdLikelihoodLog1pTest {
  private static void assertClose(double e) {
    double reference = StrictMath.log1p(e);
    assertThat(BgNbdLikelihood.log1p(e))
        .as("ln(1 + %s)", e)
        .isCloseTo(reference, within(6 * Math.ulp(reference)));
  }

  @Test
  void agreesWithLog1pAcrossTheUnitInterval() {
    qt().forAll(doubles().between(0, 1)).checkAssert(BgNbdLikelihoodLog1pTest::assertClose);
  }

  @Test
  void agreesWithLog1pFromSubnormalToOne() {
    // e = 2^-k for every k from 0 to 1074, and each neighbour: where 1 + e rounds to 1, at the
    // half-way point 2^-53, and just above it
    for (int k = 0; k <= 1074; k++) {
      double e = Math.scalb(1.0, -k);
      assertClose(e);
      if (k > 0) {
        assertClose(Math.nextUp(e));
      }
      assertClose(Math.nextDown(e));
    }
    assertThat(BgNbdLikelihood.log1p(0)).isEqualTo(0);
    assertThat(BgNbdLikelihood.log1p(1)).isCloseTo(Math.log(2), within(Math.ulp(Math.log(2))));
  }
}
