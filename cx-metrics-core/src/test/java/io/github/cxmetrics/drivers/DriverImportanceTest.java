package io.github.cxmetrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Driver importances against numpy and by their laws. */
class DriverImportanceTest {
  // src/test/reference/drivers_lmg.py: 40 responses drawn once, an outcome 0..10, three drivers
  private static final int[] OUTCOME = {
    6, 7, 3, 0, 4, 2, 3, 1, 8, 5, 7, 4, 6, 3, 8, 3, 1, 2, 9, 5, 6, 0, 7, 4, 3, 8, 2, 8, 3, 4, 6, 3,
    10, 6, 6, 1, 2, 7, 9, 7
  };
  private static final int[] EASE = {
    3, 4, 2, 1, 3, 2, 2, 2, 5, 4, 3, 1, 3, 2, 5, 3, 1, 1, 5, 3, 2, 1, 4, 2, 1, 2, 2, 5, 2, 3, 5, 2,
    5, 3, 4, 3, 3, 4, 4, 3
  };
  private static final int[] SUPPORT = {
    4, 5, 2, 1, 3, 1, 3, 2, 5, 4, 4, 2, 2, 3, 5, 4, 1, 1, 5, 2, 3, 1, 4, 3, 2, 3, 3, 5, 3, 2, 4, 1,
    4, 2, 5, 2, 2, 3, 3, 4
  };
  private static final int[] PRICE = {
    5, 2, 5, 4, 5, 5, 1, 1, 5, 3, 3, 2, 3, 2, 5, 2, 3, 3, 2, 2, 2, 2, 2, 5, 4, 4, 4, 1, 5, 1, 5, 4,
    3, 3, 1, 1, 2, 2, 5, 1
  };
  private static final List<String> NAMES = List.of("ease", "support", "price");

  private static DriverMoments survey(int from, int to) {
    DriverAccumulator accumulator = new DriverAccumulator(NAMES);
    for (int i = from; i < to; i++) {
      accumulator.accept(OUTCOME[i], EASE[i], SUPPORT[i], PRICE[i]);
    }
    return accumulator.snapshot();
  }

  @Test
  void reproducesNumpysCorrelationsCoefficientsAndLmg() {
    DriverImportance importance = DriverImportance.of(survey(0, 40));
    // numpy.corrcoef; lstsq on z-scores; LMG averaged over the 3! orders of entry, each R^2 from
    // its own least-squares fit (src/test/reference/drivers_lmg.py)
    assertThat(importance.correlation("ease")).isCloseTo(0.7765537965783954, within(1e-13));
    assertThat(importance.correlation("support")).isCloseTo(0.7442246344131962, within(1e-13));
    assertThat(importance.correlation("price")).isCloseTo(0.058478680366448405, within(1e-13));
    assertThat(importance.standardizedCoefficient("ease"))
        .isCloseTo(0.4985665667952866, within(1e-12));
    assertThat(importance.standardizedCoefficient("support"))
        .isCloseTo(0.3529929421608508, within(1e-12));
    assertThat(importance.standardizedCoefficient("price"))
        .isCloseTo(0.09101623407022406, within(1e-12));
    assertThat(importance.rSquared()).isCloseTo(0.6551923128823844, within(1e-12));
    assertThat(importance.lmg("ease")).isCloseTo(0.3480471695824512, within(1e-12));
    assertThat(importance.lmg("support")).isCloseTo(0.3005755092948774, within(1e-12));
    assertThat(importance.lmg("price")).isCloseTo(0.006569634005055873, within(1e-12));
    assertThat(importance.share("ease"))
        .isCloseTo(0.3480471695824512 / 0.6551923128823844, within(1e-12));
    // the quadrant: importance against the mean rating (ease: the 40 ratings above sum to 115)
    DriverImportance.Quadrant ease = importance.quadrant().get(0);
    assertThat(ease.driver()).isEqualTo("ease");
    assertThat(ease.meanRating()).isEqualTo(115 / 40.0);
    assertThat(ease.importance()).isEqualTo(importance.lmg("ease"));
  }

  /**
   * R's {@code swiss} data (src/test/resources/swiss, with its README): Fertility on Agriculture,
   * Examination, Education, Catholic and Infant.Mortality, the example of Grömping (2006). Each
   * column is multiplied by a power of ten to whole numbers, which leaves correlations, R^2 and the
   * importances unchanged.
   */
  private static DriverMoments swiss() throws IOException {
    int[] scale = {10, 10, 1, 1, 100, 10};
    DriverAccumulator accumulator =
        new DriverAccumulator(
            List.of("Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"));
    try (InputStream in = DriverImportanceTest.class.getResourceAsStream("/swiss/swiss.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(",");
        int[] row = new int[6];
        for (int j = 0; j < 6; j++) {
          row[j] =
              new BigDecimal(fields[j + 1]).multiply(BigDecimal.valueOf(scale[j])).intValueExact();
        }
        accumulator.accept(row[0], row[1], row[2], row[3], row[4], row[5]);
      }
    }
    return accumulator.snapshot();
  }

