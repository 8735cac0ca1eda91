package io.github.cxmetrics.spark;

import io.github.cxmetrics.journey.ConversionTimes;
import io.github.cxmetrics.journey.FunnelOrder;
import io.github.cxmetrics.journey.FunnelResult;
import io.github.cxmetrics.journey.WindowedFunnel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A registered windowed funnel, {@code name(customer, stage, time)} over timestamped events: the
 * core's {@link WindowedFunnel#count(Iterable, java.util.function.Function,
 * java.util.function.Function, java.util.function.Function, Instant)} on the same events, with the
 * definition's window, order, step windows, exclusions and resolution.
 *
 * <p>The result is a struct of the funnel of the customers whose outcome is decided ({@link
 * FunnelResult#decided()}): {@code stages}, {@code reached}, {@code step_conversion}, {@code
 * lower}, {@code upper} (Wilson, at the registered level) and {@code overall_conversion}; then
 * {@code in_progress} (per stage but the last, the customers still inside their window at the
 * observation end, {@link FunnelResult#inProgress(int)}), {@code not_started} (customers with
 * events but no first step), per step the {@code conversions} timed and their {@code
 * median_seconds} and {@code p90_seconds} ({@link ConversionTimes#quantile}, at the definition's
 * resolution; null for a step nobody took), and {@code nulls}.
 *
 * <p>Events with a null customer, stage or time are skipped and counted in {@code nulls}; a stage
 * that is neither a funnel stage nor an exclusion, or a time after the observation end, fails the
 * query naming it. The buffer keeps every event of the group by customer (customers compared as
 * strings, about 12 bytes an event), so a customer whose events lie on several partitions is judged
 * once on all of them; times are Spark's microseconds, exact.
 */
public final class WindowedFunnelAggregator
    extends Aggregator<Tuple3<String, String, Instant>, WindowedFunnelBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The SQL name of the function, for messages. */
  private final String name;

  /** The funnel stages, then the exclusion stages: an event's code is its index here. */
  private final ArrayList<String> codes;

  /** The number of funnel stages. */
  private final int stages;

  /** The whole chain's window. */
  private final Duration window;

  /** The step order. */
  private final FunnelOrder order;

  /** Each step's window, null where none. */
  private final Duration[] stepWindows;

  /** Each exclusion stage's steps. */
  private final LinkedHashMap<String, ArrayList<Integer>> exclusions;

  /** Whether equal step times fail to advance a chain. */
  private final boolean strictlyIncreasing;

  /** The resolution of the conversion times. */
  private final Duration resolution;

  /** The observation end. */
  private final Instant observationEnd;

  /** The confidence level of the step intervals. */
  private final double level;

  /** The definition, rebuilt once per executor from the fields above (it is not serializable). */
  private transient WindowedFunnel<String> funnel;

  WindowedFunnelAggregator(
      String name, WindowedFunnel<String> funnel, Instant observationEnd, double level) {
    this.name = Objects.requireNonNull(name, "name");
    this.observationEnd = Objects.requireNonNull(observationEnd, "observationEnd");
    this.level = Buffers.checkLevel(level);
    this.codes = new ArrayList<>(funnel.stages());
    this.codes.addAll(funnel.exclusionStages());
    this.stages = funnel.stages().size();
    this.window = funnel.window();
    this.order = funnel.order();
    this.stepWindows = new Duration[funnel.steps()];
    for (int step = 0; step < stepWindows.length; step++) {
      stepWindows[step] = funnel.stepWindow(step).orElse(null);
    }
    this.exclusions = new LinkedHashMap<>();
    for (String stage : funnel.exclusionStages()) {
      exclusions.put(stage, new ArrayList<>(funnel.exclusionSteps(stage)));
    }
    this.strictlyIncreasing = funnel.strictlyIncreasingTimes();
    this.resolution = funnel.resolution();
    this.funnel = funnel;
  }

  /** {@return the definition this aggregator counts with} */
  WindowedFunnel<String> funnel() {
    if (funnel == null) {
      WindowedFunnel<String> built =
          WindowedFunnel.of(codes.subList(0, stages), window, order).withResolution(resolution);
      for (int step = 0; step < stepWindows.length; step++) {
        if (stepWindows[step] != null) {
          built = built.withStepWindow(step, stepWindows[step]);
        }
      }
      for (Map.Entry<String, ArrayList<Integer>> exclusion : exclusions.entrySet()) {
        for (int step : exclusion.getValue()) {
          built = built.excluding(exclusion.getKey(), step);
        }
      }
      funnel = strictlyIncreasing ? built.withStrictlyIncreasingTimes() : built;
    }
    return funnel;
  }

  /** {@return the struct the function returns} */
  static StructType schema() {
    return FunnelAggregator.funnelSchema()
        .add("in_progress", DataTypes.createArrayType(DataTypes.LongType, false), false)
        .add("not_started", DataTypes.LongType, false)
        .add("conversions", DataTypes.createArrayType(DataTypes.LongType, false), false)
        .add("median_seconds", DataTypes.createArrayType(DataTypes.DoubleType, true), false)
        .add("p90_seconds", DataTypes.createArrayType(DataTypes.DoubleType, true), false)
        .add("nulls", DataTypes.LongType, false);
  }

  @Override
  public WindowedFunnelBuffer zero() {
    return new WindowedFunnelBuffer();
  }

  @Override
  public WindowedFunnelBuffer reduce(
      WindowedFunnelBuffer buffer, Tuple3<String, String, Instant> event) {
    String customer = event._1();
    String stage = event._2();
    Instant time = event._3();
    if (customer == null || stage == null || time == null) {
      buffer.nulls++;
      return buffer;
    }
    int code = codes.indexOf(stage);
    if (code < 0) {
      throw new IllegalArgumentException(
          name
              + ": stage '"
              + stage
              + "' is neither a stage of the funnel "
              + codes.subList(0, stages)
              + (exclusions.isEmpty() ? "" : " nor an exclusion " + exclusions.keySet()));
    }
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
    // Spark's timestamps are whole microseconds
    buffer.add(customer, code, Buffers.micros(time));
    return buffer;
  }

  @Override
  public WindowedFunnelBuffer merge(WindowedFunnelBuffer a, WindowedFunnelBuffer b) {
    a.combine(b);
    return a;
  }

  /** One event of {@link #finish}: a customer's index, a stage code and a time. */
  private record Event(int customer, int code, long micros) {
    Instant time() {
      return Buffers.instant(micros);
    }
  }

  @Override
  public Row finish(WindowedFunnelBuffer buffer) {
    List<Event> events = new ArrayList<>();
    int customer = 0;
    for (WindowedFunnelBuffer.Events own : buffer.customers.values()) {
      for (int i = 0; i < own.size; i++) {
        events.add(new Event(customer, own.codes[i], own.micros[i]));
      }
      customer++;
    }
    FunnelResult<String> result =
        funnel()
            .count(events, Event::customer, e -> codes.get(e.code()), Event::time, observationEnd);
    List<Object> fields = FunnelAggregator.fields(result.decided(), level);
    int steps = stages - 1;
    Long[] inProgress = new Long[steps];
    Long[] conversions = new Long[steps];
    Double[] median = new Double[steps];
    Double[] p90 = new Double[steps];
    for (int step = 0; step < steps; step++) {
      inProgress[step] = result.inProgress(step);
      ConversionTimes times = result.conversionTimes(step);
      conversions[step] = times.count();
      if (!times.isEmpty()) {
        median[step] = seconds(times.median());
        p90[step] = seconds(times.quantile(0.9));
      }
    }
    fields.add(CollectionConverters.asScala(Arrays.asList(inProgress)));
    fields.add(result.notStarted());
    fields.add(CollectionConverters.asScala(Arrays.asList(conversions)));
    fields.add(CollectionConverters.asScala(Arrays.asList(median)));
    fields.add(CollectionConverters.asScala(Arrays.asList(p90)));
    fields.add(buffer.nulls);
    return RowFactory.create(fields.toArray());
  }

  /** A duration in seconds, as a double. */
  private static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }

  @Override
  public Encoder<WindowedFunnelBuffer> bufferEncoder() {
    return Encoders.javaSerialization(WindowedFunnelBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }
}
