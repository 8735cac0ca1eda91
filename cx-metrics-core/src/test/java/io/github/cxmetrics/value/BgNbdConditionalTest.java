package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** {@link BgNbd#conditionalProbabilityOfPurchases}: the distribution of a customer's purchases. */
class BgNbdConditionalTest {
  private static final BgNbd MODEL = BgNbd.of(0.243, 4.414, 0.793, 2.426);

  /**
   * Reference: {@code src/test/reference/conditional_pmf.py}, SciPy's {@code dblquad} over the
   * customer's posterior (lambda, p) of the probability of {@code min(Poisson, Geometric)}
   * purchases, with no closed form (agreement to about 1e-8; quadrature roundoff limits it).
   */
  @Test
  void agreesWithNumericalIntegrationOverThePosterior() {
    assertDistribution(
        0,
        0,
        38.86,
        39,
        0.8554494593906555,
        0.10987298880033373,
        0.024284119334732217,
        0.006919059456265454);
    assertDistribution(
        2,
        30.43,
        38.86,
        39,
        0.4453728620829702,
        0.23931893743378296,
        0.14418322186317792,
        0.08085005599385656);
    assertDistribution(
        5,
        20,
        38,
        10,
        0.7926616667885557,
        0.1121289745152507,
        0.05833468830399707,
        0.02416721967061677);
    assertThat(MODEL.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.7265785700805264, within(1e-9));
  }

  private static void assertDistribution(
      int x, double tx, double age, double t, double... expected) {
    for (int n = 0; n < expected.length; n++) {
      assertThat(MODEL.conditionalProbabilityOfPurchases(n, t, x, tx, age))
          .as("P(Y(%s) = %s | x = %s, t_x = %s, T = %s)", t, n, x, tx, age)
          .isCloseTo(expected[n], within(1e-7));
    }
  }

  /** Second algorithm: the probabilities sum to 1 and their mean is equation 10's series. */
  @Test
  void sumsToOneWithTheConditionalExpectationAsMean() {
    double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 35, 38}, {1, 2, 30}};
    for (double[] c : customers) {
      int x = (int) c[0];
      double total = 0;
      double mean = 0;
      for (int n = 0; n < 5_000; n++) {
        double p = MODEL.conditionalProbabilityOfPurchases(n, 39, x, c[1], c[2]);
        assertThat(p).isBetween(0.0, 1.0);
        total += p;
        mean += n * p;
      }
      assertThat(total).as("sum for x = %s", x).isCloseTo(1, within(1e-9));
      assertThat(mean)
          .as("mean for x = %s", x)
          .isCloseTo(MODEL.conditionalExpectedPurchases(39, x, c[1], c[2]), within(1e-8));
    }
  }

  /**
   * Simulation: draw (lambda, p) from the prior, weight each draw by the likelihood of the history
   * (alive and dropped-out parts, Fader, Hardie and Lee 2005, equation 3), and simulate the next
   * period's purchases of the alive ones; the weighted frequencies estimate the distribution.
   */
  @Test
  void agreesWithSimulationOfTheModel() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_261_124L);
    ContinuousSampler rates = AhrensDieterMarsagliaTsangGammaSampler.of(rng, MODEL.r(), 1 / 4.414);
    ContinuousSampler dropouts = ChengBetaSampler.of(rng, MODEL.a(), MODEL.b());
    int x = 2;
    double tx = 30.43;
    double age = 38.86;
    double t = 39;
    double[] weight = new double[4];
    double totalWeight = 0;
    double totalSquared = 0;
    for (int draw = 0; draw < 400_000; draw++) {
      double lambda = rates.sample();
      double p = dropouts.sample();
      double alive = Math.pow(1 - p, x) * Math.pow(lambda, x) * Math.exp(-lambda * age);
      double dead = p * Math.pow(1 - p, x - 1) * Math.pow(lambda, x) * Math.exp(-lambda * tx);
      weight[0] += dead;
      int purchases = 0;
      double time = 0;
      while (true) {
        time -= Math.log1p(-rng.nextDouble()) / lambda;
        if (time > t) {
          break;
        }
        purchases++;
        if (rng.nextDouble() < p) {
          break;
        }
      }
      if (purchases < weight.length) {
        weight[purchases] += alive;
      }
      totalWeight += alive + dead;
      totalSquared += (alive + dead) * (alive + dead);
    }
    // the effective sample size of the weights bounds the Monte Carlo error of each share
    double effective = totalWeight * totalWeight / totalSquared;
    for (int n = 0; n < weight.length; n++) {
      double share = weight[n] / totalWeight;
      double error = 4 * Math.sqrt(share * (1 - share) / effective);
      assertThat(MODEL.conditionalProbabilityOfPurchases(n, t, x, tx, age))
          .as("P(Y = %s), simulated %s +- %s", n, share, error)
          .isCloseTo(share, within(error));
    }
  }

  @Test
  void edges() {
    assertThat(MODEL.conditionalProbabilityOfPurchases(0, 0, 3, 10, 20)).isEqualTo(1);
    assertThat(MODEL.conditionalProbabilityOfPurchases(2, 0, 3, 10, 20)).isZero();
    // a customer who bought only once stays active in this model: no purchase has P(X(t) = 0)
    // of a new customer with alpha + T in place of alpha (equation 8, x = 0)
    double z = 10 / (4.414 + 20 + 10);
    assertThat(MODEL.conditionalProbabilityOfPurchases(0, 10, 0, 0, 20))
        .isCloseTo(Math.pow(1 - z, 0.243), within(1e-14));
    assertThatThrownBy(() -> MODEL.conditionalProbabilityOfPurchases(-1, 1, 0, 0, 1))
        .hasMessageContaining("number of purchases");
    assertThatThrownBy(() -> MODEL.conditionalProbabilityOfPurchases(0, Double.NaN, 0, 0, 1))
        .hasMessageContaining("time NaN");
    assertThatThrownBy(() -> MODEL.conditionalProbabilityOfPurchases(0, 1, 2, 3, 2))
        .hasMessageContaining("recency 3.0");
  }
}
