package io.github.cxmetrics.journey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Mergeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of a {@link WindowedFunnel} over a set of customers: the {@link Funnel} of those
 * whose outcome is decided, the customers still in progress by the furthest stage they have
 * reached, those with events but no first step, and the conversion times of every step.
 *
 * <p>{@link #decided()} is the funnel to report: its step conversions, Wilson intervals and
 * comparisons ({@link Funnel#compare}) leave out customers who may still convert. {@link #all()}
 * adds them at the stages they have reached (conversion so far). Results of disjoint customer sets
 * over the same definition {@link #merge merge} by adding counts (see {@link WindowedFunnel} on
 * partitioning by customer).
 *
 * @param <S> the type of the stages
 */
public final class FunnelResult<S> implements Mergeable<FunnelResult<S>> {
  private final WindowedFunnel<S> definition;
  private final long[] decided;
  private final long[] inProgress;
  private final long notStarted;
  private final ConversionTimes[] times;

  private FunnelResult(
      WindowedFunnel<S> definition,
      long[] decided,
      long[] inProgress,
      long notStarted,
      ConversionTimes[] times) {
    this.definition = definition;
    this.decided = decided;
    this.inProgress = inProgress;
    this.notStarted = notStarted;
    this.times = times;
  }

  /** Counts customers one at a time; not thread-safe. */
  static final class Tally {
    private final long[] decidedAt; // decided customers by furthest stage, as inProgress
    private final long[] inProgress;
    private long notStarted;
    private final ConversionTimes.Builder[] times;
    private final Duration resolution;
    private final Duration tick;
    private final long ticksPerUnit; // 0: the resolution is no whole number of ticks
    private final double inversePerUnit;
    private static final long EXACT_DOUBLE = 1L << 52;

    /**
     * A tally of step times given in ticks of {@code tick}, counted at {@code resolution}, each at
     * most {@code maxTicks} ticks (the window; {@code Long.MAX_VALUE} when unbounded).
     */
    Tally(int stages, Duration resolution, Duration tick, long maxTicks) {
      this.resolution = resolution;
      this.tick = tick;
      long perUnit;
      try {
        long unitNanos = resolution.toNanos();
        long tickNanos = tick.toNanos();
        perUnit = unitNanos % tickNanos == 0 ? unitNanos / tickNanos : 0;
      } catch (ArithmeticException e) {
        perUnit = 0; // a resolution of centuries: the general path of units()
      }
      ticksPerUnit = perUnit >= EXACT_DOUBLE ? 0 : perUnit;
      inversePerUnit = 1.0 / perUnit;
      decidedAt = new long[stages];
      inProgress = new long[stages];
      times = new ConversionTimes.Builder[stages - 1];
      long maxUnit = maxTicks == Long.MAX_VALUE ? -1 : units(maxTicks);
      for (int i = 0; i < times.length; i++) {
        times[i] = new ConversionTimes.Builder(resolution, maxUnit);
      }
    }

    void notStarted() {
      notStarted++;
    }

    /** A customer whose kept chain reached {@code level} at the given step times, in ticks. */
    void add(long[] stepTimes, int level, boolean open) {
      if (open) {
        inProgress[level]++;
      } else {
        decidedAt[level]++;
      }
      for (int i = 0; i < level; i++) {
        times[i].addOne(units(stepTimes[i + 1] - stepTimes[i]));
      }
    }

    /**
     * {@code ticks >= 0} ticks in whole units of the resolution, rounded down. With a whole number
     * of ticks per unit below 2^53, the quotient is estimated by a multiplication with its
     * reciprocal and corrected by one either way, which makes it exact (the estimate is within one
     * of the true quotient) and avoids a long division per step.
     */
    long units(long ticks) {
      if (ticksPerUnit == 1) {
        return ticks;
      }
      if (ticksPerUnit > 0) {
        if (ticks >= EXACT_DOUBLE) {
          return ticks / ticksPerUnit;
        }
        long q = (long) (ticks * inversePerUnit);
        if (q * ticksPerUnit > ticks) {
          q--;
        } else if ((q + 1) * ticksPerUnit <= ticks) {
          q++;
        }
        return q;
      }
      return tick.multipliedBy(ticks).dividedBy(resolution);
    }

    <S> FunnelResult<S> result(WindowedFunnel<S> definition) {
      ConversionTimes[] built = new ConversionTimes[times.length];
      for (int i = 0; i < built.length; i++) {
        built[i] = times[i].build();
      }
      long[] reached = decidedAt.clone(); // customers who reached each stage
      for (int i = reached.length - 2; i >= 0; i--) {
        reached[i] += reached[i + 1];
      }
      return new FunnelResult<>(definition, reached, inProgress, notStarted, built);
    }
  }

  /** {@return the definition the events were counted with} */
  public WindowedFunnel<S> definition() {
    return definition;
  }

  /**
   * Returns the funnel of the customers whose outcome is decided: those who reached the last stage,
   * and those whose kept chain can no longer advance.
   *
   * @return the funnel; counts of customers
   */
  public Funnel<S> decided() {
    return Funnel.ofCounts(definition.stages(), decided);
  }

  /**
   * Returns the funnel of every customer who took the first step, those in progress counted at the
   * stages they have reached so far.
   *
   * @return the funnel; counts of customers
   */
  public Funnel<S> all() {
    long[] all = decided.clone();
    for (int level = 0; level < inProgress.length; level++) {
      for (int i = 0; i <= level; i++) {
        all[i] += inProgress[level];
      }
    }
    return Funnel.ofCounts(definition.stages(), all);
  }

  /**
   * Returns the customers in progress whose furthest stage is {@code stage}.
   *
   * @param stage the stage's index, in {@code [0, stages().size() - 1)} (nobody at the last stage
   *     is in progress)
   * @return the count
   * @throws IndexOutOfBoundsException if the index is outside the stages
   */
  public long inProgress(int stage) {
    return inProgress[Objects.checkIndex(stage, inProgress.length - 1)];
  }

  /** {@return the customers in progress, at any stage} */
  public long inProgress() {
    long total = 0;
    for (long count : inProgress) {
      total += count;
    }
    return total;
  }

  /** {@return the customers with events but no chain: none of their events was a first step} */
  public long notStarted() {
    return notStarted;
  }

  /**
   * Returns the conversion times of one step: for each customer whose kept chain took it, the time
   * from its stage {@code step} to its stage {@code step + 1}, in progress or not.
   *
   * @param step the step, in {@code [0, steps())}
   * @return the times
   * @throws IndexOutOfBoundsException if the step is out of range
   */
  public ConversionTimes conversionTimes(int step) {
    return times[Objects.checkIndex(step, times.length)];
  }

  /**
   * Returns the result of two disjoint customer sets: counts added, conversion times merged.
   *
   * @param other a result of the same definition
   * @return the merged result
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the definitions differ, naming both
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  @Override
  public FunnelResult<S> merge(FunnelResult<S> other) {
    Objects.requireNonNull(other, "other");
    if (!definition.equals(other.definition)) {
      throw new IllegalArgumentException(
          "cannot merge results of " + definition + " and " + other.definition);
    }
    long[] d = new long[decided.length];
    long[] p = new long[inProgress.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = Checks.addCounts("customers", decided[i], other.decided[i]);
      p[i] = Checks.addCounts("customers in progress", inProgress[i], other.inProgress[i]);
    }
    ConversionTimes[] t = new ConversionTimes[times.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = times[i].merge(other.times[i]);
    }
    return new FunnelResult<>(
        definition, d, p, Checks.addCounts("customers", notStarted, other.notStarted), t);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunnelResult<?> other
        && definition.equals(other.definition)
        && Arrays.equals(decided, other.decided)
        && Arrays.equals(inProgress, other.inProgress)
        && notStarted == other.notStarted
        && Arrays.equals(times, other.times);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        definition,
        Arrays.hashCode(decided),
        Arrays.hashCode(inProgress),
        notStarted,
        Arrays.hashCode(times));
  }

  /**
   * Returns e.g. {@code FunnelResult[decided [100, 40, 10], in progress [3, 2, 0], not started 4]}.
   */
  @Override
  public String toString() {
    return "FunnelResult[decided "
        + Arrays.toString(decided)
        + ", in progress "
        + Arrays.toString(inProgress)
        + ", not started "
        + notStarted
        + "]";
  }
}
