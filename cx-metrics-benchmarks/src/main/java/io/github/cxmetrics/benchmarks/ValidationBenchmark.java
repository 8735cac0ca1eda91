package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CalibrationHoldout;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.FitDiagnostics;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.Prediction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validating a BG/NBD fit: the diagnostics of a calibration/holdout split (frequency histogram with
 * chi-square, conditional expectations, holdout errors, weekly tracking) and the delta-method
 * standard error of the whole base's expected holdout purchases, on CDNOW (2,357 customers) and on
 * 1,000,000 customers simulated from known parameters with purchase dates to the day. The baseline
 * is one evaluation of the log-likelihood over the same calibration base (as in {@link
 * BgNbdBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class ValidationBenchmark {
  /** The customer base. */
  public enum Base {
    /** The CDNOW sample: 39 weeks of calibration to 1997-09-30, 39 of holdout. */
    CDNOW,
    /** 1,000,000 customers simulated from {@link BgNbdBenchmark#TRUTH}, the CDNOW design. */
    SYNTHETIC_1M
  }

  /** A purchase of the log. */
  record Purchase(int customer, LocalDate day, double amount) {}

  @Param({"CDNOW", "SYNTHETIC_1M"})
  public Base base;

  CalibrationHoldout data;
  CustomerSummaries calibration;
  CustomerSummaries grouped;
  ModelFit<BgNbd> fit;

  /** Reads or simulates the log, splits it and fits the model. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    LocalDate start = LocalDate.of(1997, 1, 1);
    List<Purchase> log = base == Base.CDNOW ? cdnow() : synthetic(1_000_000, start);
    data =
        CalibrationHoldout.of(
            log,
            Purchase::customer,
            Purchase::day,
            Purchase::amount,
            start.plusDays(272),
            start.plusDays(545),
            ChronoUnit.WEEKS);
    calibration = CustomerSummaries.of(data.calibration());
    grouped = calibration.grouped();
    fit = BgNbd.fit(calibration);
  }

  static List<Purchase> cdnow() throws IOException {
    String resource = "/cdnow/CDNOW_sample.txt";
    try (InputStream in = ValidationBenchmark.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      List<Purchase> log = new ArrayList<>();
      for (String line :
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        String[] f = line.trim().split("\\s+");
        log.add(
            new Purchase(
                Integer.parseInt(f[1]),
                LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
                Double.parseDouble(f[4])));
      }
      return log;
    }
  }

  /**
   * Customers who first buy on one of the first 84 days, then buy at the times of a Poisson process
   * (rate per week from the gamma distribution of the model) until they drop out (probability from
   * the beta distribution, after each repeat purchase) or 78 weeks have passed; days are whole.
   */
  static List<Purchase> synthetic(int customers, LocalDate start) {
    BgNbd truth = BgNbdBenchmark.TRUTH;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED);
    ContinuousSampler rates =
        AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.r(), 1 / truth.alpha());
    ContinuousSampler dropouts = ChengBetaSampler.of(rng, truth.a(), truth.b());
    List<Purchase> log = new ArrayList<>(4 * customers);
    for (int c = 0; c < customers; c++) {
      int first = rng.nextInt(84);
      log.add(new Purchase(c, start.plusDays(first), 10));
      double lambda = rates.sample();
      double p = dropouts.sample();
      double weeks = 0;
      while (true) {
        weeks -= Math.log1p(-rng.nextDouble()) / lambda;
        if (!(first + weeks * 7 < 546)) {
          break;
        }
        log.add(new Purchase(c, start.plusDays(first + (long) Math.floor(weeks * 7)), 10));
        if (rng.nextDouble() < p) {
          break;
        }
      }
    }
    return log;
  }

  /** Baseline: one evaluation of the log-likelihood over the calibration base. */
  @Benchmark
  public double logLikelihood() {
    return fit.model().logLikelihood(calibration);
  }

  /** The four diagnostics of the fit. */
  @Benchmark
  public void diagnostics(Blackhole sink) {
    sink.consume(FitDiagnostics.frequencies(fit, calibration, 8));
    sink.consume(FitDiagnostics.conditionalExpectations(fit, data, 8));
    sink.consume(FitDiagnostics.holdoutErrors(fit, data));
    sink.consume(FitDiagnostics.tracking(fit, data));
  }

  /**
   * The base's expected holdout purchases with their delta-method standard error, over the grouped
   * base (identical customers merged once, in the setup, as a user would before any work on it).
   */
  @Benchmark
  public Prediction basePrediction() {
    double horizon = data.holdoutLength();
    return fit.predict(m -> m.conditionalExpectedPurchases(horizon, grouped), Prediction.PURCHASES);
  }
}
