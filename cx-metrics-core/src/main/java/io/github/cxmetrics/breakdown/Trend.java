package io.github.cxmetrics.breakdown;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Inputs;
import io.github.cxmetrics.stats.Comparison;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A metric over time: records with a timestamp grouped by calendar period (day, ISO week, month,
 * quarter) in a given time zone, with period-over-period changes and rolling windows.
 *
 * <pre>{@code
 * Trend<Nps> monthly = Trend.of(responses, Response::answeredAt, ZoneId.of("Europe/Paris"),
 *     PeriodUnit.MONTH, Nps.toNps(Response::score));
 * List<PeriodChange> changes = monthly.changes();
 * List<PeriodValue<Nps>> trailing90Days = dailyTrend.rolling(90);
 * }</pre>
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li>a record belongs to the period holding its timestamp's local date in the trend's zone;
 *       periods without records are absent (not zero);
 *   <li>a change compares a period with the calendar period just before it, when both have records,
 *       as {@code later - earlier}; its standard error is that of two independent samples, {@code
 *       sqrt(SE_1^2 + SE_2^2)}, as the metric's comparison computes it;
 *   <li>a rolling window of {@code k} periods ending at period {@code p} merges the periods {@code
 *       p - k + 1} to {@code p} that have records (merging counts, never averaging rates);
 *   <li>{@link #ofLatestPerRespondent} keeps only the latest record of each respondent (by
 *       timestamp; on a tie, the later in the input), for surveys where one person may answer many
 *       times.
 * </ul>
 *
 * @param <M> the type of the metric
 */
public final class Trend<M> {
  private final PeriodUnit unit;
  private final ZoneId zone;
  private final TreeMap<Long, M> periods;

  private Trend(PeriodUnit unit, ZoneId zone, TreeMap<Long, M> periods) {
    this.unit = unit;
    this.zone = zone;
    this.periods = periods;
  }

  /**
   * Groups records by the calendar period of their timestamp.
   *
   * @param <T> the type of the records
   * @param <M> the type of the metric
   * @param records the records, in any order
   * @param time reads the timestamp of a record
   * @param zone the time zone whose calendar defines the periods
   * @param unit the period unit
   * @param metric the metric, as a collector of records (e.g. {@code Nps.toNps(Response::score)})
   * @return the trend; no periods when there are no records
   * @throws NullPointerException if an argument, a record or its timestamp is null, naming the
   *     record's index
   */
  public static <T, M> Trend<M> of(
      Iterable<T> records,
      Function<? super T, Instant> time,
      ZoneId zone,
      PeriodUnit unit,
      Collector<? super T, ?, M> metric) {
    checkArguments(time, zone, unit, metric);
    return collect(records, time, zone, unit, metric);
  }

  /**
   * Groups records by period like {@link #of}, keeping only the latest record of each respondent.
   *
   * @param <T> the type of the records
   * @param <M> the type of the metric
   * @param records the records, in any order
   * @param time reads the timestamp of a record
   * @param respondent reads the respondent identifier of a record
   * @param zone the time zone whose calendar defines the periods
   * @param unit the period unit
   * @param metric the metric, as a collector of records
   * @return the trend of the latest records
   * @throws NullPointerException if an argument, a record, its timestamp or its respondent is null,
   *     naming the record's index
   */
  public static <T, M> Trend<M> ofLatestPerRespondent(
      Iterable<T> records,
      Function<? super T, Instant> time,
      Function<? super T, ?> respondent,
      ZoneId zone,
      PeriodUnit unit,
      Collector<? super T, ?, M> metric) {
    checkArguments(time, zone, unit, metric);
    Objects.requireNonNull(respondent, "respondent");
    Map<Object, T> latest = new HashMap<>();
    Map<Object, Instant> latestTime = new HashMap<>();
    Inputs.forEachIndexed(
        records,
        "records",
        (record, index) -> {
          Object who = Inputs.field(respondent.apply(record), "record", index, "respondent");
          Instant when = Inputs.field(time.apply(record), "record", index, "timestamp");
          Instant previous = latestTime.get(who);
          if (previous == null || !when.isBefore(previous)) {
            latest.put(who, record);
            latestTime.put(who, when);
          }
        });
    return collect(latest.values(), time, zone, unit, metric);
  }

