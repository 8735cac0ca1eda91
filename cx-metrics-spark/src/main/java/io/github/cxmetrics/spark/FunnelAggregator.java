package io.github.cxmetrics.spark;

import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A registered funnel, {@code name(customer, stage)} over events "customer reached stage": the
 * core's {@link Funnel#ofEvents} on the same events, each customer counted at the furthest stage of
 * their events and at every stage before it.
 *
 * <p>The result is a struct of {@code stages} (the funnel's stages), {@code reached} (customers per
 * stage), {@code step_conversion} (per step from one stage to the next, a fraction; null for a step
 * nobody entered), the Wilson interval of each step {@code lower}, {@code upper} at the registered
 * level, {@code overall_conversion} (null when nobody entered) and {@code nulls}.
 *
 * <p>Events with a null customer or stage are skipped and counted in {@code nulls}; a stage that is
 * not one of the funnel's fails the query naming it. The buffer keeps each customer of the group
 * with their furthest stage (customers are compared as strings); for groups of tens of millions of
 * customers, reduce the events to one row per customer first (its furthest stage) and aggregate
 * those: the result is the same.
 */
public final class FunnelAggregator extends Aggregator<Tuple2<String, String>, FunnelBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The SQL name of the function, for messages. */
  private final String name;

  /** The stages in order. */
  private final ArrayList<String> stages;

  /** The confidence level of the step intervals. */
  private final double level;

  FunnelAggregator(String name, List<String> stages, double level) {
    Funnel.ofCounts(stages, new long[stages.size()]); // checks the stages on the driver
    this.name = name;
    this.stages = new ArrayList<>(stages);
    this.level = Buffers.checkLevel(level);
  }

  /** {@return the struct the function returns} */
  static StructType schema() {
    return funnelSchema().add("nulls", DataTypes.LongType, false);
  }

  @Override
  public FunnelBuffer zero() {
    return new FunnelBuffer();
  }

  @Override
  public FunnelBuffer reduce(FunnelBuffer buffer, Tuple2<String, String> event) {
    String customer = event._1();
    String stage = event._2();
    if (customer == null || stage == null) {
      buffer.nulls++;
      return buffer;
    }
    int at = stages.indexOf(stage);
    if (at < 0) {
      throw new IllegalArgumentException(
          name + ": stage '" + stage + "' is not one of the funnel's stages " + stages);
    }
    buffer.reach(customer, at);
    return buffer;
  }

  @Override
  public FunnelBuffer merge(FunnelBuffer a, FunnelBuffer b) {
    a.combine(b);
    return a;
  }

  @Override
  public Row finish(FunnelBuffer buffer) {
    long[] reached = new long[stages.size()];
    for (int at : buffer.furthest.values()) {
      for (int i = 0; i <= at; i++) {
        reached[i]++;
      }
    }
    List<Object> fields = fields(Funnel.ofCounts(stages, reached), level);
    fields.add(buffer.nulls);
    return RowFactory.create(fields.toArray());
  }

  /**
   * The fields of a funnel in a result struct: {@code stages}, {@code reached}, {@code
   * step_conversion}, {@code lower}, {@code upper} and {@code overall_conversion}, arrays as the
   * Scala sequences Spark's row encoder takes.
   */
  static List<Object> fields(Funnel<String> funnel, double level) {
    int steps = funnel.steps();
    Double[] conversion = new Double[steps];
    Double[] lower = new Double[steps];
    Double[] upper = new Double[steps];
    for (int step = 0; step < steps; step++) {
      Proportion entered = funnel.step(step);
      if (!entered.isEmpty()) {
        conversion[step] = funnel.stepConversion(step);
        Interval interval = funnel.stepInterval(step, level);
        lower[step] = interval.lower();
        upper[step] = interval.upper();
      }
    }
    List<Long> reached = funnel.stages().stream().map(funnel::reached).toList();
    List<Object> fields = new ArrayList<>();
    fields.add(CollectionConverters.asScala(funnel.stages()));
    fields.add(CollectionConverters.asScala(reached));
    fields.add(CollectionConverters.asScala(Arrays.asList(conversion)));
    fields.add(CollectionConverters.asScala(Arrays.asList(lower)));
    fields.add(CollectionConverters.asScala(Arrays.asList(upper)));
    fields.add(reached.get(0) == 0 ? null : funnel.overallConversion());
    return fields;
  }

  /** The struct fields of {@link #fields}. */
  static StructType funnelSchema() {
    return new StructType()
        .add("stages", DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add("reached", DataTypes.createArrayType(DataTypes.LongType, false), false)
        .add("step_conversion", DataTypes.createArrayType(DataTypes.DoubleType, true), false)
        .add("lower", DataTypes.createArrayType(DataTypes.DoubleType, true), false)
        .add("upper", DataTypes.createArrayType(DataTypes.DoubleType, true), false)
        .add("overall_conversion", DataTypes.DoubleType, true);
  }

  @Override
  public Encoder<FunnelBuffer> bufferEncoder() {
    return Encoders.javaSerialization(FunnelBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }
}
