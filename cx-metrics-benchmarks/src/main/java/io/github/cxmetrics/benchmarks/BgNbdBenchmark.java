package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.MbgNbd;
import io.github.cxmetrics.value.ModelFit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The BG/NBD and MBG/NBD maximum-likelihood fits, on the CDNOW calibration summary (2,357
 * customers) and on a synthetic base of 1,000,000 customers simulated from known BG/NBD parameters,
 * in a JVM limited to 1 GB of heap. The baseline is one evaluation of the log-likelihood over the
 * same customers, so the ratio fit / baseline is the cost of the fit in likelihood passes. After
 * the measurements, the synthetic fit must have recovered the parameters it was simulated from
 * (each within four standard errors), or the run fails.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BgNbdBenchmark {
  /** The parameters the synthetic base is simulated from: close to the CDNOW estimates. */
  static final BgNbd TRUTH = BgNbd.of(0.25, 4.0, 0.8, 2.5);

  /** The customer base to fit. */
  public enum Base {
    /** The published CDNOW calibration summary (Fader, Hardie and Lee 2005). */
    CDNOW,
    /** 1,000,000 customers simulated from {@link #TRUTH}, ages 26 to 39 weeks. */
    SYNTHETIC_1M
  }

  @Param({"CDNOW", "SYNTHETIC_1M"})
  public Base base;

  CustomerSummaries customers;
  ModelFit<BgNbd> lastFit;

  /** Loads or simulates the customers. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    customers = base == Base.CDNOW ? cdnow() : synthetic(1_000_000);
  }

  static CustomerSummaries synthetic(int n) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED);
    return TRUTH.simulate(ages(n, rng), rng);
  }

  /** {@return the ages of {@code n} simulated customers: uniform from 26 to 39 weeks} */
  static double[] ages(int n, UniformRandomProvider rng) {
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 26 + 13 * rng.nextDouble();
    }
    return ages;
  }

  static CustomerSummaries cdnow() throws IOException {
    String resource = "/cdnow/cdnow_customers_summary_with_transactions.csv";
    try (InputStream in = BgNbdBenchmark.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      List<String> rows =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      int n = rows.size() - 1;
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        String[] f = rows.get(i + 1).split(",");
        x[i] = Integer.parseInt(f[1]);
        tx[i] = Double.parseDouble(f[2]);
        t[i] = Double.parseDouble(f[3]);
      }
      return CustomerSummaries.of(x, tx, t);
    }
  }

  /**
   * Checks that the synthetic fit recovered the parameters it was simulated from; a failure ends
   * the run with the fit in its message. (Nothing is printed on success: the fork's output would
   * land inside JMH's.)
   */
  @TearDown(Level.Trial)
  public void checkRecovery() {
    if (base != Base.SYNTHETIC_1M || lastFit == null) {
      return;
    }
    double[] truth = {TRUTH.r(), TRUTH.alpha(), TRUTH.a(), TRUTH.b()};
    double[] estimate = lastFit.estimates();
    double[] se = lastFit.standardErrors();
    for (int i = 0; i < truth.length; i++) {
      if (!(Math.abs(estimate[i] - truth[i]) < 4 * se[i])) {
        throw new IllegalStateException(
            "the fit did not recover " + lastFit.parameterNames().get(i) + ": " + lastFit);
      }
    }
  }

  /** The whole fit: estimates, log-likelihood, standard errors. */
  @Benchmark
  public ModelFit<BgNbd> fit() {
    lastFit = BgNbd.fit(customers);
    return lastFit;
  }

  /** The MBG/NBD fit of the same base (target: within 1.5 times the BG/NBD fit). */
  @Benchmark
  public ModelFit<MbgNbd> mbgNbdFit() {
    return MbgNbd.fit(customers);
  }

  /** Baseline: one evaluation of the log-likelihood at the true parameters. */
  @Benchmark
  public double logLikelihood() {
    return TRUTH.logLikelihood(customers);
  }
}
