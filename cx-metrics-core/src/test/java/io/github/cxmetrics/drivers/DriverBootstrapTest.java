package io.github.cxmetrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Poisson bootstrap replicates of driver co-moments, and the intervals from them. */
class DriverBootstrapTest {
  @Test
  void weightsArePoissonOfMeanOne() {
    // P(W = w) = e^-1 / w!; 4 replicates x 100,000 groups of one seed
    long[] observed = new long[6];
    double sum = 0;
    double squares = 0;
    int draws = 0;
    for (int b = 0; b < 4; b++) {
      long stream = DriverBootstrapAccumulator.stream(42, b);
      for (int g = 0; g < 100_000; g++) {
        int w = DriverBootstrapAccumulator.weight(stream, g);
        observed[Math.min(w, 5)]++;
        sum += w;
        squares += (double) w * w;
        draws++;
      }
    }
    double[] expected = new double[6];
    double factorial = 1;
    double tail = 1;
    for (int w = 0; w < 5; w++) {
      factorial *= Math.max(1, w);
      expected[w] = Math.exp(-1) / factorial;
      tail -= expected[w];
    }
    expected[5] = tail;
    double chiSquare = 0;
    for (int w = 0; w < 6; w++) {
      double e = expected[w] * draws;
      chiSquare += (observed[w] - e) * (observed[w] - e) / e;
    }
    // chi-square with 5 degrees of freedom: P(X > 20.52) = 0.001
    assertThat(chiSquare).isLessThan(20.52);
    double mean = sum / draws;
    // mean and variance of Poisson(1) are 1; their standard errors here are 1/sqrt(400,000) and
    // sqrt(3)/sqrt(400,000) (the fourth central moment of Poisson(1) is 1 + 3)
    assertThat(mean).isCloseTo(1, within(5 * 0.00158));
    assertThat(squares / draws - mean * mean).isCloseTo(1, within(5 * 0.00274));
    // respondents spread evenly over the groups: 80,000 keys in 8 groups, chi-square with 7
    // degrees of freedom, P(X > 24.32) = 0.001
    long[] inGroup = new long[8];
    for (long respondent = 0; respondent < 80_000; respondent++) {
      inGroup[DriverBootstrapAccumulator.group(respondent, 8)]++;
    }
    double spread = 0;
    for (long c : inGroup) {
      spread += (c - 10_000.0) * (c - 10_000.0) / 10_000.0;
    }
    assertThat(spread).isLessThan(24.32);
  }