  @Test
  void reproducesTheSwissFertilityRegressionAndItsDecomposition() throws IOException {
    DriverMoments moments = swiss();
    assertThat(moments.count()).isEqualTo(47);
    DriverImportance importance = DriverImportance.of(moments);
    // The coefficients R's summary(lm(Fertility ~ ., data = swiss)) prints, to its 5 decimals
    // (published, e.g., in the rstudio-pubs report 1402611 "Using the swiss dataset, build the best
    // multiple regression model"): a standardized coefficient times sd(y) / sd(x) is the
    // coefficient on the published scale; the scales of the test's whole numbers cancel out
    // except for the column's factor, undone here.
    String[] drivers = {"Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"};
    double[] published = {-0.17211, -0.25801, -0.87094};
    int[] scale = {10, 1, 1, 100, 10};
    for (int j = 0; j < published.length; j++) {
      double raw =
          importance.standardizedCoefficient(drivers[j])
              * Math.sqrt(moments.covariance(0, 0) / moments.covariance(j + 1, j + 1))
              * scale[j]
              / 10;
      assertThat(raw).as(drivers[j]).isCloseTo(published[j], within(5e-6));
    }
    // numpy on the published decimals (src/test/reference/drivers_swiss.py): R^2, LMG over the
    // 5! orders of entry, each R^2 from its own least-squares fit, and Johnson's weights by eigh
    assertThat(importance.rSquared()).isCloseTo(0.7067350015927255, within(1e-12));
    double[] lmg = {
      0.05709122076809123,
      0.1711730289002343,
      0.2601346786243845,
      0.10557015037349368,
      0.11276592292652188
    };
    double[] weights = {
      0.04841689581190061,
      0.15470824980616021,
      0.2719641046459986,
      0.11468002994756109,
      0.1169657213811046
    };
    double[] correlations = {
      0.35307918361997476,
      -0.6458827064572877,
      -0.6637888570350691,
      0.46368470065179374,
      0.4165560314349827
    };
    for (int j = 0; j < drivers.length; j++) {
      assertThat(importance.lmg(drivers[j])).as(drivers[j]).isCloseTo(lmg[j], within(1e-12));
      assertThat(importance.relativeWeight(drivers[j]))
          .as(drivers[j])
          .isCloseTo(weights[j], within(1e-12));
      assertThat(importance.correlation(drivers[j]))
          .as(drivers[j])
          .isCloseTo(correlations[j], within(1e-13));
    }
  }

