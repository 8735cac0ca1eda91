package io.github.cxmetrics.journey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.internal.Inputs;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.Proportion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A conversion funnel: how many customers reached each of a list of ordered stages.
 *
 * <p>Definitions, with {@code n_i} the customers who reached stage {@code i} (stages 0 to {@code k
 * - 1}; a customer who reached a stage is counted at every earlier stage too, so {@code n_i} does
 * not increase):
 *
 * <ul>
 *   <li>step {@code i} goes from stage {@code i} to stage {@code i + 1}; its conversion is {@code
 *       n_{i+1} / n_i} and its drop-off {@code 1 - n_{i+1} / n_i};
 *   <li>overall conversion {@code n_{k-1} / n_0}, the product of the step conversions;
 *   <li>the bottleneck is the step with the lowest conversion (the first one on ties).
 * </ul>
 *
 * <p>Each conversion is a binomial proportion of the customers at the step's start: intervals are
 * Wilson score intervals (Wilson 1927) and two funnels are compared step by step with the
 * Agresti-Caffo test of two proportions ({@link #compare}). Funnels of disjoint customer sets over
 * the same stages {@link #merge merge} by adding counts.
 *
 * @param <S> the type of the stages, e.g. {@link JourneyStage} or {@code String}
 */
public final class Funnel<S> implements Mergeable<Funnel<S>> {
  private final List<S> stages;
  private final long[] reached;

  private Funnel(List<S> stages, long[] reached) {
    this.stages = stages;
    this.reached = reached;
  }

  /**
   * Returns a funnel over the {@link JourneyStage journey stages}, from the number of customers who
   * reached each, in stage order.
   *
   * @param counts one count per journey stage, from awareness to advocacy
   * @return the funnel
   * @throws IllegalArgumentException as {@link #ofCounts(List, long...)}
   */
  public static Funnel<JourneyStage> ofJourneyCounts(long... counts) {
    return ofCounts(List.of(JourneyStage.values()), counts);
  }

  /**
   * Returns a funnel from the number of customers who reached each stage.
   *
   * @param <S> the type of the stages
   * @param stages the stages in order, at least two, distinct and not null
   * @param counts the customers who reached each stage, one per stage, {@code >= 0} and not
   *     increasing from one stage to the next
   * @return the funnel
   * @throws NullPointerException if an argument or a stage is null
   * @throws IllegalArgumentException if there are fewer than two stages, a repeated stage, a count
   *     per stage missing or extra, a negative count, or a count above the one before it, naming
   *     the stages and counts
   */
  public static <S> Funnel<S> ofCounts(List<S> stages, long... counts) {
    List<S> copy = checkStages(stages);
    Objects.requireNonNull(counts, "counts");
    if (counts.length != copy.size()) {
      throw new IllegalArgumentException(
          "counts has " + counts.length + " entries for " + copy.size() + " stages " + copy);
    }
    for (int i = 0; i < counts.length; i++) {
      Checks.checkCount("customers at stage " + copy.get(i), counts[i]);
      if (i > 0 && counts[i] > counts[i - 1]) {
        throw new IllegalArgumentException(
            "stage "
                + copy.get(i)
                + " has "
                + counts[i]
                + " customers, more than the "
                + counts[i - 1]
                + " at "
                + copy.get(i - 1)
                + " before it");
      }
    }
    return new Funnel<>(copy, counts.clone());
  }

  /**
   * Returns a funnel from events "customer reached stage": each customer counts at the furthest
   * stage of their events and at every stage before it. Repeated events are harmless.
   *
   * @param <T> the type of the events
   * @param <S> the type of the stages
   * @param stages the stages in order, at least two, distinct and not null
   * @param events the events, in any order
   * @param customer reads the customer identifier of an event
   * @param stage reads the stage an event reached
   * @return the funnel; all counts 0 when there are no events
   * @throws NullPointerException if an argument, an event, its customer or its stage is null,
   *     naming the event's index
   * @throws IllegalArgumentException if an event names a stage not in {@code stages}, naming it
   */
  public static <T, S> Funnel<S> ofEvents(
      List<S> stages,
      Iterable<T> events,
      Function<? super T, ?> customer,
      Function<? super T, ? extends S> stage) {
    List<S> copy = checkStages(stages);
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(stage, "stage");
    Map<S, Integer> position = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      position.put(copy.get(i), i);
    }
    Map<Object, Integer> furthest = new HashMap<>();
    Inputs.forEachIndexed(
        events,
        "events",
        (event, index) -> {
          Object id = Inputs.field(customer.apply(event), "event", index, "customer");
          S reached = Inputs.field(stage.apply(event), "event", index, "stage");
          Integer at = position.get(reached);
          if (at == null) {
            throw new IllegalArgumentException(
                "event at index " + index + " names stage " + reached + ", not one of " + copy);
          }
          furthest.merge(id, at, Math::max);
        });
    long[] reached = new long[copy.size()];
    for (int at : furthest.values()) {
      for (int i = 0; i <= at; i++) {
        reached[i]++;
      }
    }
    return new Funnel<>(copy, reached);
  }

  static <S> List<S> checkStages(List<S> stages) {
    Objects.requireNonNull(stages, "stages");
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i) == null) {
        throw new NullPointerException("stage at index " + i + " of " + stages + " is null");
      }
    }
    List<S> copy = List.copyOf(stages);
    if (copy.size() < 2) {
      throw new IllegalArgumentException("a funnel needs at least two stages, not " + copy);
    }
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("stages must be distinct: " + copy);
    }
    return copy;
  }

  /** {@return the stages in order, unmodifiable} */
  public List<S> stages() {
    return stages;
  }

  /** {@return the number of steps, one less than the number of stages} */
  public int steps() {
    return reached.length - 1;
  }

  /**
   * Returns the customers who reached {@code stage}.
   *
   * @param stage one of {@link #stages()}
   * @return the count
   * @throws IllegalArgumentException if {@code stage} is not a stage of this funnel
   */
  public long reached(S stage) {
    int at = stages.indexOf(stage);
    if (at < 0) {
      throw new IllegalArgumentException("stage " + stage + " is not one of " + stages);
    }
    return reached[at];
  }

  /**
   * Returns the conversion of step {@code step}, {@code n_{step+1} / n_step}.
   *
   * @param step the step, in {@code [0, steps())}
   * @return a fraction in [0, 1]
   * @throws IndexOutOfBoundsException if there is no such step
   * @throws IllegalStateException if no customer reached the step's first stage
   */
  public double stepConversion(int step) {
    Objects.checkIndex(step, steps());
    return (double) reached[step + 1] / entering(step);
  }

  /**
   * Returns the drop-off of step {@code step}, {@code 1 - stepConversion(step)}.
   *
   * @param step the step, in {@code [0, steps())}
   * @return a fraction in [0, 1]
   * @throws IndexOutOfBoundsException if there is no such step
   * @throws IllegalStateException if no customer reached the step's first stage
   */
  public double dropOff(int step) {
    Objects.checkIndex(step, steps());
    return (double) (reached[step] - reached[step + 1]) / entering(step);
  }

  /**
   * Returns the overall conversion {@code n_last / n_first}.
   *
   * @return a fraction in [0, 1]
   * @throws IllegalStateException if no customer reached the first stage
   */
  public double overallConversion() {
    return (double) reached[reached.length - 1] / entering(0);
  }

  /**
   * Returns the step with the lowest conversion, the first one on ties; steps that no customer
   * entered are skipped.
   *
   * @return the step, in {@code [0, steps())}
   * @throws IllegalStateException if no customer reached the first stage
   */
  public int bottleneck() {
    entering(0);
    int worst = -1;
    for (int step = 0; step < steps(); step++) {
      if (reached[step] > 0 && (worst < 0 || stepConversion(step) < stepConversion(worst))) {
        worst = step;
      }
    }
    return worst;
  }

  /**
   * Returns the Wilson score interval of the conversion of step {@code step}.
   *
   * @param step the step, in {@code [0, steps())}
   * @param level the confidence level, in (0, 1)
   * @return the interval, fractions within [0, 1]
   * @throws IndexOutOfBoundsException if there is no such step
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if no customer reached the step's first stage
   */
  public Interval stepInterval(int step, double level) {
    Checks.checkLevel(level);
    Objects.checkIndex(step, steps());
    entering(step);
    return step(step).confidenceInterval(level);
  }

  /**
   * Returns step {@code step} as a proportion: the customers who reached stage {@code step + 1} out
   * of those who reached stage {@code step}, with its standard error, Wilson interval and
   * Agresti-Caffo test basis (see {@link Proportion}); its score is {@link #stepConversion}.
   *
   * @param step the step, in {@code [0, steps())}
   * @return the proportion, a fraction; {@link Proportion#EMPTY} when nobody entered the step
   * @throws IndexOutOfBoundsException if there is no such step
   */
  public Proportion step(int step) {
    Objects.checkIndex(step, steps());
    return Proportion.of(reached[step + 1], reached[step]);
  }

  /**
   * Compares two funnels over the same stages step by step: for each step, {@code difference =
   * a.stepConversion(step) - b.stepConversion(step)}, tested with the Agresti-Caffo test of two
   * proportions ({@link Comparison#of} on {@link #step}), as fractions.
   *
   * @param <S> the type of the stages
   * @param a the first funnel
   * @param b the second funnel
   * @return one comparison per step, in step order
   * @throws NullPointerException if {@code a} or {@code b} is null
   * @throws IllegalArgumentException if the funnels have different stages
   * @throws IllegalStateException if a step was entered by no customer in either funnel
   */
  public static <S> List<Comparison> compare(Funnel<S> a, Funnel<S> b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    a.requireSameStages(b);
    List<Comparison> steps = new ArrayList<>(a.steps());
    for (int step = 0; step < a.steps(); step++) {
      a.entering(step);
      b.entering(step);
      steps.add(Comparison.of(a.step(step), b.step(step)));
    }
    return steps;
  }

  /**
   * Returns the funnel of two disjoint customer sets over the same stages: counts added.
   *
   * @param other another funnel over the same stages
   * @return the combined funnel
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the stages differ, naming both lists
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public Funnel<S> merge(Funnel<S> other) {
    Objects.requireNonNull(other, "other");
    requireSameStages(other);
    long[] sum = new long[reached.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Checks.addCounts("funnel count", reached[i], other.reached[i]);
    }
    return new Funnel<>(stages, sum);
  }

  private void requireSameStages(Funnel<?> other) {
    if (!stages.equals(other.stages)) {
      throw new IllegalArgumentException(
          "funnels over different stages: " + stages + " and " + other.stages);
    }
  }

  private long entering(int step) {
    if (reached[step] == 0) {
      throw new IllegalStateException(
          "conversion from " + stages.get(step) + " is undefined: no customer reached it");
    }
    return reached[step];
  }

  /**
   * Returns the encoding of this funnel: a 4-byte header (format version 2, metric id 6, two zero
   * bytes), then, little-endian, the number of stages {@code k} as a 4-byte integer, each stage's
   * {@code toString()} as a 4-byte UTF-8 length and its bytes, the {@code k} counts as 8-byte
   * counts, and a 4-byte CRC-32C of all the bytes before it.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    List<String> names = new ArrayList<>(stages.size());
    int payload = 4 + 8 * reached.length;
    for (S stage : stages) {
      String name = stage.toString();
      names.add(name);
      payload += Encoding.stringLength(name);
    }
    ByteBuffer buffer = Encoding.writer(MetricId.FUNNEL, payload).putInt(names.size());
    names.forEach(name -> Encoding.putString(buffer, name));
    for (long count : reached) {
      buffer.putLong(count);
    }
    return Encoding.finish(buffer);
  }

  /**
   * Reads a funnel written by {@link #toByteArray()}, with its stages as strings.
   *
   * @param bytes the encoding
   * @return the funnel
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not a funnel encoding of this format
   *     version, is truncated or too long, or holds stages or counts {@link #ofCounts} rejects
   */
  public static Funnel<String> fromByteArray(byte[] bytes) {
    return fromByteArray(bytes, Function.identity());
  }

  /**
   * Reads a funnel written by {@link #toByteArray()}, turning each stage name back into a stage,
   * e.g. with {@code JourneyStage::valueOf}.
   *
   * @param <S> the type of the stages
   * @param bytes the encoding
   * @param stage turns a stage name into a stage
   * @return the funnel
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code bytes} is not a funnel encoding of this format
   *     version, is truncated or too long, holds stages or counts {@link #ofCounts} rejects, or
   *     {@code stage} rejects a name
   */
  public static <S> Funnel<S> fromByteArray(byte[] bytes, Function<String, ? extends S> stage) {
    Objects.requireNonNull(stage, "stage");
    ByteBuffer buffer = Encoding.reader(bytes, MetricId.FUNNEL);
    int k = Encoding.intValue(buffer, "number of stages");
    if (k < 2 || k > buffer.remaining() / 12) {
      throw new IllegalArgumentException(
          "damaged FUNNEL encoding: " + k + " stages in " + buffer.remaining() + " bytes");
    }
    List<S> stages = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      String name = Encoding.string(buffer, "stage " + i);
      try {
        stages.add(Objects.requireNonNull(stage.apply(name), "stage " + name));
      } catch (RuntimeException e) {
        throw Encoding.invalid(MetricId.FUNNEL, e);
      }
    }
    long[] counts = new long[k];
    for (int i = 0; i < k; i++) {
      counts[i] = Encoding.count(buffer, "customers at stage " + stages.get(i));
    }
    Encoding.end(buffer, MetricId.FUNNEL);
    try {
      return ofCounts(stages, counts);
    } catch (IllegalArgumentException e) {
      throw Encoding.invalid(MetricId.FUNNEL, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Funnel<?> other
        && stages.equals(other.stages)
        && Arrays.equals(reached, other.reached);
  }

  @Override
  public int hashCode() {
    return 31 * stages.hashCode() + Arrays.hashCode(reached);
  }

  /** Returns e.g. {@code Funnel[AWARENESS=1000, INTEREST=400, PURCHASE=50]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Funnel[");
    for (int i = 0; i < reached.length; i++) {
      text.append(i == 0 ? "" : ", ").append(stages.get(i)).append('=').append(reached[i]);
    }
    return text.append(']').toString();
  }
}
