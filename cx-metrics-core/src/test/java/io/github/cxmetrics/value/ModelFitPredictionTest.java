package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ModelFit#predict}, {@link ModelFit#aic()} and {@link ModelFit#bic()}. */
class ModelFitPredictionTest {
  /** lambda = 2 with variance 0.01 (SE 0.1), LL = -100 over 100 customers. */
  private static final ModelFit<PoissonModel> FIT = PoissonModel.fit(2, 0.01, -100, 100);

  @Test
  void deltaMethodByHand() {
    // E[X(3)] = 3 lambda: gradient 3, SE 3 * 0.1
    Prediction linear = FIT.predict(m -> m.expectedPurchases(3), Prediction.PURCHASES);
    assertThat(linear.estimate()).isEqualTo(6);
    assertThat(linear.standardError()).isCloseTo(0.3, within(1e-12));
    assertThat(linear.unit()).isEqualTo(Prediction.PURCHASES);
    // lambda^3: gradient 3 lambda^2 = 12, SE 1.2 (Richardson makes the cubic's difference exact)
    Prediction cubic = FIT.predict(m -> m.lambda() * m.lambda() * m.lambda(), Prediction.PURCHASES);
    assertThat(cubic.estimate()).isEqualTo(8);
    assertThat(cubic.standardError()).isCloseTo(1.2, within(1e-9));
    // P(X(1) = 0) = e^-lambda: gradient -e^-2, SE 0.1 e^-2
    Prediction none = FIT.predict(m -> m.probabilityOfPurchases(0, 1), Unit.FRACTION);
    assertThat(none.standardError()).isCloseTo(0.1 * Math.exp(-2), within(1e-12));
    Interval interval = none.confidenceInterval(0.95);
    assertThat(interval.lower())
        .isCloseTo(Math.exp(-2) - 1.959963984540054 * 0.1 * Math.exp(-2), within(1e-12));
    assertThat(interval.unit()).isEqualTo(Unit.FRACTION);
    // a prediction that does not depend on the parameters has no uncertainty
    assertThat(FIT.predict(m -> 5, Prediction.PURCHASES).standardError()).isZero();
  }

  @Test
  void twoIndependentFitsAddTheirVariances() {
    ModelFit<PoissonModel> other = PoissonModel.fit(3, 0.04, -50, 40); // SE 0.2
    // lambda1 * lambda2 = 6: gradients 3 and 2; SE^2 = 9 * 0.01 + 4 * 0.04 = 0.25
    Prediction product = FIT.predict(other, (m, n) -> m.lambda() * n.lambda(), Prediction.CURRENCY);
    assertThat(product.estimate()).isEqualTo(6);
    assertThat(product.standardError()).isCloseTo(0.5, within(1e-10));
    assertThat(product.unit()).isEqualTo(Prediction.CURRENCY);
  }

  @Test
  void singularFitsAndNonFinitePredictionsAreReportedNotReturnedAsNaN() {
    // an information matrix that is not positive definite gives no fit at all, so no prediction
    // of it can have a NaN standard error
    assertThatThrownBy(() -> PoissonModel.fit(2, -0.01, -100, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the data cannot identify the Poisson model: the observed information at (lambda ="
                + " 2.0) is singular");
    assertThatThrownBy(() -> FIT.predict(m -> 1 / (m.lambda() - 2), Prediction.PURCHASES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the prediction of the Poisson fit is Infinity at the estimates");
    assertThatThrownBy(() -> FIT.predict(null, Prediction.PURCHASES))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Prediction(1, -1, Prediction.PURCHASES))
        .hasMessageContaining("standard error (-1.0)");
    assertThatThrownBy(() -> new Prediction(Double.NaN, 1, Prediction.PURCHASES))
        .hasMessageContaining("estimate (NaN)");
    assertThatThrownBy(() -> new Prediction(1, 1, Prediction.PURCHASES).confidenceInterval(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void informationCriteriaByHand() {
    // one parameter, LL = -100, 100 customers: AIC = 2 + 200, BIC = ln(100) + 200
    assertThat(FIT.aic()).isEqualTo(202);
    assertThat(FIT.bic()).isCloseTo(204.60517018598809, within(1e-12));
  }

  /**
   * Coverage: over bases simulated from known parameters, the 95% delta-method interval of {@code
   * E[X(39)]} must contain the true value in 93% to 97% of the replications (Monte Carlo error of
   * 400 replications: about 1.1 points).
   */
  @Test
  @Tag("slow")
  void deltaMethodIntervalsCoverTheTruth() {
    BgNbd truth = BgNbd.of(0.25, 4.0, 0.8, 2.5);
    double target = truth.expectedPurchases(39);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1_404L);
    int replications = 400;
    int covered = 0;
    for (int i = 0; i < replications; i++) {
      ModelFit<BgNbd> fit = BgNbd.fit(truth.simulate(BgNbdRecoveryTest.ages(2_000, rng), rng));
      Interval interval =
          fit.predict(m -> m.expectedPurchases(39), Prediction.PURCHASES).confidenceInterval(0.95);
      if (interval.lower() <= target && target <= interval.upper()) {
        covered++;
      }
    }
    double coverage = (double) covered / replications;
    // measured: 378 of 400 (94.5%)
    assertThat(coverage).as("%s of %s covered", covered, replications).isBetween(0.93, 0.97);
  }
}
