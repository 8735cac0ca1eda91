package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.MbgNbd;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ParetoNbd;
import io.github.cxmetrics.value.PurchaseHistory;
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
 * The three continuous-time buy-till-you-die fits side by side: Pareto/NBD, MBG/NBD and BG/NBD of
 * the same base, on the CDNOW calibration summary (2,357 customers), on the full CDNOW cohort
 * (23,570 customers, summarised here from the raw transactions by {@link
 * PurchaseHistory#summarize}, 39 calibration weeks to 1997-09-30 as for the sample) and on
 * 1,000,000 customers simulated from the CDNOW Pareto/NBD estimates, in a JVM limited to 1 GB of
 * heap. The baseline is the BG/NBD fit of the same base in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ParetoNbdBenchmark {
  static final ParetoNbd TRUTH = ParetoNbd.of(0.55, 10.5, 0.6, 11.7);
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  /** The customer base to fit. */
  public enum Base {
    /** The published CDNOW calibration summary. */
    CDNOW,
    /** The full CDNOW cohort, 23,570 customers, 39 calibration weeks. */
    CDNOW_FULL_COHORT,
    /** 1,000,000 customers simulated from {@link #TRUTH}, ages 26 to 39 weeks. */
    SYNTHETIC_1M
  }

  @Param({"CDNOW", "CDNOW_FULL_COHORT", "SYNTHETIC_1M"})
  public Base base;

  CustomerSummaries customers;

  /** Loads or simulates the customers. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    customers =
        switch (base) {
          case CDNOW -> BgNbdBenchmark.cdnow();
          case CDNOW_FULL_COHORT -> fullCohort();
          case SYNTHETIC_1M -> synthetic(1_000_000);
        };
  }

  static CustomerSummaries synthetic(int n) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Mix.SEED);
    return TRUTH.simulate(BgNbdBenchmark.ages(n, rng), rng);
  }

  /** One row of {@code CDNOW_master.txt}. */
  private record Transaction(String customer, LocalDate date, double amount) {}

  static CustomerSummaries fullCohort() throws IOException {
    String resource = "/cdnow/CDNOW_master.txt";
    List<Transaction> transactions = new ArrayList<>();
    try (InputStream in = ParetoNbdBenchmark.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // the header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.trim().split("\\s+");
        transactions.add(
            new Transaction(
                f[0],
                LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE),
                Double.parseDouble(f[3])));
      }
    }
    List<PurchaseHistory> histories =
        PurchaseHistory.summarize(
            transactions,
            Transaction::customer,
            Transaction::date,
            Transaction::amount,
            CALIBRATION_END,
            ChronoUnit.WEEKS);
    if (histories.size() != 23_570) {
      throw new IllegalStateException(
          "the full CDNOW cohort has 23,570 customers, not " + histories.size());
    }
    return CustomerSummaries.of(histories);
  }

  /** The whole Pareto/NBD fit: estimates, log-likelihood, standard errors. */
  @Benchmark
  public ModelFit<ParetoNbd> paretoNbdFit() {
    return ParetoNbd.fit(customers);
  }

  /** The MBG/NBD fit of the same base. */
  @Benchmark
  public ModelFit<MbgNbd> mbgNbdFit() {
    return MbgNbd.fit(customers);
  }

  /** Baseline: the BG/NBD fit of the same base. */
  @Benchmark
  public ModelFit<BgNbd> bgNbdFit() {
    return BgNbd.fit(customers);
  }
}
