package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Accumulators and collectors under real parallelism: large inputs split many ways, on pools of
 * many threads, must give exactly the sequential result.
 */
class ConcurrencyTest {
  private static final int SIZE = 1_000_000;
  private static final int[] ANSWERS = new SplittableRandom(7).ints(SIZE, 0, 11).toArray();
  private static final double[] WEIGHTS =
      new SplittableRandom(8)
          .doubles(SIZE)
          .map(u -> Math.scalb(0.5 + u, (int) (u * 40) - 20))
          .toArray();

  record Answer(int score, double weight) {}

  private static final List<Answer> RECORDS =
      IntStream.range(0, SIZE).mapToObj(i -> new Answer(ANSWERS[i], WEIGHTS[i])).toList();

  private static <T> T inPool(int threads, Callable<T> task) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(task).get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void parallelCollectorsOnManyThreadsEqualTheSequentialResult() throws Exception {
    Nps nps = Nps.of(ANSWERS);
    WeightedNps weighted = WeightedNps.of(ANSWERS, WEIGHTS);
    int[] ratings = Arrays.stream(ANSWERS).map(v -> 1 + v * 5 / 11).toArray();
    Csat csat = Csat.of(ratings);
    Ces ces = Ces.of(ratings);
    for (int threads : new int[] {2, 8, 32}) {
      assertThat(inPool(threads, () -> RECORDS.parallelStream().collect(Nps.toNps(Answer::score))))
          .isEqualTo(nps);
      assertThat(
              inPool(
                  threads,
                  () ->
                      RECORDS.parallelStream()
                          .collect(WeightedNps.toWeightedNps(Answer::score, Answer::weight))))
          .isEqualTo(weighted);
      assertThat(
              inPool(
                  threads, () -> Arrays.stream(ratings).boxed().parallel().collect(Csat.toCsat())))
          .isEqualTo(csat);
      assertThat(
              inPool(threads, () -> Arrays.stream(ratings).boxed().parallel().collect(Ces.toCes())))
          .isEqualTo(ces);
    }
  }

  @Test
  void accumulatorsPerThreadCombineToTheSequentialResult() throws Exception {
    int parts = 97; // uneven chunks
    ExecutorService executor = Executors.newFixedThreadPool(16);
    try {
      List<Future<NpsAccumulator>> nps = new ArrayList<>();
      List<Future<WeightedNpsAccumulator>> weighted = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) SIZE * p / parts);
        int to = (int) ((long) SIZE * (p + 1) / parts);
        nps.add(
            executor.submit(
                () -> {
                  NpsAccumulator accumulator = new NpsAccumulator();
                  accumulator.addAll(Arrays.copyOfRange(ANSWERS, from, to));
                  return accumulator;
                }));
        weighted.add(
            executor.submit(
                () -> {
                  WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
                  for (int i = to - 1; i >= from; i--) { // in reverse, too
                    accumulator.accept(ANSWERS[i], WEIGHTS[i]);
                  }
                  return accumulator;
                }));
      }
      NpsAccumulator total = new NpsAccumulator();
      WeightedNpsAccumulator weightedTotal = new WeightedNpsAccumulator();
      for (int p = parts - 1; p >= 0; p--) { // combined in another order than split
        total.combine(nps.get(p).get());
        weightedTotal.combine(weighted.get(p).get());
      }
      assertThat(total.snapshot()).isEqualTo(Nps.of(ANSWERS));
      assertThat(weightedTotal.snapshot()).isEqualTo(WeightedNps.of(ANSWERS, WEIGHTS));
    } finally {
      executor.shutdown();
    }
  }
}
