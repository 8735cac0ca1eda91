package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.Bootstrap;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.ModelFit;
import java.io.IOException;
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
 * A 200-replicate bootstrap of the BG/NBD fit of the CDNOW calibration summary (2,357 customers,
 * 1,016 distinct rows); the baseline is one fit of the same base, so the ratio is the cost in fits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BootstrapBenchmark {
  CustomerSummaries customers;

  /** Loads the CDNOW summary. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    customers = BgNbdBenchmark.cdnow().grouped();
  }

  /** 200 resampled fits. */
  @Benchmark
  public Bootstrap<BgNbd> bootstrap200() {
    return Bootstrap.of(
        customers, BgNbd::fit, 200, RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED));
  }

  /** Baseline: one fit. */
  @Benchmark
  public ModelFit<BgNbd> fit() {
    return BgNbd.fit(customers);
  }
}
