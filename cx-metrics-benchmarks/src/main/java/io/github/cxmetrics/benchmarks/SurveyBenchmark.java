package io.github.cxmetrics.benchmarks;

import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.CesDefinition;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingScale;
import io.github.cxmetrics.survey.WeightedNps;
import io.github.cxmetrics.survey.WeightedNpsAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
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
 * One pass over a large response set: the library's factories and collectors beside (a) the code a
 * developer writes without the library and (b) a plain {@code long} sum over the same array, the
 * memory-bandwidth reference. Each input is built once per fork from {@link Mix#SEED}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// a heap for the quick profile's 1e6 answers, which fits an 8 GB machine; the full profile's boxed
// inputs at 1e8 need more and pass it: -jvmArgsAppend "-Xms10g -Xmx10g" (BENCHMARKS.md)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class SurveyBenchmark {

  /** The answers 0..10 as {@code int[]} and {@code byte[]}. */
  @State(Scope.Benchmark)
  public static class Answers {
    @Param({"1000000", "10000000", "100000000"})
    public int size;

    @Param({"UNIFORM", "MOSTLY_PROMOTERS", "MOSTLY_DETRACTORS"})
    public Mix mix;

    int[] ints;
    byte[] bytes;

    /** Draws the answers. */
    @Setup(Level.Trial)
    public void setUp() {
      ints = mix.answers(size);
      bytes = Mix.bytes(ints);
    }
  }

  /** The same answers mapped to the 1..5 and 1..7 rating scales. */
  @State(Scope.Benchmark)
  public static class Ratings {
    int[] five;
    byte[] fiveBytes;
    int[] seven;
    byte[] sevenBytes;

    /** Maps the answers. */
    @Setup(Level.Trial)
    public void setUp(Answers answers) {
      five = Mix.onScale(answers.ints, 5);
      fiveBytes = Mix.bytes(five);
      seven = Mix.onScale(answers.ints, 7);
      sevenBytes = Mix.bytes(seven);
    }
  }

  /** The answers boxed, and as domain objects with a score getter. */
  @State(Scope.Benchmark)
  public static class Objects {
    List<Integer> boxed;
    List<SurveyResponse> responses;

    /** Boxes the answers and wraps them in records. */
    @Setup(Level.Trial)
    public void setUp(Answers answers) {
      boxed = new ArrayList<>(answers.size);
      responses = new ArrayList<>(answers.size);
      for (int answer : answers.ints) {
        boxed.add(answer);
        responses.add(new SurveyResponse(answer, answer % 3 == 0 ? "web" : "app"));
      }
    }
  }

  /** Survey weights for the answers, in [0.2, 5). */
  @State(Scope.Benchmark)
  public static class Weights {
    double[] weights;

    /** Draws the weights. */
    @Setup(Level.Trial)
    public void setUp(Answers answers) {
      SplittableRandom random = new SplittableRandom(Mix.SEED + 1);
      weights = new double[answers.size];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = 0.2 + random.nextDouble() * 4.8;
      }
    }
  }

  /** A survey record, as applications hold them. */
  public record SurveyResponse(int score, String channel) {}

  /** (b) The bandwidth reference: a plain long sum over the {@code int[]}. */
  @Benchmark
  public long baselineSumInt(Answers in) {
    long sum = 0;
    for (int v : in.ints) {
      sum += v;
    }
    return sum;
  }

  /** (b') A plain long sum over the {@code byte[]}. */
  @Benchmark
  public long baselineSumByte(Answers in) {
    long sum = 0;
    for (byte v : in.bytes) {
      sum += v;
    }
    return sum;
  }

  /** (a) Without the library: a range check and two filtered counts over the {@code int[]}. */
  @Benchmark
  public double baselineStreams(Answers in) {
    int[] a = in.ints;
    if (Arrays.stream(a).anyMatch(x -> x < 0 || x > 10)) {
      throw new IllegalArgumentException("response outside 0..10");
    }
    long promoters = Arrays.stream(a).filter(x -> x >= 9).count();
    long detractors = Arrays.stream(a).filter(x -> x <= 6).count();
    return 100.0 * (promoters - detractors) / a.length;
  }

  /** {@code Nps.of(int[])}. */
  @Benchmark
  public Nps npsIntArray(Answers in) {
    return Nps.of(in.ints);
  }

  /** {@code Nps.of(byte[])}. */
  @Benchmark
  public Nps npsByteArray(Answers in) {
    return Nps.of(in.bytes);
  }

  /** {@code Nps.of(List<Integer>)}. */
  @Benchmark
  public Nps npsBoxedList(Objects in) {
    return Nps.of(in.boxed);
  }

  /** {@code list.stream().collect(Nps.toNps())}. */
  @Benchmark
  public Nps npsBoxedCollector(Objects in) {
    return in.boxed.stream().collect(Nps.toNps());
  }

  /** A stream of domain objects into {@code Nps.toNps(SurveyResponse::score)}. */
  @Benchmark
  public Nps npsRecordStream(Objects in) {
    return in.responses.stream().collect(Nps.toNps(SurveyResponse::score));
  }

  /** The same on a parallel stream (2 cores here). */
  @Benchmark
  public Nps npsRecordParallelStream(Objects in) {
    return in.responses.parallelStream().collect(Nps.toNps(SurveyResponse::score));
  }

  /**
   * The weighted baseline: the four sums a plain implementation keeps in doubles (total weight,
   * promoters' and detractors' weights, squared weights), with the same range checks (an answer
   * outside 0..10 or a weight that is not finite and non-negative fails) and a branch-free class
   * selection; rounded, order-dependent sums, unlike the library's.
   */
  @Benchmark
  public double baselineWeightedDoubles(Answers in, Weights weights) {
    int[] answers = in.ints;
    double[] w = weights.weights;
    double total = 0;
    double promoters = 0;
    double detractors = 0;
    double squares = 0;
    for (int i = 0; i < answers.length; i++) {
      int r = answers[i];
      double x = w[i];
      if (r < 0 || r > 10 || !(x >= 0 && x < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("bad answer or weight at index " + i);
      }
      int promoter = (r + 7) >>> 4;
      int detractor = 1 - ((r + 9) >>> 4);
      total += x;
      promoters += promoter * x;
      detractors += detractor * x;
      squares += x * x;
    }
    return 100 * (promoters - detractors) / total + squares;
  }

  /** {@code WeightedNps.of(int[], double[])}, with exact weight sums. */
  @Benchmark
  public WeightedNps weightedNps(Answers in, Weights weights) {
    return WeightedNps.of(in.ints, weights.weights);
  }

  /** 1,000 answers and survey weights, for the size of a weighted accumulator. */
  @State(Scope.Benchmark)
  public static class Small {
    int[] answers = new int[1000];
    double[] weights = new double[1000];

    /** Draws them as {@link Weights} does. */
    @Setup(Level.Trial)
    public void setUp() {
      SplittableRandom random = new SplittableRandom(Mix.SEED + 2);
      for (int i = 0; i < answers.length; i++) {
        answers[i] = random.nextInt(11);
        weights[i] = 0.2 + random.nextDouble() * 4.8;
      }
    }
  }

  /**
   * A new {@code WeightedNpsAccumulator} fed 1,000 survey weights one by one: with {@code -prof
   * gc}, its {@code gc.alloc.rate.norm} bounds the accumulator's size from above (everything it
   * holds was allocated in the call, and any array it outgrew too).
   */
  @Benchmark
  public WeightedNpsAccumulator weightedAccumulatorOf1000(Small small) {
    WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
    for (int i = 0; i < small.answers.length; i++) {
      accumulator.accept(small.answers[i], small.weights[i]);
    }
    return accumulator;
  }

  /** {@code Csat.of(int[])} on the default 1..5 scale. */
  @Benchmark
  public Csat csatIntArray(Ratings in) {
    return Csat.of(in.five);
  }

  /** {@code Csat.DEFAULT.of(byte[])} on the default 1..5 scale. */
  @Benchmark
  public Csat csatByteArray(Ratings in) {
    return Csat.DEFAULT.of(in.fiveBytes);
  }

  /** {@code Ces.of(int[])} on the default 1..5 scale. */
  @Benchmark
  public Ces cesIntArray(Ratings in) {
    return Ces.of(in.five);
  }

  /** {@code Ces.DEFAULT.of(byte[])} on the default 1..5 scale. */
  @Benchmark
  public Ces cesByteArray(Ratings in) {
    return Ces.DEFAULT.of(in.fiveBytes);
  }

  /** CES 2.0: the 1..7 scale, higher meaning less effort. */
  private static final CesDefinition CES_2 =
      Ces.definition(RatingScale.ONE_TO_SEVEN, EffortDirection.HIGHER_IS_LESS_EFFORT);

  /** CES 2.0 on the 1..7 scale, {@code int[]}. */
  @Benchmark
  public Ces ces7IntArray(Ratings in) {
    return CES_2.of(in.seven);
  }

  /** CES 2.0 on the 1..7 scale, {@code byte[]}. */
  @Benchmark
  public Ces ces7ByteArray(Ratings in) {
    return CES_2.of(in.sevenBytes);
  }
}
