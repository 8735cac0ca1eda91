package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The pilot fit of large bases ({@code BgNbd.fitContinuous}): a systematic sample's estimate as the
 * start of the whole base's search, against Newton's method run on the whole base from the default
 * start.
 */
class PilotFitTest {
  private static final String[] NAMES = {"r", "alpha", "a", "b"};
  private static final int LARGE = BgNbd.PILOT_STRIDE_FROM * BgNbd.PILOT_ROWS;

  private static CustomerSummaries simulated(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 26 + 13 * rng.nextDouble();
    }
    return BgNbd.of(0.243, 4.414, 0.793, 2.426).simulate(ages, rng);
  }

  private static Newton.Result fromTheDefaultStart(CustomerSummaries customers) {
    double ages = 0;
    for (int i = 0; i < customers.size(); i++) {
      ages += customers.age(i);
    }
    double[] start = {1, ages / customers.size(), 1, 1};
    return Newton.maximize("BG/NBD", NAMES, new BgNbdLikelihood(customers), start);
  }

  private static CustomerSummaries rows(CustomerSummaries all, int from, int to) {
    int n = to - from;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = all.frequency(from + i);
      tx[i] = all.recency(from + i);
      t[i] = all.age(from + i);
    }
    return CustomerSummaries.of(x, tx, t);
  }

  @Test
  void everyRowTakesASystematicSampleWithTheCounts() {
    CustomerSummaries rows =
        CustomerSummaries.ofCounts(
            new int[] {0, 1, 2, 3, 4, 5, 6},
            new double[] {0, 1, 2, 3, 4, 5, 6},
            new double[] {10, 11, 12, 13, 14, 15, 16},
            new long[] {1, 2, 3, 4, 5, 6, 7});
    CustomerSummaries sample = rows.everyRow(3);
    // rows 0, 3 and 6
    assertThat(sample.size()).isEqualTo(3);
    assertThat(sample.customers()).isEqualTo(1 + 4 + 7);
    for (int j = 0; j < 3; j++) {
      assertThat(sample.frequency(j)).isEqualTo(3 * j);
      assertThat(sample.recency(j)).isEqualTo(3.0 * j);
      assertThat(sample.age(j)).isEqualTo(10.0 + 3 * j);
      assertThat(sample.count(j)).isEqualTo(1 + 3 * j);
    }
    CustomerSummaries plain = rows(rows, 0, 7).everyRow(2);
    assertThat(plain.size()).isEqualTo(4);
    assertThat(plain.customers()).isEqualTo(4);
    assertThat(plain.frequency(3)).isEqualTo(6);
  }

  @Test
  void aLargeBaseStartedFromItsPilotReachesTheSameMaximumInFewerSteps() {
    CustomerSummaries large = simulated(LARGE, 5L);
    ModelFit<BgNbd> fit = BgNbd.fit(large);
    Newton.Result direct = fromTheDefaultStart(large);
    for (int p = 0; p < 4; p++) {
      // both stop where a Newton step changes no parameter by more than 1e-10 relatively
      assertThat(fit.estimates()[p])
          .isCloseTo(direct.params()[p], within(1e-8 * direct.params()[p]));
    }
    assertThat(fit.logLikelihood())
        .isCloseTo(direct.logLikelihood(), within(1e-12 * Math.abs(direct.logLikelihood())));
    assertThat(fit.iterations()).isLessThan(direct.iterations());
    // one row fewer: no pilot, so the very same search
    CustomerSummaries below = rows(large, 1, LARGE);
    ModelFit<BgNbd> belowFit = BgNbd.fit(below);
    Newton.Result belowDirect = fromTheDefaultStart(below);
    assertThat(belowFit.iterations()).isEqualTo(belowDirect.iterations());
    assertThat(belowFit.estimates()).containsExactly(belowDirect.params());
  }

  @Test
  void aSampleThatCannotIdentifyTheModelLeavesTheDefaultStart() {
    // every 4th row (the pilot's sample of 262,144 rows) has no repeat purchase: the sample's
    // likelihood has no interior maximum; the whole base has one
    CustomerSummaries simulated = simulated(LARGE, 6L);
    int[] x = new int[LARGE];
    double[] tx = new double[LARGE];
    double[] t = new double[LARGE];
    for (int i = 0; i < LARGE; i++) {
      boolean sampled = i % (LARGE / BgNbd.PILOT_ROWS) == 0;
      x[i] = sampled ? 0 : simulated.frequency(i);
      tx[i] = sampled ? 0 : simulated.recency(i);
      t[i] = simulated.age(i);
    }
    CustomerSummaries base = CustomerSummaries.of(x, tx, t);
    ModelFit<BgNbd> fit = BgNbd.fit(base);
    Newton.Result direct = fromTheDefaultStart(base);
    assertThat(fit.iterations()).isEqualTo(direct.iterations());
    assertThat(fit.estimates()).containsExactly(direct.params());
    assertThat(Arrays.stream(fit.estimates()).allMatch(Double::isFinite)).isTrue();
  }
}
