package io.github.cxmetrics.spark;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.retention.Cohort;
import io.github.cxmetrics.retention.CohortTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Registered cohorts, {@code name(customer, date)} over activity records: the core's {@link
 * CohortTable#of} on the same records, with its unit and observation end.
 *
 * <p>The result is a struct of {@code cohorts}, an array of one struct per cohort, oldest first
 * ({@code start}, the cohort period's first day; {@code size}; {@code active}, the members active
 * at each offset from 0; {@code retention}, those as fractions of the size), {@code average_curve}
 * (the size-weighted average retention per offset), {@code customers} (in the reported cohorts),
 * {@code unreported} (customers whose first period is still running) and {@code nulls}.
 *
 * <p>Records with a null customer or date are skipped and counted in {@code nulls}; a record dated
 * after the observation end fails the query naming it. The buffer keeps each customer of the group
 * with their active periods (customers are compared as strings).
 */
public final class CohortAggregator
    extends Aggregator<Tuple2<String, LocalDate>, CohortBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The SQL name of the function, for messages. */
  private final String name;

  /** The period unit of cohorts and activity. */
  private final PeriodUnit unit;

  /** The last day of the observation. */
  private final LocalDate observedThrough;

  CohortAggregator(String name, PeriodUnit unit, LocalDate observedThrough) {
    this.name = Objects.requireNonNull(name, "name");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.observedThrough = Objects.requireNonNull(observedThrough, "observedThrough");
  }

  /** {@return the struct the function returns} */
  static StructType schema() {
    StructType cohort =
        new StructType()
            .add("start", DataTypes.DateType, false)
            .add("size", DataTypes.LongType, false)
            .add("active", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("retention", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    return new StructType()
        .add("cohorts", DataTypes.createArrayType(cohort, false), false)
        .add("average_curve", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
        .add("customers", DataTypes.LongType, false)
        .add("unreported", DataTypes.LongType, false)
        .add("nulls", DataTypes.LongType, false);
  }

  @Override
  public CohortBuffer zero() {
    return new CohortBuffer();
  }

  @Override
  public CohortBuffer reduce(CohortBuffer buffer, Tuple2<String, LocalDate> record) {
    String customer = record._1();
    LocalDate day = record._2();
    if (customer == null || day == null) {
      buffer.nulls++;
      return buffer;
    }
    if (day.isAfter(observedThrough)) {
      throw new IllegalArgumentException(
          name
              + ": activity on "
              + day
              + " of customer "
              + customer
              + " is after the observation end "
              + observedThrough);
    }
    buffer.activeIn(customer, unit.index(day));
    return buffer;
  }

  @Override
  public CohortBuffer merge(CohortBuffer a, CohortBuffer b) {
    a.combine(b);
    return a;
  }

  @Override
  public Row finish(CohortBuffer buffer) {
    // the core's table of the same activity: one record per customer and active period
    List<Map.Entry<String, LocalDate>> records = new ArrayList<>();
    buffer.periods.forEach(
        (customer, active) -> active.forEach(p -> records.add(Map.entry(customer, unit.start(p)))));
    CohortTable table =
        CohortTable.of(records, Map.Entry::getKey, Map.Entry::getValue, unit, observedThrough);
    List<Row> cohorts = new ArrayList<>();
    for (Cohort c : table.cohorts()) {
      int periods = c.periodsObserved();
      List<Long> active = new ArrayList<>(periods);
      List<Double> retention = new ArrayList<>(periods);
      for (int k = 0; k < periods; k++) {
        active.add(c.active(k));
        retention.add(c.retentionRate(k));
      }
      cohorts.add(
          RowFactory.create(
              java.sql.Date.valueOf(c.start()),
              c.size(),
              CollectionConverters.asScala(active),
              CollectionConverters.asScala(retention)));
    }
    // Spark's row encoder takes arrays as Scala sequences
    return RowFactory.create(
        CollectionConverters.asScala(cohorts),
        CollectionConverters.asScala(Arrays.stream(table.averageCurve()).boxed().toList()),
        table.customers(),
        table.unreportedCustomers(),
        buffer.nulls);
  }

  @Override
  public Encoder<CohortBuffer> bufferEncoder() {
    return Encoders.javaSerialization(CohortBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }
}
