package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static UniformRandomProvider rng() {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(2_026L);
  }

  /** 300 customers with one repeat purchase and 700 with none, all of age 1. */
  private static CustomerSummaries shares() {
    return CustomerSummaries.ofCounts(
        new int[] {1, 0}, new double[] {0.5, 0}, new double[] {1, 1}, new long[] {300, 700});
  }

  /** "Fits" lambda as the share of customers with a repeat purchase, with any variance. */
  private static ModelFit<PoissonModel> share(CustomerSummaries customers) {
    double repeaters = 0;
    for (int i = 0; i < customers.size(); i++) {
      repeaters += customers.frequency(i) * customers.count(i);
    }
    return PoissonModel.fit(repeaters / customers.customers(), 1, 0, customers.customers());
  }

  @Test
  void resamplesCustomersWithReplacement() {
    // the share of 0.3 over n = 1000 resampled customers has the binomial standard error
    // sqrt(0.3 * 0.7 / 1000) = 0.01449; 400 replicates estimate it within about 4%
    Bootstrap<PoissonModel> bootstrap = Bootstrap.of(shares(), BootstrapTest::share, 400, rng());
    assertThat(bootstrap.models()).hasSize(400);
    assertThat(bootstrap.failures()).isZero();
    assertThat(bootstrap.standardError(PoissonModel::lambda))
        .isCloseTo(Math.sqrt(0.3 * 0.7 / 1000), within(0.0015));
    double mean =
        bootstrap.models().stream().mapToDouble(PoissonModel::lambda).average().orElseThrow();
    assertThat(mean).isCloseTo(0.3, within(0.003));
    assertThat(bootstrap.toString()).isEqualTo("Bootstrap[400 replicates, 0 failed]");
  }

  @Test
  void percentileIntervalsInterpolateTheOrderStatistics() {
    // a fitting method that returns 1, 2, 3, 4, 5 in turn: the 25% and 75% quantiles of five
    // sorted values (positions 1 and 3 of 0..4) are 2 and 4; at 80%, positions 0.4 and 3.6
    AtomicInteger next = new AtomicInteger();
    Bootstrap<PoissonModel> bootstrap =
        Bootstrap.of(shares(), c -> PoissonModel.fit(next.incrementAndGet(), 1, 0, 1000), 5, rng());
    Interval half = bootstrap.percentileInterval(PoissonModel::lambda, 0.5, Unit.PARAMETER);
    assertThat(half.lower()).isEqualTo(2);
    assertThat(half.upper()).isEqualTo(4);
    Interval wide = bootstrap.percentileInterval(PoissonModel::lambda, 0.8, Unit.PARAMETER);
    assertThat(wide.lower()).isCloseTo(1.4, within(1e-12));
    assertThat(wide.upper()).isCloseTo(4.6, within(1e-12));
    // the standard deviation of 1..5, divisor 4: sqrt(10 / 4)
    assertThat(bootstrap.standardError(PoissonModel::lambda))
        .isCloseTo(Math.sqrt(2.5), within(1e-12));
  }

  @Test
  void failedReplicatesAreCountedAndTooManyFailuresThrow() {
    AtomicInteger calls = new AtomicInteger();
    Bootstrap<PoissonModel> bootstrap =
        Bootstrap.of(
            shares(),
            c -> {
              if (calls.incrementAndGet() % 3 == 0) {
                throw new IllegalArgumentException("cannot identify");
              }
              return share(c);
            },
            9,
            rng());
    assertThat(bootstrap.models()).hasSize(6);
    assertThat(bootstrap.failures()).isEqualTo(3);
    assertThatThrownBy(
            () ->
                Bootstrap.of(
                    shares(),
                    c -> {
                      throw new IllegalStateException("did not converge");
                    },
                    4,
                    rng()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("only 0 of 4 bootstrap replicates could be fitted")
        .hasRootCauseMessage("did not converge");
    assertThatThrownBy(() -> Bootstrap.of(shares(), BootstrapTest::share, 1, rng()))
        .hasMessageContaining("number of replicates");
    CustomerSummaries none = CustomerSummaries.of(new int[0], new double[0], new double[0]);
    assertThatThrownBy(() -> Bootstrap.of(none, BootstrapTest::share, 10, rng()))
        .hasMessage("a bootstrap needs customers: the base has none");
    Bootstrap<PoissonModel> ok = Bootstrap.of(shares(), BootstrapTest::share, 3, rng());
    assertThatThrownBy(() -> ok.standardError(m -> Double.NaN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the prediction is NaN for the bootstrap model");
    assertThatThrownBy(() -> ok.percentileInterval(PoissonModel::lambda, 1.5, Unit.PARAMETER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The CDNOW fit: 200 bootstrap replicates give standard errors of the parameters and of {@code
   * E[X(39)]} close to the asymptotic ones of the fit (the inverse observed information and the
   * delta method); the two methods estimate the same quantity by different routes.
   */
  @Test
  void bootstrapAndDeltaMethodAgreeOnCdnow() {
    CustomerSummaries customers = CustomerSummaries.of(Cdnow.calibration());
    ModelFit<BgNbd> fit = BgNbd.fit(customers);
    Bootstrap<BgNbd> bootstrap = Bootstrap.of(customers, BgNbd::fit, 200, rng());
    assertThat(bootstrap.failures()).isZero();
    double[] bootstrapErrors = {
      bootstrap.standardError(BgNbd::r),
      bootstrap.standardError(BgNbd::alpha),
      bootstrap.standardError(BgNbd::a),
      bootstrap.standardError(BgNbd::b)
    };
    double[] asymptotic = fit.standardErrors();
    for (int i = 0; i < 4; i++) {
      assertThat(bootstrapErrors[i] / asymptotic[i])
          .as(
              "%s: bootstrap %s, asymptotic %s",
              fit.parameterNames().get(i), bootstrapErrors[i], asymptotic[i])
          .isBetween(0.75, 1.33);
    }
    Prediction delta = fit.predict(m -> m.expectedPurchases(39), Prediction.PURCHASES);
    double resampled = bootstrap.standardError(m -> m.expectedPurchases(39));
    assertThat(resampled / delta.standardError())
        .as("E[X(39)]: bootstrap SE %s, delta-method SE %s", resampled, delta.standardError())
        .isBetween(0.8, 1.25);
    Interval percentile =
        bootstrap.percentileInterval(m -> m.expectedPurchases(39), 0.95, Prediction.PURCHASES);
    assertThat(percentile.contains(delta.estimate())).isTrue();
    assertThat(Arrays.asList(percentile.lower(), percentile.upper()))
        .allSatisfy(
            end ->
                assertThat(Math.abs(end - delta.estimate()))
                    .isBetween(1 * delta.standardError(), 3 * delta.standardError()));
  }
}
