package io.github.cxmetrics.spark;

import io.github.cxmetrics.drivers.DriverImportance;
import io.github.cxmetrics.drivers.DriverMoments;
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
import scala.jdk.javaapi.CollectionConverters;

/**
 * A registered key-driver analysis, {@code name(outcome, driver_1, ..., driver_k)}: the core's
 * {@link DriverMoments} of the group's rows and the {@link DriverImportance} computed from them,
 * exactly as the core computes them on the same rows, whatever the partitioning (the co-moments are
 * exact integers).
 *
 * <p>The result is a struct of {@code drivers} (the names), {@code complete} and {@code incomplete}
 * (rows counted, and rows left out for a null answer), {@code r_squared}, and per driver, in the
 * order of {@code drivers}: {@code correlation}, {@code standardized_coefficient}, {@code lmg},
 * {@code relative_weight}, {@code share} (of R^2) and {@code mean_rating}; then {@code undefined},
 * null when the importances are defined and otherwise the reason they are not (fewer complete rows
 * than drivers + 2, a constant or linearly dependent driver, R^2 of 0 for the shares), in which
 * case the fields it concerns are null; and {@code moments}, the co-moments' byte encoding ({@link
 * DriverMoments#fromByteArray}), to store and merge with other groups or days later.
 *
 * <p>Spark passes the columns as doubles: an integral value is its integer; a value that is not a
 * whole number or is outside the range of an {@code int} fails the query naming the function, the
 * column's driver and the value. A null outcome or rating leaves the row out, counted in {@code
 * incomplete}.
 */
public final class DriverAggregator extends Aggregator<Row, DriverBuffer, Row> {
  private static final long serialVersionUID = 1L;

  /** The SQL name of the function, for messages. */
  private final String name;

  /** The drivers' names. */
  private final ArrayList<String> drivers;

  DriverAggregator(String name, List<String> drivers) {
    DriverMoments.empty(drivers); // checks the names on the driver
    if (drivers.size() > DriverImportance.MAX_DRIVERS) {
      throw new IllegalArgumentException(
          drivers.size()
              + " drivers: the exact LMG decomposition takes at most "
              + DriverImportance.MAX_DRIVERS);
    }
    this.name = name;
    this.drivers = new ArrayList<>(drivers);
  }

  /** {@return the struct of the input columns: the outcome, then one column per driver} */
  StructType input() {
    StructType schema = new StructType().add("outcome", DataTypes.DoubleType, true);
    for (String driver : drivers) {
      schema = schema.add(driver, DataTypes.DoubleType, true);
    }
    return schema;
  }

  /** {@return the struct the function returns} */
  static StructType schema() {
    StructType schema =
        new StructType()
            .add("drivers", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("complete", DataTypes.LongType, false)
            .add("incomplete", DataTypes.LongType, false)
            .add("r_squared", DataTypes.DoubleType, true);
    for (String field :
        List.of(
            "correlation",
            "standardized_coefficient",
            "lmg",
            "relative_weight",
            "share",
            "mean_rating")) {
      schema = schema.add(field, DataTypes.createArrayType(DataTypes.DoubleType, false), true);
    }
    return schema
        .add("undefined", DataTypes.StringType, true)
        .add("moments", DataTypes.BinaryType, false);
  }

  @Override
  public DriverBuffer zero() {
    return new DriverBuffer(drivers);
  }

  @Override
  public DriverBuffer reduce(DriverBuffer buffer, Row row) {
    Integer outcome = whole(row, 0, "outcome");
    Integer[] ratings = new Integer[drivers.size()];
    for (int j = 0; j < ratings.length; j++) {
      ratings[j] = whole(row, j + 1, drivers.get(j));
    }
    buffer.moments.acceptWithMissing(outcome, ratings);
    return buffer;
  }

  private Integer whole(Row row, int column, String argument) {
    if (row.isNullAt(column)) {
      return null;
    }
    return Buffers.onScale(
        name,
        argument,
        row.getDouble(column),
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        "an int rating");
  }

  @Override
  public DriverBuffer merge(DriverBuffer a, DriverBuffer b) {
    a.moments.combine(b.moments);
    return a;
  }

  @Override
  public Row finish(DriverBuffer buffer) {
    DriverMoments moments = buffer.moments.snapshot();
    int k = drivers.size();
    List<Object> fields = new ArrayList<>();
    fields.add(CollectionConverters.asScala(drivers));
    fields.add(moments.count());
    fields.add(moments.incomplete());
    DriverImportance importance;
    try {
      importance = DriverImportance.of(moments);
    } catch (IllegalStateException undefined) {
      fields.add(null);
      for (int f = 0; f < 5; f++) {
        fields.add(null);
      }
      fields.add(moments.isEmpty() ? null : perDriver(k, j -> moments.mean(j + 1)));
      fields.add(undefined.getMessage());
      fields.add(moments.toByteArray());
      return RowFactory.create(fields.toArray());
    }
    fields.add(importance.rSquared());
    fields.add(perDriver(k, j -> importance.correlation(drivers.get(j))));
    fields.add(perDriver(k, j -> importance.standardizedCoefficient(drivers.get(j))));
    fields.add(perDriver(k, j -> importance.lmg(drivers.get(j))));
    fields.add(perDriver(k, j -> importance.relativeWeight(drivers.get(j))));
    boolean noShares = importance.rSquared() == 0;
    fields.add(noShares ? null : perDriver(k, j -> importance.share(drivers.get(j))));
    fields.add(perDriver(k, j -> moments.mean(j + 1)));
    fields.add(noShares ? "R^2 is 0: the shares of it are undefined" : null);
    fields.add(moments.toByteArray());
    return RowFactory.create(fields.toArray());
  }

  private static Object perDriver(int k, java.util.function.IntToDoubleFunction value) {
    Double[] values = new Double[k];
    for (int j = 0; j < k; j++) {
      values[j] = value.applyAsDouble(j);
    }
    return CollectionConverters.asScala(Arrays.asList(values));
  }

  @Override
  public Encoder<DriverBuffer> bufferEncoder() {
    return Encoders.javaSerialization(DriverBuffer.class);
  }

  @Override
  public Encoder<Row> outputEncoder() {
    return Encoders.row(schema());
  }
}
