package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ParetoNbd;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Pareto/NBD maximum-likelihood fit beside the BG/NBD fit of the same base, on the CDNOW
 * calibration summary and on 100,000 customers simulated from the CDNOW Pareto/NBD estimates, in a
 * JVM limited to 1 GB of heap; the ratio to the BG/NBD fit is measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ParetoNbdBenchmark {
  static final ParetoNbd TRUTH = ParetoNbd.of(0.55, 10.5, 0.6, 11.7);

  /** The customer base to fit. */
  public enum Base {
    /** The published CDNOW calibration summary. */
    CDNOW,
    /** 100,000 customers simulated from {@link #TRUTH}, ages 26 to 39 weeks. */
    SYNTHETIC_100K
  }

  @Param({"CDNOW", "SYNTHETIC_100K"})
  public Base base;

  CustomerSummaries customers;

  /** Loads or simulates the customers. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (base == Base.CDNOW) {
      customers = BgNbdBenchmark.cdnow();
      return;
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED);
    double[] ages = new double[100_000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 26 + 13 * rng.nextDouble();
    }
    customers = TRUTH.simulate(ages, rng);
  }

  /** The whole Pareto/NBD fit: estimates, log-likelihood, standard errors. */
  @Benchmark
  public ModelFit<ParetoNbd> paretoNbdFit() {
    return ParetoNbd.fit(customers);
  }

  /** Baseline: the BG/NBD fit of the same base. */
  @Benchmark
  public ModelFit<BgNbd> bgNbdFit() {
    return BgNbd.fit(customers);
  }
}
