package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Delta-method standard errors of the lifetime value on CDNOW, per customer and for the whole base,
 * against a second route: drawing the parameters of both fits from their asymptotic normal
 * distributions (mean the estimates, covariance the fits' {@code -H^-1}, drawn through a Cholesky
 * factor written here) and taking the standard deviation of the value over the draws. The draws use
 * the covariance scaled by 1/16 (standard deviations by 1/4), so that no draw leaves the parameter
 * space (CDNOW's b = 2.43 has a standard error of 0.71) and the linearisation holds; the delta
 * method's standard error scales by exactly 1/4 with them.
 */
class ClvUncertaintyTest {
  private static final double MARGIN = 0.30;
  private static final double DISCOUNT = 0.01;
  private static final double MONTH = 52.0 / 12;
  private static final double SCALE = 0.25;

  @Test
  @Tag("slow")
  void deltaMethodAgreesWithParameterDraws() {
    List<PurchaseHistory> customers = Cdnow.calibration();
    ModelFit<BgNbd> purchases = BgNbd.fit(customers);
    ModelFit<GammaGamma> spend = GammaGamma.fit(customers);
    PurchaseHistory first = customers.get(0);
    ToDoubleBiFunction<BgNbd, GammaGamma> one =
        (m, g) -> ProbabilisticClv.of(m, g, MARGIN, DISCOUNT, MONTH, 12).customerValue(first);
    ToDoubleBiFunction<BgNbd, GammaGamma> base =
        (m, g) -> {
          ProbabilisticClv clv = ProbabilisticClv.of(m, g, MARGIN, DISCOUNT, MONTH, 12);
          return customers.stream().mapToDouble(clv::customerValue).sum();
        };
    Prediction customer = purchases.predict(spend, one, Prediction.CURRENCY);
    Prediction total = purchases.predict(spend, base, Prediction.CURRENCY);
    assertThat(customer.estimate()).isEqualTo(one.applyAsDouble(purchases.model(), spend.model()));

    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(39L);
    assertThat(SCALE * customer.standardError() / drawn(purchases, spend, one, 4_000, rng))
        .as("customer %s: delta-method SE %s", first.customer(), customer.standardError())
        .isBetween(0.92, 1.08);
    assertThat(SCALE * total.standardError() / drawn(purchases, spend, base, 300, rng))
        .as("whole base: delta-method SE %s", total.standardError())
        .isBetween(0.85, 1.15);
    // the shared parameters make the customers' errors move together: the base's standard error
    // is far above the root of the sum of the customers' variances
    double independent = 0;
    for (PurchaseHistory c : customers.subList(0, 50)) {
      ToDoubleBiFunction<BgNbd, GammaGamma> value =
          (m, g) -> ProbabilisticClv.of(m, g, MARGIN, DISCOUNT, MONTH, 12).customerValue(c);
      double se = purchases.predict(spend, value, Prediction.CURRENCY).standardError();
      independent += se * se;
    }
    // 50 customers' variances scaled to the base
    double scaled = Math.sqrt(independent * customers.size() / 50);
    assertThat(total.standardError()).isGreaterThan(3 * scaled);
  }

  private static double drawn(
      ModelFit<BgNbd> purchases,
      ModelFit<GammaGamma> spend,
      ToDoubleBiFunction<BgNbd, GammaGamma> value,
      int draws,
      UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < draws; i++) {
      BgNbd m = draw(purchases, normal, BgNbd::ofParameters);
      GammaGamma g = draw(spend, normal, GammaGamma::ofParameters);
      double v = value.applyAsDouble(m, g);
      sum += v;
      squares += v * v;
    }
    double mean = sum / draws;
    return Math.sqrt((squares - draws * mean * mean) / (draws - 1));
  }

  private static <M> M draw(
      ModelFit<M> fit, ZigguratSampler.NormalizedGaussian normal, Function<double[], M> model) {
    double[][] l = cholesky(fit.covariance());
    double[] z = new double[l.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = normal.sample();
    }
    double[] theta = fit.estimates();
    for (int i = 0; i < theta.length; i++) {
      for (int j = 0; j <= i; j++) {
        theta[i] += SCALE * l[i][j] * z[j];
      }
    }
    return model.apply(theta);
  }

  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    return l;
  }
}
