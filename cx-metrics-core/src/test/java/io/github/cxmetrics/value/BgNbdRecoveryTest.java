package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: customers simulated from known BG/NBD parameters (the process of Fader,
 * Hardie and Lee 2005, section 2, drawn independently of the likelihood code) must give back those
 * parameters, each within four of its reported standard errors, and the standard errors must shrink
 * like one over the square root of the number of customers.
 */
class BgNbdRecoveryTest {
  private static final BgNbd TRUTH = BgNbd.of(0.25, 4.0, 0.8, 2.5);

  static double[] ages(int n, UniformRandomProvider rng) {
    // first purchases spread over a quarter, observed to week 39: ages 26 to 39 weeks
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 26 + 13 * rng.nextDouble();
    }
    return ages;
  }

  /**
   * Checks that each estimate of {@code fit} is within four standard errors of the {@code truth} it
   * was simulated from, and that each standard error is below {@code relativeSe} of the truth.
   */
  static void checkRecovery(ModelFit<?> fit, double[] truth, double relativeSe) {
    double[] estimate = fit.estimates();
    double[] se = fit.standardErrors();
    for (int i = 0; i < truth.length; i++) {
      assertThat(Math.abs(estimate[i] - truth[i]))
          .as(
              "%s: estimate %s, truth %s, SE %s",
              fit.parameterNames().get(i), estimate[i], truth[i], se[i])
          .isLessThan(4 * se[i]);
      assertThat(se[i] / truth[i])
          .as("relative SE of %s", fit.parameterNames().get(i))
          .isLessThan(relativeSe);
    }
  }

  @Test
  void recoversTheParametersItWasSimulatedFrom() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20051L);
    ModelFit<BgNbd> fit = BgNbd.fit(TRUTH.simulate(ages(200_000, rng), rng));
    checkRecovery(fit, new double[] {TRUTH.r(), TRUTH.alpha(), TRUTH.a(), TRUTH.b()}, 0.05);
    double[] se = fit.standardErrors();
    ModelFit<BgNbd> small = BgNbd.fit(TRUTH.simulate(ages(50_000, rng), rng));
    for (int i = 0; i < 4; i++) {
      // four times fewer customers, about twice the standard error
      assertThat(small.standardErrors()[i] / se[i]).isBetween(1.6, 2.5);
    }
  }
}
