package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the BG/NBD model over random parameters and customers. */
class BgNbdPropertiesTest {
  /** Parameters over the ranges seen in published fits and well beyond. */
  static Gen<BgNbd> models() {
    return doubles()
        .between(0.05, 5)
        .zip(
            doubles().between(0.5, 50),
            doubles().between(0.1, 5),
            doubles().between(0.1, 10),
            BgNbd::of);
  }

  /** A customer as {x, t_x, T}: x in [0, 60], T in [0, 100], t_x in [0, T] (0 when x = 0). */
  static Gen<double[]> customers() {
    return integers()
        .between(0, 60)
        .zip(
            doubles().between(0, 100),
            doubles().between(0, 1),
            (x, age, share) -> new double[] {x, x == 0 ? 0 : age * share, age});
  }

  @Test
  void predictionsStayInRangeAndGrowWithTheHorizon() {
    qt().forAll(models(), customers(), doubles().between(0.01, 200))
        .checkAssert(
            (model, c, t) -> {
              int x = (int) c[0];
              double alive = model.probabilityAlive(x, c[1], c[2]);
              assertThat(alive).isGreaterThan(0).isLessThanOrEqualTo(1);
              double e = model.conditionalExpectedPurchases(t, x, c[1], c[2]);
              double longer = model.conditionalExpectedPurchases(2 * t, x, c[1], c[2]);
              assertThat(e).isFinite().isPositive();
              assertThat(longer).isGreaterThanOrEqualTo(e);
              // while active, purchases in (T, T + t] average (r + x) t / (alpha + T) at most:
              // the posterior mean rate times t, an upper bound as dropout only removes purchases
              double bound = alive * (model.r() + x) * t / (model.alpha() + c[2]);
              assertThat(e).isLessThanOrEqualTo(bound * (1 + 1e-9));
              double p0 = model.probabilityOfPurchases(0, t);
              assertThat(p0).isBetween(0.0, 1.0);
              assertThat(model.expectedPurchases(t)).isGreaterThanOrEqualTo(0);
            });
  }

  @Test
  void totalLogLikelihoodIsTheSumOfTheCustomers() {
    qt().forAll(models(), lists().of(customers()).ofSizeBetween(0, 40))
        .checkAssert(
            (model, list) -> {
              CustomerSummaries base = columns(list);
              double sum = 0;
              double scale = 0;
              for (double[] c : list) {
                double ll = model.logLikelihood((int) c[0], c[1], c[2]);
                sum += ll;
                scale += Math.abs(ll);
              }
              assertThat(model.logLikelihood(base)).isCloseTo(sum, within(1e-12 * (1 + scale)));
            });
  }

  static CustomerSummaries columns(List<double[]> list) {
    int[] x = new int[list.size()];
    double[] tx = new double[list.size()];
    double[] t = new double[list.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (int) list.get(i)[0];
      tx[i] = list.get(i)[1];
      t[i] = list.get(i)[2];
    }
    return CustomerSummaries.of(x, tx, t);
  }
}
