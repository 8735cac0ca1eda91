package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BgBb;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.OpportunitySummaries;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The BG/BB fit of 1,000,000 donors simulated from the donations estimates (six opportunities),
 * given as their patterns with counts, as a GROUP BY leaves them (22 rows); the baseline is one
 * log-likelihood pass over the same patterns.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BgBbBenchmark {
  static final BgBb TRUTH = BgBb.of(1.204, 0.750, 0.657, 2.783);

  OpportunitySummaries patterns;

  /** Simulates the donors and counts their patterns. */
  @Setup(Level.Trial)
  public void setUp() {
    int n = 6;
    int[] opportunities = new int[1_000_000];
    java.util.Arrays.fill(opportunities, n);
    OpportunitySummaries donors =
        TRUTH.simulate(opportunities, RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED));
    long[][] counts = new long[n + 1][n + 1]; // [x][t_x]
    for (int i = 0; i < donors.size(); i++) {
      counts[donors.frequency(i)][donors.recency(i)]++;
    }
    int rows = 0;
    int[] x = new int[(n + 1) * (n + 1)];
    int[] tx = new int[x.length];
    long[] c = new long[x.length];
    for (int f = 0; f <= n; f++) {
      for (int r = 0; r <= n; r++) {
        if (counts[f][r] > 0) {
          x[rows] = f;
          tx[rows] = r;
          c[rows++] = counts[f][r];
        }
      }
    }
    int[] periods = new int[rows];
    java.util.Arrays.fill(periods, n);
    patterns =
        OpportunitySummaries.ofCounts(
            java.util.Arrays.copyOf(x, rows),
            java.util.Arrays.copyOf(tx, rows),
            periods,
            java.util.Arrays.copyOf(c, rows));
  }

  /** The whole fit: estimates, log-likelihood, standard errors. */
  @Benchmark
  public ModelFit<BgBb> fit() {
    return BgBb.fit(patterns);
  }

  /** Baseline: one evaluation of the log-likelihood at the true parameters. */
  @Benchmark
  public double logLikelihood() {
    return TRUTH.logLikelihood(patterns);
  }
}