  private static void checkArguments(
      Function<?, Instant> time, ZoneId zone, PeriodUnit unit, Collector<?, ?, ?> metric) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(metric, "metric");
  }

  private static <T, A, M> Trend<M> collect(
      Iterable<T> records,
      Function<? super T, Instant> time,
      ZoneId zone,
      PeriodUnit unit,
      Collector<? super T, A, M> metric) {
    TreeMap<Long, A> containers = new TreeMap<>();
    BiConsumer<A, ? super T> add = metric.accumulator();
    Inputs.forEachIndexed(
        records,
        "records",
        (record, index) -> {
          Instant when = Inputs.field(time.apply(record), "record", index, "timestamp");
          long period = unit.index(LocalDate.ofInstant(when, zone));
          add.accept(containers.computeIfAbsent(period, p -> metric.supplier().get()), record);
        });
    TreeMap<Long, M> periods = new TreeMap<>();
    containers.forEach((p, a) -> periods.put(p, metric.finisher().apply(a)));
    return new Trend<>(unit, zone, periods);
  }

  /** {@return the period unit} */
  public PeriodUnit unit() {
    return unit;
  }

  /** {@return the time zone whose calendar defines the periods} */
  public ZoneId zone() {
    return zone;
  }

  /** {@return the periods with records, oldest first} */
  public List<PeriodValue<M>> periods() {
    List<PeriodValue<M>> list = new ArrayList<>(periods.size());
    periods.forEach((p, m) -> list.add(new PeriodValue<>(unit.start(p), m)));
    return list;
  }

  /**
   * Returns the change from each period to the next calendar period, where both have records, for a
   * metric that is an {@link io.github.cxmetrics.stats.Estimate} (such as the library's): {@link
   * #changes(BiFunction)} with {@link Comparison#of}.
   *
   * @return the changes, oldest first, in the metric's unit
   * @throws UnsupportedOperationException if the metric is not an Estimate: use {@link
   *     #changes(BiFunction)}
   * @throws IllegalStateException if a period is too small for a test
   */
  public List<PeriodChange> changes() {
    return changes(LibraryMetrics.compare(periods.values()));
  }

  /**
   * Returns the rolling windows of {@link #rolling(int, BinaryOperator)} for a {@link
   * io.github.cxmetrics.stats.Mergeable} metric, merged with its own {@code merge}.
   *
   * @param window the number of periods in a window, {@code >= 1}
   * @return one window per period with records, oldest first
   * @throws IllegalArgumentException if {@code window} is below 1
   * @throws UnsupportedOperationException if the metric is not Mergeable
   */
  public List<PeriodValue<M>> rolling(int window) {
    return rolling(window, LibraryMetrics.merge(periods.values()));
  }

  /**
   * Returns the change from each period to the next calendar period, where both have records.
   *
   * @param compare compares two independent values as {@code (later, earlier)}, e.g. {@code
   *     Nps::compare}
   * @return the changes, oldest first
   * @throws NullPointerException if {@code compare} is null
   * @throws RuntimeException whatever {@code compare} throws, e.g. on a period too small for a
   *     standard error
   */
  public List<PeriodChange> changes(
      BiFunction<? super M, ? super M, ? extends Comparison> compare) {
    Objects.requireNonNull(compare, "compare");
    List<PeriodChange> changes = new ArrayList<>();
    Entry<Long, M> previous = null;
    for (Entry<Long, M> current : periods.entrySet()) {
      if (previous != null && previous.getKey() + 1 == current.getKey()) {
        changes.add(
            new PeriodChange(
                unit.start(previous.getKey()),
                unit.start(current.getKey()),
                compare.apply(current.getValue(), previous.getValue())));
      }
      previous = current;
    }
    return changes;
  }

  /**
   * Returns the rolling window of {@code window} periods ending at each period with records, e.g.
   * the trailing 90 days of a daily trend.
   *
   * @param window the number of periods in a window, {@code >= 1}
   * @param merge merges two values of the metric, e.g. {@code Nps::merge}
   * @return one window per period with records, oldest first, each dated by its last period
   * @throws NullPointerException if {@code merge} is null
   * @throws IllegalArgumentException if {@code window} is below 1
   */
  public List<PeriodValue<M>> rolling(int window, BinaryOperator<M> merge) {
    Objects.requireNonNull(merge, "merge");
    Checks.checkAtLeast("window", window, 1);
    List<PeriodValue<M>> windows = new ArrayList<>(periods.size());
    for (long end : periods.keySet()) {
      M total = null;
      for (M value : periods.subMap(end - window + 1, true, end, true).values()) {
        total = total == null ? value : merge.apply(total, value);
      }
      windows.add(new PeriodValue<>(unit.start(end), total));
    }
    return windows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trend<?> other
        && unit == other.unit
        && zone.equals(other.zone)
        && periods.equals(other.periods);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, zone, periods);
  }

  /** Returns e.g. {@code Trend[MONTH in Europe/Paris, 12 periods]}. */
  @Override
  public String toString() {
    return "Trend[" + unit + " in " + zone + ", " + periods.size() + " periods]";
  }
}
