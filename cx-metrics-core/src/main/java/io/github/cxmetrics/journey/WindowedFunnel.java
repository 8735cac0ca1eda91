package io.github.cxmetrics.journey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Inputs;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A conversion funnel over timestamped events: the definition (stages, conversion window, step
 * order, optional per-step windows and exclusions) that turns events "customer reached stage at
 * time" into a {@link FunnelResult}, the funnel of the customers whose outcome is decided beside
 * those still inside their window.
 *
 * <p>Definitions, with stages {@code 0..k-1} and step {@code i} from stage {@code i} to {@code i +
 * 1}, for each customer separately:
 *
 * <ul>
 *   <li>a <i>chain</i> starts at an event of stage 0 and takes one event per later stage, in the
 *       {@link FunnelOrder order} of the funnel; every event of the chain is at most the window
 *       {@code W} after its first ({@code t_j <= t_0 + W}: an event exactly at {@code W} counts),
 *       and with a per-step window {@code w_i}, step {@code i + 1} is at most {@code w_i} after
 *       step {@code i};
 *   <li>the customer reaches stage {@code i} when some chain does; the customer's furthest stage is
 *       the furthest any of its chains reaches (a customer who starts again later is judged by its
 *       best attempt, as ClickHouse's {@code windowFunnel} and Doris' {@code WINDOW_FUNNEL} do);
 *   <li>of the chains that reach the furthest stage, the one <i>kept</i> is the one with the latest
 *       first step (it leaves the most of its window for later steps); its step times are the
 *       customer's conversion times, and it says whether the customer is still in progress;
 *   <li>an <i>exclusion</i> ({@link #excluding}) of stage {@code X} at step {@code i}: a chain that
 *       has reached stage {@code i} and sees an event of {@code X} after that (strictly later)
 *       before it reaches stage {@code i + 1} ends there; the customer keeps the stages reached;
 *   <li>a customer is <i>in progress</i> when it has not reached the last stage and its kept chain
 *       can still advance after the observation end: its window, and the per-step window of its
 *       next step, end after it, and no exclusion or strict-order interruption has ended it. Such
 *       customers are reported by {@link FunnelResult#inProgress(int)} and left out of {@link
 *       FunnelResult#decided()}, so that a customer who signed up an hour ago does not count as a
 *       drop-off.
 * </ul>
 *
 * <p>Events are sorted by time within each customer, so input order does not matter; at equal
 * times, funnel events come before exclusion events and earlier stages before later ones, so that
 * equal-time steps advance a chain ({@link #withStrictlyIncreasingTimes()} forbids that). Counting
 * objects holds every event as three columns (customer index, stage, nanoseconds since the epoch)
 * and a map entry per customer, then counts them as columns. Counting columns ({@link #count(int,
 * int[], int[], long[], long)}) needs 1 bit a customer when the columns are grouped by customer;
 * other columns are grouped into a copy of 8 bytes an event (time, stage and customer packed in a
 * {@code long}), plus 8 bytes an event of the largest partition of {@code 2^14} customers and 64 KB
 * (12 bytes an event and 4 bytes a customer when the times span {@code 2^(49 - b)} ticks or more,
 * {@code b} the bits of the largest stage code: {@code 2^46} milliseconds, 2,230 years, for 5 to 8
 * codes). Each customer's events are then sorted and searched in one pass that keeps one chain per
 * stage, {@code k^2} times at most, in scratch arrays of at most 72 bytes an event of the largest
 * customer (grown by doubling).
 *
 * <p>Results of disjoint customer sets {@link FunnelResult#merge merge}: partition events by
 * customer, count each partition, merge. A customer whose events are split across partitions would
 * be judged on each part alone (and counted in each); the result cannot detect it, so partitioning
 * by customer is a precondition of merging.
 *
 * @param <S> the type of the stages, e.g. {@link JourneyStage} or {@code String}
 */
public final class WindowedFunnel<S> {
  private final List<S> stages;
  private final Duration window;
  private final FunnelOrder order;
  private final Duration[] stepWindows;
  private final Map<S, TreeSet<Integer>> exclusions;
  private final boolean strictlyIncreasing;
  private final Duration resolution;

  private WindowedFunnel(
      List<S> stages,
      Duration window,
      FunnelOrder order,
      Duration[] stepWindows,
      Map<S, TreeSet<Integer>> exclusions,
      boolean strictlyIncreasing,
      Duration resolution) {
    this.stages = stages;
    this.window = window;
    this.order = order;
    this.stepWindows = stepWindows;
    this.exclusions = exclusions;
    this.strictlyIncreasing = strictlyIncreasing;
    this.resolution = resolution;
  }

  /**
   * Returns the funnel over {@code stages} in which a chain must fit in {@code window} from its
   * first step, in the given order; conversion times are counted at a resolution of 1 second.
   *
   * @param <S> the type of the stages
   * @param stages the stages in order, at least two, distinct and not null
   * @param window the conversion window, positive
   * @param order how the steps must be ordered
   * @return the funnel definition
   * @throws NullPointerException if an argument or a stage is null
   * @throws IllegalArgumentException if there are fewer than two stages, a repeated stage, or the
   *     window is zero or negative, naming it
   */
  public static <S> WindowedFunnel<S> of(List<S> stages, Duration window, FunnelOrder order) {
    List<S> copy = Funnel.checkStages(stages);
    checkWindow("window", window);
    Objects.requireNonNull(order, "order");
    return new WindowedFunnel<>(
        copy,
        window,
        order,
        new Duration[copy.size() - 1],
        new LinkedHashMap<>(),
        false,
        Duration.ofSeconds(1));
  }

  private static void checkWindow(String name, Duration window) {
    Objects.requireNonNull(window, name);
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException(name + " (" + window + ") must be positive");
    }
  }

  private void checkStep(int step) {
    if (step < 0 || step >= steps()) {
      throw new IllegalArgumentException(
          "step (" + step + ") must be in [0, " + (steps() - 1) + "] for the stages " + stages);
    }
  }

  private void requireOrdered(String what) {
    if (order == FunnelOrder.ANY) {
      throw new IllegalArgumentException(
          what + " needs an ordered funnel (ORDERED or STRICT), not " + order);
    }
  }

  /**
   * Returns this funnel with a window on one step: stage {@code step + 1} must come at most {@code
   * window} after stage {@code step} (PostHog's per-step conversion window), besides the whole
   * chain's window.
   *
   * @param step the step, in {@code [0, steps())}
   * @param window the step's window, positive
   * @return the new definition
   * @throws NullPointerException if {@code window} is null
   * @throws IllegalArgumentException if the step is out of range, the window is not positive, or
   *     the funnel's order is {@link FunnelOrder#ANY} (steps have no sequence there)
   */
  public WindowedFunnel<S> withStepWindow(int step, Duration window) {
    checkStep(step);
    checkWindow("step window", window);
    requireOrdered("a per-step window");
    Duration[] windows = stepWindows.clone();
    windows[step] = window;
    return new WindowedFunnel<>(
        stages, this.window, order, windows, exclusions, strictlyIncreasing, resolution);
  }

  /**
   * Returns this funnel with an exclusion: a chain that has reached stage {@code step} and sees an
   * event of {@code stage} (strictly later) before it reaches stage {@code step + 1} ends there,
   * e.g. a customer who cancels between sign-up and first purchase.
   *
   * @param stage the excluding event, not one of the funnel's stages
   * @param step the step it interrupts, in {@code [0, steps())}
   * @return the new definition; the same exclusion twice is the same definition
   * @throws NullPointerException if {@code stage} is null
   * @throws IllegalArgumentException if {@code stage} is a funnel stage, the step is out of range,
   *     or the funnel's order is {@link FunnelOrder#ANY}
   */
  public WindowedFunnel<S> excluding(S stage, int step) {
    Objects.requireNonNull(stage, "stage");
    checkStep(step);
    requireOrdered("an exclusion");
    if (stages.contains(stage)) {
      throw new IllegalArgumentException(
          "the exclusion " + stage + " is a stage of the funnel " + stages);
    }
    Map<S, TreeSet<Integer>> copy = new LinkedHashMap<>();
    exclusions.forEach((s, steps) -> copy.put(s, new TreeSet<>(steps)));
    copy.computeIfAbsent(stage, s -> new TreeSet<>()).add(step);
    return new WindowedFunnel<>(
        stages, window, order, stepWindows, copy, strictlyIncreasing, resolution);
  }

  /**
   * Returns this funnel with strictly increasing step times: a step at the same instant as the one
   * before does not advance a chain (Doris' {@code increase} mode).
   *
   * @return the new definition
   * @throws IllegalArgumentException if the funnel's order is {@link FunnelOrder#ANY}
   */
  public WindowedFunnel<S> withStrictlyIncreasingTimes() {
    requireOrdered("strictly increasing times");
    return new WindowedFunnel<>(stages, window, order, stepWindows, exclusions, true, resolution);
  }

  /**
   * Returns this funnel with conversion times counted at another resolution (each time rounded down
   * to a whole number of units); finer resolutions keep more distinct times in memory.
   *
   * @param resolution the unit, positive
   * @return the new definition
   * @throws NullPointerException if {@code resolution} is null
   * @throws IllegalArgumentException if {@code resolution} is not positive
   */
  public WindowedFunnel<S> withResolution(Duration resolution) {
    ConversionTimes.checkResolution(resolution);
    return new WindowedFunnel<>(
        stages, window, order, stepWindows, exclusions, strictlyIncreasing, resolution);
  }

  /** {@return the stages in order, unmodifiable} */
  public List<S> stages() {
    return stages;
  }

  /** {@return the number of steps, one fewer than the stages} */
  public int steps() {
    return stages.size() - 1;
  }

  /** {@return the conversion window of a whole chain} */
  public Duration window() {
    return window;
  }

  /** {@return the step order} */
  public FunnelOrder order() {
    return order;
  }

  /** {@return the resolution of the conversion times} */
  public Duration resolution() {
    return resolution;
  }

  /**
   * Counts events into the funnel.
   *
   * @param <T> the type of the events
   * @param events the events, in any order: each a customer reaching a stage (or an exclusion
   *     event) at an instant
   * @param customer reads the customer identifier of an event (any type with {@code equals} and
   *     {@code hashCode})
   * @param stage reads the stage of an event
   * @param time reads the instant of an event
   * @param observationEnd the end of the observation: no event is after it, and a chain whose
   *     window ends after it is in progress
   * @return the result; empty counts when there are no events
   * @throws NullPointerException if an argument, an event, its customer, stage or time is null,
   *     naming the event's index and field
   * @throws IllegalArgumentException if an event names a stage that is neither a funnel stage nor
   *     an exclusion, or is after {@code observationEnd}, naming the event's index
   */
  public <T> FunnelResult<S> count(
      Iterable<T> events,
      Function<? super T, ?> customer,
      Function<? super T, ? extends S> stage,
      Function<? super T, Instant> time,
      Instant observationEnd) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(observationEnd, "observationEnd");
    Map<S, Integer> position = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      position.put(stages.get(i), i);
    }
    List<S> excluded = exclusionStages();
    for (int x = 0; x < excluded.size(); x++) {
      position.put(excluded.get(x), stages.size() + x);
    }
    long endNanos = epochNanos(observationEnd, "observationEnd");
    Map<Object, Integer> index = new HashMap<>();
    Columns columns = new Columns();
    Inputs.forEachIndexed(
        events,
        "events",
        (event, i) -> {
          Object id = Inputs.field(customer.apply(event), "event", i, "customer");
          S reached = Inputs.field(stage.apply(event), "event", i, "stage");
          Instant at = Inputs.field(time.apply(event), "event", i, "time");
          Integer code = position.get(reached);
          if (code == null) {
            throw new IllegalArgumentException(
                "event at index "
                    + i
                    + " names stage "
                    + reached
                    + ", neither a stage of the funnel "
                    + stages
                    + (excluded.isEmpty() ? "" : " nor an exclusion " + excluded));
          }
          if (at.isAfter(observationEnd)) {
            throw new IllegalArgumentException(
                "event at index "
                    + i
                    + " at "
                    + at
                    + " is after the observation end "
                    + observationEnd);
          }
          long nanos = epochNanos(at, "the time of the event at index " + i);
          columns.add(index.computeIfAbsent(id, k -> index.size()), code, nanos);
        });
    return run(
        index.size(),
        columns.customer(),
        columns.code(),
        columns.time(),
        endNanos,
        Duration.ofNanos(1));
  }

  /**
   * Counts events given as columns, the form of a columnar store or a data frame: for event {@code
   * i}, its customer's index {@code customer[i]}, its stage code {@code stage[i]} and its time
   * {@code epochMillis[i]} in milliseconds since 1970-01-01T00:00Z. Stage codes are {@code 0..k-1}
   * for the funnel's stages in order and {@code k + x} for the {@code x}-th of {@link
   * #exclusionStages()}. The customers' events need not be grouped or sorted: columns grouped by
   * customer (each customer's events contiguous) are read as they are; others are grouped by
   * partitions of customers (memory in the class description), and each customer's events are
   * sorted by time. Results equal those of {@link #count(Iterable, Function, Function, Function,
   * Instant)} on the same events at millisecond times.
   *
   * @param customers the number of customers: indices are in {@code [0, customers)}
   * @param customer the customer index of each event
   * @param stage the stage code of each event
   * @param epochMillis the time of each event
   * @param observationEndMillis the end of the observation, in milliseconds since the epoch
   * @return the result
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length, {@code customers} is negative,
   *     or an event has a customer index or stage code out of range or a time after the observation
   *     end, naming the event's index and value
   */
  public FunnelResult<S> count(
      int customers, int[] customer, int[] stage, long[] epochMillis, long observationEndMillis) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(epochMillis, "epochMillis");
    Checks.checkAtLeast("customers", customers, 0);
    if (stage.length != customer.length || epochMillis.length != customer.length) {
      throw new IllegalArgumentException(
          "the columns differ in length: customer "
              + customer.length
              + ", stage "
              + stage.length
              + ", epochMillis "
              + epochMillis.length);
    }
    return run(customers, customer, stage, epochMillis, observationEndMillis, Duration.ofMillis(1));
  }

  private FunnelResult<S> run(
      int customers, int[] customer, int[] code, long[] time, long end, Duration tick) {
    List<S> excluded = exclusionStages();
    int[][] exclusionSteps = new int[excluded.size()][];
    for (int x = 0; x < excluded.size(); x++) {
      exclusionSteps[x] =
          exclusions.get(excluded.get(x)).stream().mapToInt(Integer::intValue).toArray();
    }
    long[] steps = new long[stepWindows.length];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = stepWindows[i] == null ? -1 : ticks(stepWindows[i], tick);
    }
    long windowTicks = ticks(window, tick);
    FunnelEngine engine =
        new FunnelEngine(
            stages.size(), order, windowTicks, steps, exclusionSteps, strictlyIncreasing);
    return engine
        .run(
            customers,
            customer,
            code,
            time,
            end,
            () -> new FunnelResult.Tally(stages.size(), resolution, tick, windowTicks))
        .result(this);
  }

  /** A duration in ticks, rounded down and saturating at {@code Long.MAX_VALUE}. */
  private static long ticks(Duration duration, Duration tick) {
    try {
      return duration.dividedBy(tick);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** An instant in nanoseconds since the epoch, or an exception naming it. */
  private static long epochNanos(Instant instant, String what) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what
              + " ("
              + instant
              + ") is outside the years 1678 to 2262, where nanoseconds since 1970 fit a long",
          e);
    }
  }

  /** The events as growing columns. */
  private static final class Columns {
    private int[] customer = new int[64];
    private int[] code = new int[64];
    private long[] time = new long[64];
    private int size;

    void add(int c, int s, long t) {
      if (size == customer.length) {
        int capacity = Math.multiplyExact(size, 2);
        customer = Arrays.copyOf(customer, capacity);
        code = Arrays.copyOf(code, capacity);
        time = Arrays.copyOf(time, capacity);
      }
      customer[size] = c;
      code[size] = s;
      time[size++] = t;
    }

    int[] customer() {
      return Arrays.copyOf(customer, size);
    }

    int[] code() {
      return Arrays.copyOf(code, size);
    }

    long[] time() {
      return Arrays.copyOf(time, size);
    }
  }

  /**
   * Returns the window of one step, if {@link #withStepWindow} set one.
   *
   * @param step the step, in {@code [0, steps())}
   * @return the step's window, or empty when only the whole chain's window applies
   * @throws IllegalArgumentException if the step is out of range
   */
  public Optional<Duration> stepWindow(int step) {
    checkStep(step);
    return Optional.ofNullable(stepWindows[step]);
  }

  /**
   * Returns the steps an exclusion stage interrupts ({@link #excluding}).
   *
   * @param stage an exclusion stage
   * @return its steps in increasing order, unmodifiable; empty when {@code stage} is not an
   *     exclusion
   * @throws NullPointerException if {@code stage} is null
   */
  public List<Integer> exclusionSteps(S stage) {
    Objects.requireNonNull(stage, "stage");
    TreeSet<Integer> steps = exclusions.get(stage);
    return steps == null ? List.of() : List.copyOf(steps);
  }

  /** {@return whether a step at the instant of the one before fails to advance a chain} */
  public boolean strictlyIncreasingTimes() {
    return strictlyIncreasing;
  }

  /** {@return the exclusion stages, in the order they were added: codes {@code k + x}} */
  public List<S> exclusionStages() {
    return List.copyOf(exclusions.keySet());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowedFunnel<?> other
        && stages.equals(other.stages)
        && window.equals(other.window)
        && order == other.order
        && Arrays.equals(stepWindows, other.stepWindows)
        && exclusions.equals(other.exclusions)
        && strictlyIncreasing == other.strictlyIncreasing
        && resolution.equals(other.resolution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        stages,
        window,
        order,
        Arrays.hashCode(stepWindows),
        exclusions,
        strictlyIncreasing,
        resolution);
  }

  /**
   * Returns e.g. {@code WindowedFunnel[ORDERED [visit, signup, buy] within PT168H, step windows
   * [null, PT24H], excluding {cancel=[1]}]}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("WindowedFunnel[").append(order).append(' ');
    text.append(stages).append(" within ").append(window);
    if (Arrays.stream(stepWindows).anyMatch(Objects::nonNull)) {
      text.append(", step windows ").append(Arrays.toString(stepWindows));
    }
    if (!exclusions.isEmpty()) {
      text.append(", excluding ").append(exclusions);
    }
    if (strictlyIncreasing) {
      text.append(", strictly increasing times");
    }
    return text.append("]").toString();
  }
}
