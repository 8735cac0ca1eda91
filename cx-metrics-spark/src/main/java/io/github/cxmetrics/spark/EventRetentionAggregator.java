package io.github.cxmetrics.spark;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.retention.EventRetention;
import io.github.cxmetrics.retention.Lifecycle;
import io.github.cxmetrics.retention.RetentionPeriods;
import io.github.cxmetrics.retention.RetentionTable;
import io.github.cxmetrics.retention.Stickiness;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The registered event-retention functions: the core's {@link EventRetention} on the same events
 * per group, as a retention table ({@code name(customer, time, starts, active)}), stickiness or
 * lifecycle counts ({@code name(customer, time)}).
 *
 * <p>Results, in field order:
 *
 * <ul>
 *   <li>table ({@link EventRetention#table}): {@code cohorts}, each a struct of {@code start} (the
 *       first day of the cohort's period), {@code customers}, and per period after the start {@code
 *       observed}, {@code returned} and {@code returned_or_later}; then {@code retention}, {@code
 *       lower}, {@code upper} (the N-period curve with its Wilson interval at the registered level)
 *       and {@code unbounded_retention}, fractions per offset, null where nobody was observed;
 *       {@code customers}, {@code customers_without_start} and {@code nulls};
 *   <li>stickiness ({@link EventRetention#stickiness}): {@code first_period}, {@code
 *       customers_active_in} (index {@code j - 1}: active in exactly {@code j} of the periods),
 *       {@code customers}, {@code mean_active_periods} and {@code ratio} (null with no active
 *       customer) and {@code nulls};
 *   <li>lifecycle ({@link EventRetention#lifecycle}): {@code periods}, each a struct of {@code
 *       start}, {@code new_customers}, {@code returning}, {@code resurrecting}, {@code dormant};
 *       and {@code nulls}.
 * </ul>
 *
 * <p>An event with a null customer or time is skipped and counted in {@code nulls} (for the table,
 * a null {@code starts} or {@code active} is false); an event after the observation end fails the
 * query naming it. The buffer keeps each customer's earliest start and all their activity times (8
 * bytes an event), so a customer whose events lie on several partitions is counted once.
 */
public final class EventRetentionAggregator extends Aggregator<Row, ActivityBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The three analyses. */
  enum Kind {
    TABLE,
    STICKINESS,
    LIFECYCLE
  }

  /** The SQL name of the function, for messages. */
  private final String name;

  /** Which analysis. */
  private final Kind kind;

  /** The calendar unit of cohorts and periods. */
  private final PeriodUnit unit;

  /** The time zone of the calendar. */
  private final ZoneId zone;

  /** The rolling window of a table, null for calendar periods. */
  private final Duration window;

  /** The periods stickiness counts. */
  private final int periods;

  /** The observation end. */
  private final Instant observationEnd;

  /** The confidence level of the table's intervals. */
  private final double level;

  private EventRetentionAggregator(
      String name,
      Kind kind,
      PeriodUnit unit,
      ZoneId zone,
      Duration window,
      int periods,
      Instant observationEnd,
      double level) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = kind;
    this.unit = Objects.requireNonNull(unit, "unit");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.window = window;
    this.periods = periods;
    this.observationEnd = Objects.requireNonNull(observationEnd, "observationEnd");
    this.level = Buffers.checkLevel(level);
  }

  static EventRetentionAggregator table(
      String name, RetentionPeriods periods, Instant observationEnd, double level) {
    return new EventRetentionAggregator(
        name,
        Kind.TABLE,
        periods.unit(),
        periods.zone(),
        periods.window().orElse(null),
        0,
        observationEnd,
        level);
  }

  static EventRetentionAggregator stickiness(
      String name, PeriodUnit unit, ZoneId zone, int periods, Instant observationEnd) {
    EventRetention.of(e -> e, e -> observationEnd)
        .stickiness(List.of(), unit, zone, periods, observationEnd); // the core's checks, now
    return new EventRetentionAggregator(
        name,
        Kind.STICKINESS,
        unit,
        zone,
        null,
        periods,
        observationEnd,
        CxFunctions.DEFAULT_LEVEL);
  }

  static EventRetentionAggregator lifecycle(
      String name, PeriodUnit unit, ZoneId zone, Instant observationEnd) {
    return new EventRetentionAggregator(
        name, Kind.LIFECYCLE, unit, zone, null, 0, observationEnd, CxFunctions.DEFAULT_LEVEL);
  }

  /** {@return the function's SQL name} */
  String sqlName() {
    return name;
  }

  /** {@return the input columns: customer and time, and for a table the two event flags} */
  StructType input() {
    StructType type =
        new StructType()
            .add("customer", DataTypes.StringType, true)
            .add("time", DataTypes.TimestampType, true);
    return kind == Kind.TABLE
        ? type.add("starts", DataTypes.BooleanType, true).add("active", DataTypes.BooleanType, true)
        : type;
  }

  private static ArrayType longs() {
    return DataTypes.createArrayType(DataTypes.LongType, false);
  }

  private static ArrayType doubles() {
    return DataTypes.createArrayType(DataTypes.DoubleType, true);
  }

  /** {@return the struct the function returns} */
  StructType schema() {
    return switch (kind) {
      case TABLE ->
          new StructType()
              .add(
                  "cohorts",
                  array(
                      new StructType()
                          .add("start", DataTypes.DateType, false)
                          .add("customers", DataTypes.LongType, false)
                          .add("observed", longs(), false)
                          .add("returned", longs(), false)
                          .add("returned_or_later", longs(), false)),
                  false)
              .add("retention", doubles(), false)
              .add("lower", doubles(), false)
              .add("upper", doubles(), false)
              .add("unbounded_retention", doubles(), false)
              .add("customers", DataTypes.LongType, false)
              .add("customers_without_start", DataTypes.LongType, false)
              .add("nulls", DataTypes.LongType, false);
      case STICKINESS ->
          new StructType()
              .add("first_period", DataTypes.DateType, false)
              .add("customers_active_in", longs(), false)
              .add("customers", DataTypes.LongType, false)
              .add("mean_active_periods", DataTypes.DoubleType, true)
              .add("ratio", DataTypes.DoubleType, true)
              .add("nulls", DataTypes.LongType, false);
      case LIFECYCLE ->
          new StructType()
              .add(
                  "periods",
                  array(
                      new StructType()
                          .add("start", DataTypes.DateType, false)
                          .add("new_customers", DataTypes.LongType, false)
                          .add("returning", DataTypes.LongType, false)
                          .add("resurrecting", DataTypes.LongType, false)
                          .add("dormant", DataTypes.LongType, false)),
                  false)
              .add("nulls", DataTypes.LongType, false);
    };
  }

  private static ArrayType array(DataType element) {
    return DataTypes.createArrayType(element, false);
  }

  @Override
  public ActivityBuffer zero() {
    return new ActivityBuffer();
  }

  @Override
  public ActivityBuffer reduce(ActivityBuffer buffer, Row event) {
    if (event.isNullAt(0) || event.isNullAt(1)) {
      buffer.nulls++;
      return buffer;
    }
    String customer = event.getString(0);
    // a TIMESTAMP arrives as java.sql.Timestamp, or as Instant with the Java 8 time API on
    Object at = event.get(1);
    Instant time = at instanceof Instant instant ? instant : ((java.sql.Timestamp) at).toInstant();
    if (time.isAfter(observationEnd)) {
      throw new IllegalArgumentException(
          name
              + ": the event of "
              + customer
              + " at "
              + time
              + " is after the observation end "
              + observationEnd);
    }
    long micros = Buffers.micros(time);
    ActivityBuffer.Customer c = buffer.customer(customer);
    boolean starts = kind != Kind.TABLE || (!event.isNullAt(2) && event.getBoolean(2));
    boolean active = kind != Kind.TABLE || (!event.isNullAt(3) && event.getBoolean(3));
    if (starts) {
      c.start = Math.min(c.start, micros);
    }
    if (active) {
      c.active(micros);
    }
    return buffer;
  }

  @Override
  public ActivityBuffer merge(ActivityBuffer a, ActivityBuffer b) {
    a.combine(b);
    return a;
  }

  /** One event handed to the core: a customer's index, a time, and what the event is. */
  private record Event(int customer, long micros, boolean starts, boolean active) {
    Instant time() {
      return Buffers.instant(micros);
    }
  }

  @Override
  public Row finish(ActivityBuffer buffer) {
    List<Event> events = new ArrayList<>();
    int index = 0;
    for (ActivityBuffer.Customer c : buffer.customers.values()) {
      if (c.start != ActivityBuffer.NO_START) {
        events.add(new Event(index, c.start, true, false));
      }
      for (int i = 0; i < c.size; i++) {
        events.add(new Event(index, c.activity[i], false, true));
      }
      index++;
    }
    EventRetention<Event> retention =
        EventRetention.<Event>of(Event::customer, Event::time)
            .startingWith(Event::starts)
            .activeWhen(Event::active);
    return switch (kind) {
      case TABLE -> table(retention.table(events, periods(), observationEnd), buffer.nulls);
      case STICKINESS ->
          stickiness(
              retention.stickiness(events, unit, zone, periods, observationEnd), buffer.nulls);
      case LIFECYCLE ->
          lifecycle(retention.lifecycle(events, unit, zone, observationEnd), buffer.nulls);
    };
  }

  private RetentionPeriods periods() {
    return window == null
        ? RetentionPeriods.calendar(unit, zone)
        : RetentionPeriods.rolling(window, unit, zone);
  }

  /** A list as the Scala sequence Spark's row encoder takes for an array. */
  private static Object seq(List<?> values) {
    return CollectionConverters.asScala(values);
  }

  private static List<Long> counts(int length, java.util.function.IntToLongFunction count) {
    List<Long> values = new ArrayList<>(length);
    for (int k = 0; k < length; k++) {
      values.add(count.applyAsLong(k));
    }
    return values;
  }

  private Row table(RetentionTable table, long nulls) {
    List<Row> cohorts = new ArrayList<>();
    for (RetentionTable.Row cohort : table.cohorts()) {
      int observed = cohort.periodsObserved();
      cohorts.add(
          RowFactory.create(
              java.sql.Date.valueOf(cohort.start()),
              cohort.customers(),
              seq(counts(observed, cohort::observed)),
              seq(counts(observed, cohort::returned)),
              seq(counts(observed, cohort::returnedOrLater))));
    }
    List<Double> retention = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    List<Double> unbounded = new ArrayList<>();
    for (int k = 0; k < table.periodsObserved(); k++) {
      Proportion back = table.retention(k);
      Proportion orLater = table.unboundedRetention(k);
      Interval interval = back.isEmpty() ? null : back.confidenceInterval(level);
      retention.add(back.isEmpty() ? null : back.score());
      lower.add(interval == null ? null : interval.lower());
      upper.add(interval == null ? null : interval.upper());
      unbounded.add(orLater.isEmpty() ? null : orLater.score());
    }
    return RowFactory.create(
        seq(cohorts),
        seq(retention),
        seq(lower),
        seq(upper),
        seq(unbounded),
        table.customers(),
        table.customersWithoutStart(),
        nulls);
  }

  private static Row stickiness(Stickiness stickiness, long nulls) {
    boolean any = stickiness.customers() > 0;
    return RowFactory.create(
        java.sql.Date.valueOf(stickiness.firstPeriod()),
        seq(counts(stickiness.periods(), j -> stickiness.customersActiveIn(j + 1))),
        stickiness.customers(),
        any ? stickiness.meanActivePeriods() : null,
        any ? stickiness.ratio() : null,
        nulls);
  }

  private static Row lifecycle(Lifecycle lifecycle, long nulls) {
    List<Row> periods = new ArrayList<>();
    for (Lifecycle.Period p : lifecycle.periods()) {
      periods.add(
          RowFactory.create(
              java.sql.Date.valueOf(p.start()),
              p.newCustomers(),
              p.returning(),
              p.resurrecting(),
              p.dormant()));
    }
    return RowFactory.create(seq(periods), nulls);
  }

  @Override
  public Encoder<ActivityBuffer> bufferEncoder() {
    return Encoders.javaSerialization(ActivityBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }
}
