package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.drivers.DriverAccumulator;
import io.github.cxmetrics.drivers.DriverBootstrap;
import io.github.cxmetrics.drivers.DriverBootstrapAccumulator;
import io.github.cxmetrics.drivers.DriverImportance;
import io.github.cxmetrics.drivers.DriverIntervals;
import io.github.cxmetrics.drivers.DriverMoments;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key drivers: accumulating the co-moments of an outcome and 10 driver ratings against a plain pass
 * that sums the same cross-products into a {@code long[]} without overflow checks (the baseline),
 * and the LMG decomposition of 12 drivers; the same responses into a {@link DriverBootstrap} of
 * 1,000 random groups, and the intervals from 200 replicates of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class DriverBenchmark {
  static final int DRIVERS = 10;

  /** Responses accumulated per operation. */
  @Param("10000000")
  public int responses;

  /** Row-major: the outcome, then the ratings, per response. */
  byte[] rows;

  List<String> names;
  DriverMoments twelve;
  DriverBootstrap bootstrap;

  /** Replicates of the intervals. */
  static final int REPLICATES = 200;

  /** Simulated ratings 1..5 and an outcome 0..10 that follows them. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(Mix.SEED);
    rows = new byte[responses * (DRIVERS + 1)];
    for (int r = 0; r < responses; r++) {
      int base = r * (DRIVERS + 1);
      int outcome = 0;
      for (int j = 1; j <= DRIVERS; j++) {
        int rating = 1 + random.nextInt(5);
        rows[base + j] = (byte) rating;
        outcome += j <= 3 ? rating : 0;
      }
      rows[base] = (byte) Math.min(10, outcome * 10 / 15);
    }
    names = new ArrayList<>();
    for (int j = 1; j <= DRIVERS; j++) {
      names.add("d" + j);
    }
    List<String> twelveNames = new ArrayList<>();
    for (int j = 1; j <= 12; j++) {
      twelveNames.add("d" + j);
    }
    DriverAccumulator accumulator = new DriverAccumulator(twelveNames);
    int[] ratings = new int[12];
    for (int r = 0; r < 5000; r++) {
      int outcome = 0;
      for (int j = 0; j < 12; j++) {
        ratings[j] = 1 + random.nextInt(5);
        outcome += (12 - j) * ratings[j];
      }
      accumulator.accept(outcome / 8 + random.nextInt(3), ratings);
    }
    twelve = accumulator.snapshot();
    bootstrap = bootstrap();
  }

  /** The baseline: the same sums and cross-products into a long[], unchecked. */
  @Benchmark
  public long[] plainCrossProducts() {
    int v = DRIVERS + 1;
    long[] sums = new long[v];
    long[] products = new long[v * (v + 1) / 2];
    long[] row = new long[v];
    for (int r = 0; r < responses; r++) {
      int base = r * v;
      for (int i = 0; i < v; i++) {
        row[i] = rows[base + i];
      }
      int p = 0;
      for (int i = 0; i < v; i++) {
        sums[i] += row[i];
        for (int j = i; j < v; j++) {
          products[p++] += row[i] * row[j];
        }
      }
    }
    return products;
  }

  /** Copies response {@code r}'s ratings into {@code ratings} and returns its outcome. */
  private int load(int r, int[] ratings) {
    int base = r * (DRIVERS + 1);
    for (int j = 0; j < DRIVERS; j++) {
      ratings[j] = rows[base + 1 + j];
    }
    return rows[base];
  }

  /** The library: {@link DriverAccumulator#accept(int, int...)} per response. */
  @Benchmark
  public DriverMoments accumulate() {
    DriverAccumulator accumulator = new DriverAccumulator(names);
    int[] ratings = new int[DRIVERS];
    for (int r = 0; r < responses; r++) {
      accumulator.accept(load(r, ratings), ratings);
    }
    return accumulator.snapshot();
  }

  /** The responses into 1,000 random groups, keyed by their index. */
  @Benchmark
  public DriverBootstrap bootstrap() {
    DriverBootstrapAccumulator accumulator = new DriverBootstrapAccumulator(names);
    int[] ratings = new int[DRIVERS];
    for (int r = 0; r < responses; r++) {
      accumulator.accept(r, load(r, ratings), ratings);
    }
    return accumulator.snapshot();
  }

  /** Importances of the responses and of 200 replicates: 201 LMG decompositions of 10 drivers. */
  @Benchmark
  public DriverIntervals intervals() {
    return DriverIntervals.of(bootstrap, 0.95, REPLICATES, Mix.SEED);
  }

  /** LMG (and the rest) of 12 drivers: 4,096 subsets. */
  @Benchmark
  public DriverImportance lmgOfTwelve() {
    return DriverImportance.of(twelve);
  }
}