  @Test
  void coMomentsAreExactIntegersThatMergeBitForBit() {
    DriverMoments whole = survey(0, 40);
    // by hand: sum of the outcome and of outcome times ease
    long sum = 0;
    long cross = 0;
    for (int i = 0; i < 40; i++) {
      sum += OUTCOME[i];
      cross += (long) OUTCOME[i] * EASE[i];
    }
    assertThat(whole.sum(0)).isEqualTo(sum);
    assertThat(whole.sumOfProducts(0, 1)).isEqualTo(cross).isEqualTo(whole.sumOfProducts(1, 0));
    assertThat(whole.count()).isEqualTo(40);
    qt().forAll(integers().between(0, 40), integers().between(0, 40))
        .checkAssert(
            (a, b) -> {
              int lo = Math.min(a, b);
              int hi = Math.max(a, b);
              DriverMoments merged = survey(0, lo).merge(survey(lo, hi)).merge(survey(hi, 40));
              assertThat(merged).isEqualTo(whole);
              assertThat(survey(hi, 40).merge(survey(0, lo)).merge(survey(lo, hi)))
                  .isEqualTo(whole);
              assertThat(DriverImportance.of(merged).lmg("ease"))
                  .isEqualTo(DriverImportance.of(whole).lmg("ease"));
            });
    DriverAccumulator a = new DriverAccumulator(NAMES);
    a.accept(5, 1, 2, 3).combine(new DriverAccumulator(NAMES).accept(7, 3, 2, 1));
    assertThat(a.snapshot().sumOfProducts(0, 3)).isEqualTo(5 * 3 + 7 * 1);
    // stored co-moments read back and added to an accumulator count as the responses themselves
    DriverAccumulator resumed = new DriverAccumulator(NAMES);
    for (int i = 20; i < 40; i++) {
      resumed.accept(OUTCOME[i], EASE[i], SUPPORT[i], PRICE[i]);
    }
    resumed.add(DriverMoments.fromByteArray(survey(0, 20).toByteArray()));
    assertThat(resumed.snapshot()).isEqualTo(whole);
    assertThatThrownBy(() -> resumed.add(DriverMoments.empty(List.of("ease"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge co-moments of drivers [ease, support, price] and [ease]");
    assertThat(resumed.snapshot()).isEqualTo(whole);
  }

  @Test
  void importancesAddUpToRSquaredAndFollowTheirDrivers() {
    qt().withExamples(200)
        .forAll(integers().between(0, 1_000_000), integers().between(2, 6))
        .checkAssert(
            (seed, k) -> {
              SplittableRandom random = new SplittableRandom(seed);
              List<String> names = List.of("a", "b", "c", "d", "e", "f").subList(0, k);
              DriverAccumulator forward = new DriverAccumulator(names);
              List<String> backwards = new java.util.ArrayList<>(names);
              java.util.Collections.reverse(backwards);
              DriverAccumulator backward = new DriverAccumulator(backwards);
              for (int i = 0; i < 60; i++) {
                int[] x = new int[k];
                int y = 0;
                for (int j = 0; j < k; j++) {
                  x[j] = 1 + random.nextInt(5);
                  y += (j + 1) * x[j];
                }
                y += random.nextInt(10);
                int[] reversed = new int[k];
                for (int j = 0; j < k; j++) {
                  reversed[j] = x[k - 1 - j];
                }
                forward.accept(y, x);
                backward.accept(y, reversed);
              }
              DriverImportance f = DriverImportance.of(forward.snapshot());
              DriverImportance b = DriverImportance.of(backward.snapshot());
              double total = 0;
              double weights = 0;
              for (String name : names) {
                double lmg = f.lmg(name);
                weights += f.relativeWeight(name);
                assertThat(b.relativeWeight(name)).isCloseTo(f.relativeWeight(name), within(1e-10));
                assertThat(lmg).isBetween(-1e-12, f.rSquared() + 1e-12);
                // relabelling the drivers permutes their importances
                assertThat(b.lmg(name)).isCloseTo(lmg, within(1e-12));
                total += lmg;
              }
              assertThat(total).isCloseTo(f.rSquared(), within(1e-12));
              assertThat(weights).isCloseTo(f.rSquared(), within(1e-10));
              assertThat(f.rSquared()).isBetween(0.0, 1.0);
            });
  }

  @Test
  void anIndependentDriverGetsAlmostNoImportance() {
    // a large simulated survey: the outcome follows ease and support, never price
    SplittableRandom random = new SplittableRandom(7);
    DriverAccumulator accumulator = new DriverAccumulator(NAMES);
    for (int i = 0; i < 200_000; i++) {
      int ease = 1 + random.nextInt(5);
      int support = 1 + random.nextInt(5);
      int price = 1 + random.nextInt(5);
      int outcome = Math.min(10, Math.max(0, 2 * ease + support - 3 + random.nextInt(-2, 3)));
      accumulator.accept(outcome, ease, support, price);
    }
    DriverImportance importance = DriverImportance.of(accumulator.snapshot());
    assertThat(importance.lmg("price")).isLessThan(1e-4);
    assertThat(importance.lmg("ease")).isGreaterThan(3 * importance.lmg("support"));
  }

  @Test
  void undefinedAnalysesFailNamingTheirCause() {
    assertThatThrownBy(() -> DriverMoments.empty(List.of()))
        .hasMessage("a driver analysis needs at least one driver");
    assertThatThrownBy(() -> DriverMoments.empty(List.of("a", "a")))
        .hasMessage("driver a is named twice");
    DriverAccumulator constant = new DriverAccumulator(List.of("a", "b"));
    for (int i = 0; i < 10; i++) {
      constant.accept(i, 3, i % 4);
    }
    assertThatThrownBy(() -> DriverImportance.of(constant.snapshot()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("driver a is constant over the 10 responses: its correlations are undefined");
    DriverAccumulator collinear = new DriverAccumulator(List.of("a", "b"));
    for (int i = 0; i < 10; i++) {
      collinear.accept(i, i % 5, 2 * (i % 5));
    }
    assertThatThrownBy(() -> DriverImportance.of(collinear.snapshot()))
        .hasMessage("drivers [a, b] are linearly dependent: their importances are undefined");
    DriverAccumulator few = new DriverAccumulator(NAMES);
    few.accept(1, 1, 2, 3).accept(2, 2, 3, 1).accept(3, 3, 1, 2).accept(4, 1, 1, 1);
    assertThatThrownBy(() -> DriverImportance.of(few.snapshot()))
        .hasMessage("a model of 3 drivers needs at least 5 complete responses; there are 4");
    assertThatThrownBy(() -> new DriverAccumulator(NAMES).accept(1, 2, 3))
        .hasMessage("2 ratings for the 3 drivers [ease, support, price]");
    DriverAccumulator missing = new DriverAccumulator(NAMES);
    missing
        .acceptWithMissing(5, 1, null, 3)
        .acceptWithMissing(null, 1, 2, 3)
        .acceptWithMissing(5, 1, 2, 3);
    assertThat(missing.snapshot().count()).isEqualTo(1);
    assertThat(missing.snapshot().incomplete()).isEqualTo(2);
    assertThatThrownBy(() -> survey(0, 10).merge(DriverMoments.empty(List.of("x"))))
        .hasMessage("cannot merge co-moments of drivers [ease, support, price] and [x]");
    assertThatThrownBy(() -> DriverImportance.of(survey(0, 40)).lmg("speed"))
        .hasMessage("driver speed is not one of [ease, support, price]");
    assertThatThrownBy(() -> DriverMoments.empty(NAMES).mean(0))
        .hasMessage("the co-moments hold 0 responses; at least 1 are needed");
  }
}