  @Test
  void aReplicateCountsEachGroupItsWeightTimes() {
    List<String> drivers = List.of("ease", "price");
    DriverBootstrapAccumulator bootstrap = new DriverBootstrapAccumulator(drivers, 8);
    DriverAccumulator[] byHand = new DriverAccumulator[5];
    DriverAccumulator[] groups = new DriverAccumulator[8];
    for (int b = 0; b < 5; b++) {
      byHand[b] = new DriverAccumulator(drivers);
    }
    for (int g = 0; g < 8; g++) {
      groups[g] = new DriverAccumulator(drivers);
    }
    SplittableRandom random = new SplittableRandom(3);
    for (long respondent = 1000; respondent < 1060; respondent++) {
      int y = random.nextInt(11);
      int ease = random.nextInt(1, 6);
      int price = random.nextInt(-2, 3);
      bootstrap.accept(respondent, y, ease, price);
      int g = DriverBootstrapAccumulator.group(respondent, 8);
      groups[g].accept(y, ease, price);
      for (int b = 0; b < 5; b++) {
        int w = DriverBootstrapAccumulator.weight(DriverBootstrapAccumulator.stream(7, b), g);
        for (int copy = 0; copy < w; copy++) {
          byHand[b].accept(y, ease, price);
        }
      }
    }
    bootstrap.acceptWithMissing(2000, 3, null, 1);
    DriverBootstrap value = bootstrap.snapshot();
    assertThat(value.moments().count()).isEqualTo(60);
    assertThat(value.moments().incomplete()).isEqualTo(1);
    assertThat(value.groups()).isEqualTo(8);
    DriverMoments all = DriverMoments.empty(drivers);
    for (int g = 0; g < 8; g++) {
      assertThat(value.group(g)).as("group %d", g).isEqualTo(groups[g].snapshot());
      all = all.merge(value.group(g));
    }
    assertThat(all.count()).isEqualTo(60);
    assertThat(all.sumOfProducts(1, 2)).isEqualTo(value.moments().sumOfProducts(1, 2));
    for (int b = 0; b < 5; b++) {
      assertThat(value.replicate(7, b)).as("replicate %d", b).isEqualTo(byHand[b].snapshot());
    }
    assertThatThrownBy(() -> value.group(8)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> value.replicate(7, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replicate (-1) must be >= 0");
  }

  @Test
  void keyedGroupsMakeAnySplitGiveTheSameValue() {
    List<String> drivers = List.of("ease", "support", "price");
    DriverBootstrapAccumulator whole = new DriverBootstrapAccumulator(drivers, 50);
    DriverBootstrapAccumulator[] parts = new DriverBootstrapAccumulator[3];
    for (int p = 0; p < 3; p++) {
      parts[p] = new DriverBootstrapAccumulator(drivers, 50);
    }
    SplittableRandom random = new SplittableRandom(5);
    for (long respondent = 0; respondent < 500; respondent++) {
      int[] r = {random.nextInt(11), random.nextInt(1, 6), random.nextInt(1, 6), random.nextInt(6)};
      whole.accept(respondent, r[0], r[1], r[2], r[3]);
      // the parts see the responses in another order
      parts[random.nextInt(3)].accept(respondent, r[0], r[1], r[2], r[3]);
    }
    DriverBootstrap merged = parts[2].snapshot().merge(parts[0].combine(parts[1]).snapshot());
    assertThat(merged).isEqualTo(whole.snapshot());
    DriverIntervals a = DriverIntervals.of(merged, 0.95);
    DriverIntervals b = DriverIntervals.of(whole.snapshot(), 0.95);
    assertThat(a.lmg("ease")).isEqualTo(b.lmg("ease"));
    assertThat(a.rSquaredStandardError()).isEqualTo(b.rSquaredStandardError());
    assertThat(a.usableReplicates()).isEqualTo(DriverIntervals.DEFAULT_REPLICATES);
    assertThat(a.unusableReplicates()).isZero();
    assertThat(a.level()).isEqualTo(0.95);
    assertThat(merged.toString())
        .isEqualTo(
            "DriverBootstrap[50 groups, DriverMoments[n=500, drivers [ease, support, price], 0 incomplete]]");
    assertThat(a.toString())
        .startsWith("DriverIntervals[95.0% from 1000 replicates, R^2 " + a.importance().rSquared());
    assertThat(merged.hashCode()).isEqualTo(whole.snapshot().hashCode());
    assertThat(merged).isNotEqualTo(DriverBootstrap.empty(drivers, 50)).isNotEqualTo("text");
    assertThat(merged.drivers()).isEqualTo(drivers);
    // relative weights get intervals too, within [0, 1] and holding the estimate
    Interval weight = a.relativeWeight("ease");
    assertThat(weight.contains(a.importance().relativeWeight("ease"))).isTrue();
    assertThat(weight.lower()).isGreaterThanOrEqualTo(0);
    assertThat(a.relativeWeightStandardError("ease")).isPositive();
  }

  @Test
  void theStandardErrorOfOneDriversImportanceMatchesTheDeltaMethod() {
    // one driver: LMG = R^2 = r^2. For a bivariate normal sample the delta method gives
    // se(r) = (1 - rho^2) / sqrt(n), hence se(r^2) = 2 |rho| (1 - rho^2) / sqrt(n)
    // (e.g. Stuart and Ord, Kendall's Advanced Theory of Statistics, vol. 1, 16.33).
    double rho = 0.5;
    int n = 4000;
    SplittableRandom random = new SplittableRandom(17);
    DriverBootstrapAccumulator bootstrap = new DriverBootstrapAccumulator(List.of("support"));
    for (int i = 0; i < n; i++) {
      double x = random.nextGaussian();
      double y = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
      // ratings of 1/1000 of a standard deviation: rounding changes rho by ~1e-7
      bootstrap.accept(i, (int) Math.round(1000 * y), (int) Math.round(1000 * x));
    }
    DriverIntervals intervals = DriverIntervals.of(bootstrap.snapshot(), 0.95, 400, 99);
    double delta = 2 * rho * (1 - rho * rho) / Math.sqrt(n);
    // the bootstrap standard error of 400 replicates is itself within ~4% (1 / sqrt(2 * 400)),
    // the 1,000 groups of 4 responses add ~4.5% (sqrt(2 / 1000)), and r estimates rho within ~2%:
    // 15% is over 2.3 of their combined standard error
    assertThat(intervals.lmgStandardError("support")).isCloseTo(delta, within(0.15 * delta));
    assertThat(intervals.rSquaredStandardError()).isEqualTo(intervals.lmgStandardError("support"));
    assertThat(intervals.usableReplicates()).isEqualTo(400);
    Interval interval = intervals.lmg("support");
    double estimate = intervals.importance().lmg("support");
    assertThat(interval.lower())
        .isCloseTo(estimate - 1.959963984540054 * delta, within(0.15 * 1.96 * delta));
    assertThat(interval.contains(estimate)).isTrue();
  }

  // A population: standard normal drivers with correlation 0.4, y = 0.5 x1 + 0.3 x2 + e, var e =
  // 0.5. By hand: var y = 0.25 + 0.09 + 2 (0.5)(0.3)(0.4) + 0.5 = 0.96; cov(y, x1) = 0.5 + 0.3 *
  // 0.4 = 0.62; cov(y, x2) = 0.3 + 0.5 * 0.4 = 0.5; R^2 = 1 - 0.5 / 0.96. With two drivers LMG_1
  // = (r1^2 + R^2 - r2^2) / 2 (each order of entry has weight 1/2).
  private static final double R1 = 0.62 / Math.sqrt(0.96);
  private static final double R2 = 0.5 / Math.sqrt(0.96);
  private static final double R_SQUARED = 1 - 0.5 / 0.96;
  private static final double LMG_1 = (R1 * R1 + R_SQUARED - R2 * R2) / 2;
  private static final double LMG_2 = (R2 * R2 + R_SQUARED - R1 * R1) / 2;

  /** One response of the population, in thousandths: y, x1, x2. */
  private static int[] draw(SplittableRandom random) {
    double z1 = random.nextGaussian();
    double x2 = 0.4 * z1 + Math.sqrt(1 - 0.16) * random.nextGaussian();
    double y = 0.5 * z1 + 0.3 * x2 + Math.sqrt(0.5) * random.nextGaussian();
    return new int[] {
      (int) Math.round(1000 * y), (int) Math.round(1000 * z1), (int) Math.round(1000 * x2)
    };
  }

  @Test
  void intervalsCoverTheTrueImportanceAtAboutTheirLevel() {
    assertCoverage(300, 300, DriverBootstrap.DEFAULT_GROUPS);
    // many more responses than groups: 5,000 responses in 50 groups
    assertCoverage(5000, 200, 50);
  }

  private static void assertCoverage(int responses, int samples, int groups) {

    SplittableRandom random = new SplittableRandom(2026);
    int coveredLmg = 0;
    int coveredR2 = 0;
    int coveredDifference = 0;
    for (int s = 0; s < samples; s++) {
      DriverBootstrapAccumulator bootstrap =
          new DriverBootstrapAccumulator(List.of("x1", "x2"), groups);
      for (int i = 0; i < responses; i++) {
        int[] r = draw(random);
        bootstrap.accept(i, r[0], r[1], r[2]);
      }
      DriverIntervals intervals = DriverIntervals.of(bootstrap.snapshot(), 0.90, 200, s);
      coveredLmg += intervals.lmg("x1").contains(LMG_1) ? 1 : 0;
      coveredR2 += intervals.rSquared().contains(R_SQUARED) ? 1 : 0;
      coveredDifference +=
          intervals.lmgDifference("x1", "x2").contains(2 * LMG_1 - R_SQUARED) ? 1 : 0;
    }
    // intervals at 90%: the count covered is binomial(samples, 0.9); +-4 sd
    double sd = Math.sqrt(samples * 0.9 * 0.1);
    for (int covered : new int[] {coveredLmg, coveredR2, coveredDifference}) {
      assertThat((double) covered)
          .as("%d responses in %d groups", responses, groups)
          .isBetween(0.9 * samples - 4 * sd, 0.9 * samples + 4 * sd);
    }
  }

  @Test
  void aLargeSampleRecoversTheKnownImportances() {
    // the population above, 200,000 responses
    SplittableRandom random = new SplittableRandom(99);
    DriverAccumulator accumulator = new DriverAccumulator(List.of("x1", "x2"));
    for (int i = 0; i < 200_000; i++) {
      int[] r = draw(random);
      accumulator.accept(r[0], r[1], r[2]);
    }
    DriverImportance importance = DriverImportance.of(accumulator.snapshot());
    // sampling error of each is about 1 / sqrt(200,000) = 0.0022 or less: 0.01 is over 4 of them
    assertThat(importance.rSquared()).isCloseTo(R_SQUARED, within(0.01));
    assertThat(importance.lmg("x1")).isCloseTo(LMG_1, within(0.01));
    assertThat(importance.lmg("x2")).isCloseTo(LMG_2, within(0.01));
    assertThat(importance.lmg("x1")).isGreaterThan(importance.lmg("x2"));
  }

  @Test
  void degenerateReplicatesAreCountedAndBadArgumentsNamed() {
    // 5 responses for 2 drivers: some replicates hold fewer than 4 responses, or a constant driver
    DriverBootstrapAccumulator small = new DriverBootstrapAccumulator(List.of("a", "b"));
    int[][] rows = {{5, 1, 2}, {7, 2, 1}, {9, 3, 3}, {3, 1, 1}, {8, 3, 2}};
    for (int i = 0; i < rows.length; i++) {
      small.accept(i, rows[i][0], rows[i][1], rows[i][2]);
    }
    DriverIntervals intervals = DriverIntervals.of(small.snapshot(), 0.9, 100, 1);
    assertThat(intervals.unusableReplicates()).isPositive();
    assertThat(intervals.usableReplicates() + intervals.unusableReplicates()).isEqualTo(100);
    assertThatThrownBy(() -> intervals.lmgDifference("a", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the difference of driver a with itself");
    assertThatThrownBy(() -> intervals.lmg("c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("driver c is not one of [a, b]");
    assertThatThrownBy(() -> new DriverBootstrapAccumulator(List.of("a"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groups (1) must be in [2, 65536]");
    assertThatThrownBy(() -> DriverIntervals.of(small.snapshot(), 0.9, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replicates (1) must be in [2, 100000]");
    assertThatThrownBy(
            () ->
                DriverBootstrap.empty(List.of("a"), 10)
                    .merge(DriverBootstrap.empty(List.of("a"), 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge bootstraps of 10 and 20 groups");
    assertThatThrownBy(
            () ->
                DriverBootstrap.empty(List.of("a"), 10)
                    .merge(DriverBootstrap.empty(List.of("b"), 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge co-moments of drivers [a] and [b]");
    // three responses for one driver, two replicates, over 40 seeds: a replicate is usable when
    // it holds at least 3 responses and neither variable is constant in it; the intervals exist
    // exactly when both are, and fail otherwise
    DriverBootstrapAccumulator tiny = new DriverBootstrapAccumulator(List.of("a"));
    tiny.accept(0, 1, 1).accept(1, 2, 2).accept(2, 4, 3);
    DriverBootstrap value = tiny.snapshot();
    int failed = 0;
    for (long seed = 0; seed < 40; seed++) {
      int usable = 0;
      for (int b = 0; b < 2; b++) {
        DriverMoments replicate = value.replicate(seed, b);
        usable +=
            replicate.count() >= 3
                    && replicate.covariance(0, 0) > 0
                    && replicate.covariance(1, 1) > 0
                ? 1
                : 0;
      }
      if (usable < 2) {
        failed++;
        long s = seed;
        assertThatThrownBy(() -> DriverIntervals.of(value, 0.9, 2, s))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage(
                usable
                    + " of 2 replicates have defined importances; at least 2 are needed (too few"
                    + " responses for the drivers)");
      } else {
        assertThat(DriverIntervals.of(value, 0.9, 2, seed).usableReplicates()).isEqualTo(2);
      }
    }
    assertThat(failed).isBetween(1, 39);
  }
}
