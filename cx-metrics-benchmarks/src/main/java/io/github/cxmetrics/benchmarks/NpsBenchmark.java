package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.survey.Nps;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * NPS over an {@code int[]} of answers, beside the code a developer writes without the library and
 * beside a plain sum over the same array (the memory-bandwidth reference).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NpsBenchmark {
  @Param({"1000000"})
  public int size;

  private int[] responses;

  /** Fills the answers with a seeded uniform mix of 0..10. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261123L);
    responses = new int[size];
    for (int i = 0; i < size; i++) {
      responses[i] = random.nextInt(11);
    }
  }

  /** The bandwidth reference: a plain long sum over the same array. */
  @Benchmark
  public long baselineSum() {
    long sum = 0;
    for (int response : responses) {
      sum += response;
    }
    return sum;
  }

  /** What a developer writes without the library: a range check and two filtered counts. */
  @Benchmark
  public double baselineStreams() {
    if (Arrays.stream(responses).anyMatch(x -> x < 0 || x > 10)) {
      throw new IllegalArgumentException("response outside 0..10");
    }
    long promoters = Arrays.stream(responses).filter(x -> x >= 9).count();
    long detractors = Arrays.stream(responses).filter(x -> x <= 6).count();
    return 100.0 * (promoters - detractors) / responses.length;
  }

  /** The library: {@code Nps.of(int[])}. */
  @Benchmark
  public Nps npsOfIntArray() {
    return Nps.of(responses);
  }
}
