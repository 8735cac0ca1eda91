package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BetaDiscreteWeibull;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ShiftedBetaGeometric;
import io.github.cxmetrics.value.SurvivorCounts;
import java.util.ArrayList;
import java.util.List;
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
 * Fitting the contractual models to a cohort table: 1,000 monthly cohorts of 1,000 subscribers
 * each, observed for 1 to 120 periods (the oldest 120), simulated from a BdW with duration
 * dependence; and the High End cohort of Fader &amp; Hardie (2007), years 0-7. The counts are built
 * from the cohort arrays in each operation (the accumulation of lost and censored customers is part
 * of the cost); the baseline is one evaluation of the sBG log-likelihood over the same counts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class ContractualBenchmark {
  /** The data. */
  public enum Base {
    /** The High End cohort of Fader &amp; Hardie (2007), 1,000 customers, years 0-7. */
    HIGH_END,
    /** 1,000 cohorts of 1,000 customers, observed for 1 to 120 periods. */
    TABLE_1000X120
  }

  @Param({"HIGH_END", "TABLE_1000X120"})
  public Base base;

  List<long[]> cohorts;
  SurvivorCounts counts;
  ShiftedBetaGeometric sbg;

  /** Builds or simulates the cohorts. */
  @Setup(Level.Trial)
  public void setUp() {
    cohorts = new ArrayList<>();
    if (base == Base.HIGH_END) {
      cohorts.add(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
    } else {
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED);
      BetaDiscreteWeibull truth = BetaDiscreteWeibull.of(0.5, 1.5, 1.3);
      for (int i = 0; i < 1000; i++) {
        cohorts.add(truth.simulate(1000, 1 + i % 120, rng));
      }
    }
    counts = SurvivorCounts.ofCohorts(cohorts);
    sbg = ShiftedBetaGeometric.fit(counts).model();
  }

  /** Baseline: one evaluation of the sBG log-likelihood over the counts. */
  @Benchmark
  public double logLikelihood() {
    return sbg.logLikelihood(counts);
  }

  /** The counts from the cohort arrays, then the sBG fit with its standard errors. */
  @Benchmark
  public ModelFit<ShiftedBetaGeometric> fitSbg() {
    return ShiftedBetaGeometric.fit(SurvivorCounts.ofCohorts(cohorts));
  }

  /** The counts from the cohort arrays, then the BdW fit (which starts from the sBG fit). */
  @Benchmark
  public ModelFit<BetaDiscreteWeibull> fitBdw() {
    return BetaDiscreteWeibull.fit(SurvivorCounts.ofCohorts(cohorts));
  }
}
