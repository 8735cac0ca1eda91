package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.WeightedNps;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Merging 10,000 partial aggregates into one, as a distributed job or a dashboard does with
 * per-partition or per-day values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class MergeBenchmark {
  static final int PARTS = 10_000;

  Nps[] nps = new Nps[PARTS];
  Csat[] csat = new Csat[PARTS];
  Ces[] ces = new Ces[PARTS];
  WeightedNps[] weighted = new WeightedNps[PARTS];

  /** Builds 10,000 partial aggregates of 100 answers each. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(Mix.SEED);
    for (int p = 0; p < PARTS; p++) {
      int[] answers = new int[100];
      double[] weights = new double[100];
      for (int i = 0; i < answers.length; i++) {
        answers[i] = Mix.UNIFORM.next(random);
        weights[i] = 0.2 + random.nextDouble() * 4.8;
      }
      nps[p] = Nps.of(answers);
      int[] five = Mix.onScale(answers, 5);
      csat[p] = Csat.of(five);
      ces[p] = Ces.of(five);
      weighted[p] = WeightedNps.of(answers, weights);
    }
  }

  /** Folds the NPS values with {@code merge}. */
  @Benchmark
  public Nps mergeNps() {
    Nps total = Nps.EMPTY;
    for (Nps part : nps) {
      total = total.merge(part);
    }
    return total;
  }

  /** Folds the CSAT values with {@code merge}. */
  @Benchmark
  public Csat mergeCsat() {
    Csat total = csat[0];
    for (int p = 1; p < PARTS; p++) {
      total = total.merge(csat[p]);
    }
    return total;
  }

  /** Folds the CES values with {@code merge}. */
  @Benchmark
  public Ces mergeCes() {
    Ces total = ces[0];
    for (int p = 1; p < PARTS; p++) {
      total = total.merge(ces[p]);
    }
    return total;
  }

  /** Folds the weighted NPS values (exact weight sums) with {@code merge}. */
  @Benchmark
  public WeightedNps mergeWeightedNps() {
    WeightedNps total = WeightedNps.EMPTY;
    for (WeightedNps part : weighted) {
      total = total.merge(part);
    }
    return total;
  }
}
