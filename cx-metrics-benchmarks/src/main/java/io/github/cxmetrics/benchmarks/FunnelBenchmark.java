package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.journey.FunnelOrder;
import io.github.cxmetrics.journey.FunnelResult;
import io.github.cxmetrics.journey.WindowedFunnel;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The ordered windowed funnel over events as columns (customer index, stage code, epoch
 * milliseconds), as a columnar store or a data frame holds them: {@code size} events of {@code size
 * / 10} customers, 6 stages, over 30 days in the order of time (customers interleaved). Each
 * customer makes 10 events, each stage drawn with probabilities falling from the first stage to the
 * last, at uniform random times. The funnel has a 7-day window.
 *
 * <p>Baseline {@code groupByCustomer}: one pass over the same columns that keeps the furthest stage
 * of each customer in an array indexed by customer, the plain group-by a user would write for the
 * furthest-stage funnel.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class FunnelBenchmark {
  /** The funnel's stages. */
  static final List<String> STAGES =
      List.of("visit", "view", "cart", "checkout", "purchase", "review");

  /** The funnel's conversion window. */
  static final Duration WINDOW = Duration.ofDays(7);

  private static final long DAY = 86_400_000L;
  private static final long START = 1_717_200_000_000L; // 2024-06-01T00:00Z

  /** The observation end: 30 days after the start, the last possible event. */
  static final long END = START + 30 * DAY;

  @Param({"1000000", "10000000", "100000000"})
  public int size;

  /** How the events are laid out. */
  public enum Layout {
    /** Sorted by time, customers interleaved. */
    BY_TIME,
    /** Grouped by customer, each customer's events by time. */
    BY_CUSTOMER
  }

  @Param({"BY_TIME", "BY_CUSTOMER"})
  public Layout layout;

  int customers;
  int[] customer;
  int[] stage;
  long[] millis;
  WindowedFunnel<String> funnel;

  /** Simulates the events and lays them out. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(Mix.SEED);
    customers = size / 10;
    customer = new int[size];
    stage = new int[size];
    millis = new long[size];
    for (int i = 0; i < size; i++) {
      customer[i] = i / 10;
      // stage s with probability proportional to 2^-s
      int s = Integer.numberOfTrailingZeros(random.nextInt() | (1 << 5));
      stage[i] = s;
      millis[i] = START + random.nextLong(30 * DAY);
    }
    if (layout == Layout.BY_CUSTOMER) {
      // the events are generated customer by customer: sort each customer's ten by time
      for (int from = 0; from < size; from += 10) {
        for (int i = from + 1; i < Math.min(from + 10, size); i++) {
          for (int j = i; j > from && millis[j - 1] > millis[j]; j--) {
            long t = millis[j];
            millis[j] = millis[j - 1];
            millis[j - 1] = t;
            int st = stage[j];
            stage[j] = stage[j - 1];
            stage[j - 1] = st;
          }
        }
      }
    } else {
      // time in the high bits, event index in the low 27 bits: sorting the keys sorts by time
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] = ((millis[i] - START) << 27) | i;
      }
      java.util.Arrays.parallelSort(keys);
      int[] c = new int[size];
      int[] s = new int[size];
      long[] t = new long[size];
      for (int i = 0; i < size; i++) {
        int from = (int) (keys[i] & ((1L << 27) - 1));
        c[i] = customer[from];
        s[i] = stage[from];
        t[i] = millis[from];
      }
      customer = c;
      stage = s;
      millis = t;
    }
    funnel = WindowedFunnel.of(STAGES, WINDOW, FunnelOrder.ORDERED);
  }

  /** Baseline: the furthest stage of each customer, in one pass. */
  @Benchmark
  public int[] groupByCustomer() {
    int[] furthest = new int[customers];
    java.util.Arrays.fill(furthest, -1);
    for (int i = 0; i < customer.length; i++) {
      int c = customer[i];
      if (stage[i] > furthest[c]) {
        furthest[c] = stage[i];
      }
    }
    return furthest;
  }

  /** The ordered funnel with a 7-day window, customers in progress and conversion times. */
  @Benchmark
  public FunnelResult<String> windowedFunnel() {
    return funnel.count(customers, customer, stage, millis, END);
  }
}
