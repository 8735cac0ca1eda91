package io.github.cxmetrics.journey;

import io.github.cxmetrics.internal.Inputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * equal-time steps advance a chain ({@link #withStrictlyIncreasingTimes()} forbids that). The
 * funnel holds every customer's events until it counts them: memory is about 40 bytes per event
 * plus a map entry per customer.
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
    List<S> excluded = new ArrayList<>(exclusions.keySet());
    Map<Object, List<Event>> byCustomer = new HashMap<>();
    Inputs.forEachIndexed(
        events,
        "events",
        (event, index) -> {
          Object id = Inputs.field(customer.apply(event), "event", index, "customer");
          S reached = Inputs.field(stage.apply(event), "event", index, "stage");
          Instant at = Inputs.field(time.apply(event), "event", index, "time");
          Integer code = position.get(reached);
          if (code == null) {
            int x = excluded.indexOf(reached);
            if (x < 0) {
              throw new IllegalArgumentException(
                  "event at index "
                      + index
                      + " names stage "
                      + reached
                      + ", neither a stage of the funnel "
                      + stages
                      + (excluded.isEmpty() ? "" : " nor an exclusion " + excluded));
            }
            code = -1 - x;
          }
          if (at.isAfter(observationEnd)) {
            throw new IllegalArgumentException(
                "event at index "
                    + index
                    + " at "
                    + at
                    + " is after the observation end "
                    + observationEnd);
          }
          byCustomer.computeIfAbsent(id, k -> new ArrayList<>()).add(new Event(at, code, index));
        });
    int[][] exclusionSteps = new int[excluded.size()][];
    for (int x = 0; x < excluded.size(); x++) {
      exclusionSteps[x] =
          exclusions.get(excluded.get(x)).stream().mapToInt(Integer::intValue).toArray();
    }
    FunnelResult.Tally tally = new FunnelResult.Tally(stages.size(), resolution);
    for (List<Event> customerEvents : byCustomer.values()) {
      customerEvents.sort(EVENT_ORDER);
      if (order == FunnelOrder.ANY) {
        anyOrder(customerEvents, observationEnd, tally);
      } else {
        ordered(customerEvents, exclusionSteps, observationEnd, tally);
      }
    }
    return tally.result(this);
  }

  /** One event of a customer: its stage index ({@code >= 0}) or exclusion ({@code -1 - x}). */
  private record Event(Instant time, int code, long index) {}

  private static final Comparator<Event> EVENT_ORDER =
      Comparator.comparing(Event::time)
          .thenComparing(e -> e.code() < 0) // funnel events first
          .thenComparingInt(e -> Math.abs(e.code()))
          .thenComparingLong(Event::index);

  /** A chain of steps: the times of stages 0 to its level. */
  private static final class Chain {
    final Instant[] times;
    final int level;
    boolean ended;

    Chain(Instant[] times, int level) {
      this.times = times;
      this.level = level;
    }

    Instant start() {
      return times[0];
    }

    Instant last() {
      return times[level];
    }

    Chain extend(Instant t) {
      Instant[] next = Arrays.copyOf(times, level + 2);
      next[level + 1] = t;
      return new Chain(next, level + 1);
    }
  }

  /**
   * The ordered and strict orders: for each stage the chain at that stage with the latest first
   * step, which dominates every other there (a later start leaves a later window end, and its last
   * step, written later, a later per-step deadline), so one pass over the events finds the furthest
   * stage.
   */
  private void ordered(
      List<Event> events,
      int[][] exclusionSteps,
      Instant observationEnd,
      FunnelResult.Tally tally) {
    int k = stages.size();
    Chain[] chains = new Chain[k];
    Chain kept = null;
    for (Event event : events) {
      Instant t = event.time();
      if (event.code() < 0) {
        for (int step : exclusionSteps[-1 - event.code()]) {
          Chain c = chains[step];
          if (c != null && t.isAfter(c.last())) {
            c.ended = true;
            chains[step] = null;
          }
        }
        continue;
      }
      int j = event.code();
      Chain made = null;
      if (j == 0) {
        made = new Chain(new Instant[] {t}, 0);
      } else {
        Chain before = chains[j - 1];
        if (before != null && canAdvance(before, t)) {
          made = before.extend(t);
        }
      }
      if (order == FunnelOrder.STRICT) {
        for (int i = 0; i < k; i++) {
          Chain c = chains[i];
          if (c != null && i != j && i + 1 != j) {
            c.ended = true; // another funnel stage between two steps
            chains[i] = null;
          }
        }
      }
      if (made != null) {
        chains[j] = made;
        if (kept == null || j >= kept.level) {
          kept = made;
        }
      }
    }
    if (kept == null) {
      tally.notStarted();
      return;
    }
    boolean open = false;
    if (kept.level < k - 1 && !kept.ended) {
      Instant deadline = kept.start().plus(window);
      Duration step = stepWindows[kept.level];
      if (step != null && kept.last().plus(step).isBefore(deadline)) {
        deadline = kept.last().plus(step);
      }
      open = deadline.isAfter(observationEnd);
    }
    tally.add(kept.times, kept.level, open);
  }

  private boolean canAdvance(Chain chain, Instant t) {
    if (t.isAfter(chain.start().plus(window))) {
      return false;
    }
    Duration step = stepWindows[chain.level];
    if (step != null && t.isAfter(chain.last().plus(step))) {
      return false;
    }
    return !strictlyIncreasing || t.isAfter(chain.last());
  }

  /**
   * Any order: for each event as the start of a window {@code [s, s + W]}, the furthest stage
   * {@code i} such that stages {@code 0..i} all occur in the window; the kept window is the latest
   * start reaching the furthest stage, and stage {@code i}'s time is when stages {@code 0..i} have
   * all occurred in it.
   */
  private void anyOrder(List<Event> events, Instant observationEnd, FunnelResult.Tally tally) {
    int k = stages.size();
    int n = events.size();
    int[] present = new int[k];
    int best = -1;
    int bestStart = -1;
    int end = 0; // events [start, end) are in the window
    for (int start = 0; start < n; start++) {
      Instant limit = events.get(start).time().plus(window);
      while (end < n && !events.get(end).time().isAfter(limit)) {
        present[events.get(end).code()]++;
        end++;
      }
      int level = -1;
      while (level + 1 < k && present[level + 1] > 0) {
        level++;
      }
      if (level >= 0 && level >= best) {
        best = level;
        bestStart = start;
      }
      present[events.get(start).code()]--;
    }
    if (best < 0) {
      tally.notStarted();
      return;
    }
    Instant start = events.get(bestStart).time();
    Instant limit = start.plus(window);
    Instant[] first = new Instant[k];
    for (int i = bestStart; i < n && !events.get(i).time().isAfter(limit); i++) {
      int code = events.get(i).code();
      if (first[code] == null) {
        first[code] = events.get(i).time();
      }
    }
    Instant[] times = new Instant[best + 1];
    for (int i = 0; i <= best; i++) {
      times[i] = i == 0 || first[i].isAfter(times[i - 1]) ? first[i] : times[i - 1];
    }
    tally.add(times, best, best < k - 1 && limit.isAfter(observationEnd));
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
