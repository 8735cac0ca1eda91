package io.github.cxmetrics.spark;

import static org.apache.spark.sql.functions.col;

import io.github.cxmetrics.value.CalibrationHoldout;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.GammaGamma;
import io.github.cxmetrics.value.HoldoutHistory;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ProbabilisticClv;
import io.github.cxmetrics.value.PurchaseHistory;
import io.github.cxmetrics.value.TransactionModel;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The CLV models on Spark: the fit of a base that does not fit one machine from its per-customer
 * summaries, and SQL functions that score every customer row with a fitted model.
 *
 * <pre>{@code
 * CustomerSummaries base = CxClv.customerSummaries(customers, "x", "t_x", "T");
 * BgNbd model = BgNbd.fit(base).model();
 * CxClv.registerScoring(spark, model); // p_alive(x, t_x, T), expected_purchases(t, x, t_x, T)
 * spark.sql("SELECT id, p_alive(x, t_x, T) AS p FROM customers");
 * }</pre>
 *
 * <p>A fit reads the base once, as {@code GROUP BY x, t_x, T} with a count (with times to the day,
 * a base of any size has at most a few hundred thousand distinct rows), and collects those rows to
 * the driver, sorted by {@code (x, t_x, T)}: the fit does not depend on how the data is
 * partitioned, and equals the core's fit of the same rows in that order to the last bit. The
 * scoring functions carry the model's four parameters in their closure and evaluate the core's own
 * methods on the executors, so each value is the double the core computes for that customer.
 *
 * <p>Numeric columns of any type are read as doubles; a frequency that is not a whole number, or a
 * summary the core refuses (a negative age, a recency after the age), fails with an {@link
 * IllegalArgumentException} naming the values. A null frequency, recency or age fails a fit, naming
 * the column; the scoring functions return null for a null input.
 */
public final class CxClv {
  private CxClv() {}

  /** Working column names of {@link #purchaseHistories}, unlikely to clash with a user's. */
  private static final String DAY = "__cx_day";

  private static final String AMOUNT = "__cx_amount";

  /** The columns of {@link #purchaseHistories}, after the customer's. */
  private static final String[] SUMMARY_COLUMNS = {
    "first_purchase", "x", "t_x", "T", "repeat_value", "average_repeat_value"
  };

  /**
   * Summarises a transaction log into one row per customer with a purchase on or before {@code
   * calibrationEnd}, exactly as {@link PurchaseHistory#summarize} does on each customer's
   * transactions ordered by date and then amount: purchases of one day count as one, of the summed
   * amount; {@code x} is the number of purchase days after the first, {@code t_x} the time from the
   * first purchase day to the last, {@code T} from the first to {@code calibrationEnd}, in {@code
   * unit}; {@code repeat_value} the total of the repeat days and {@code average_repeat_value} its
   * mean over them (null when {@code x = 0}). Transactions after {@code calibrationEnd} are outside
   * the calibration period by definition and not summarised; a customer with none before it has no
   * row.
   *
   * <p>The columns are the customer column (its name and type as given), then {@code
   * first_purchase} (DATE), {@code x} (INT), {@code t_x}, {@code T}, {@code repeat_value} and
   * {@code average_repeat_value} (DOUBLE): the input of {@link #customerSummaries} and {@link
   * #fitGammaGamma}. A TIMESTAMP column is taken as its date in the session time zone ({@code
   * spark.sql.session.timeZone}); each customer's transactions are gathered on one executor.
   *
   * @param transactions one row per transaction
   * @param customer the customer column (any type Spark can group by)
   * @param date the date column, DATE or TIMESTAMP
   * @param amount the amount column, finite and {@code >= 0}
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param unit {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS}
   * @return the summaries, a lazy Dataset
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code unit} is neither days nor weeks; when the Dataset is
   *     computed, a null customer or date fails the query naming the column, and an amount that is
   *     negative, NaN, infinite or null fails it naming the customer and the amount
   */
  public static Dataset<Row> purchaseHistories(
      Dataset<Row> transactions,
      String customer,
      String date,
      String amount,
      LocalDate calibrationEnd,
      ChronoUnit unit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    // the core's own argument checks (the unit), on no transactions
    PurchaseHistory.summarize(List.of(), t -> t, t -> calibrationEnd, t -> 0, calibrationEnd, unit);
    return histories(transactions, customer, date, amount, calibrationEnd, null, unit);
  }

  /**
   * Summarises a transaction log split for validation, exactly as {@link CalibrationHoldout#of}
   * does on each customer's transactions ordered by date and then amount: the columns of {@link
   * #purchaseHistories(Dataset, String, String, String, LocalDate, ChronoUnit)} for the calibration
   * period (to {@code calibrationEnd}), then {@code holdout_purchases} (INT, the purchase days
   * after {@code calibrationEnd} up to {@code observationEnd}, inclusive) and {@code holdout_value}
   * (DOUBLE, their total amount). The rows are the calibration base: a customer whose first
   * purchase is in the holdout has no row (a model fitted to the calibration period knows nothing
   * of them), and transactions after {@code observationEnd} are outside the study by definition.
   * Compare the holdout columns with {@code expected_purchases(holdout length, x, t_x, T)} of a
   * model fitted to the calibration columns.
   *
   * @param transactions one row per transaction
   * @param customer the customer column (any type Spark can group by)
   * @param date the date column, DATE or TIMESTAMP
   * @param amount the amount column, finite and {@code >= 0}
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param observationEnd the last day of the holdout period, inclusive, after {@code
   *     calibrationEnd}
   * @param unit {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS}
   * @return the summaries with their holdout counts, a lazy Dataset
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code observationEnd} is not after {@code calibrationEnd}
   *     or {@code unit} is neither days nor weeks; when the Dataset is computed, as {@link
   *     #purchaseHistories(Dataset, String, String, String, LocalDate, ChronoUnit)}
   */
  public static Dataset<Row> purchaseHistories(
      Dataset<Row> transactions,
      String customer,
      String date,
      String amount,
      LocalDate calibrationEnd,
      LocalDate observationEnd,
      ChronoUnit unit) {
    // the core's own argument checks (the holdout's length, the unit), on no transactions
    CalibrationHoldout.of(
        List.of(), t -> t, t -> calibrationEnd, t -> 0, calibrationEnd, observationEnd, unit);
    return histories(transactions, customer, date, amount, calibrationEnd, observationEnd, unit);
  }

  /** Both forms of {@code purchaseHistories}; {@code observationEnd} null for no holdout. */
  private static Dataset<Row> histories(
      Dataset<Row> transactions,
      String customer,
      String date,
      String amount,
      LocalDate calibrationEnd,
      LocalDate observationEnd,
      ChronoUnit unit) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
    StructType schema =
        new StructType()
            .add(customer, transactions.schema().apply(customer).dataType(), false)
            .add(SUMMARY_COLUMNS[0], DataTypes.DateType, false)
            .add(SUMMARY_COLUMNS[1], DataTypes.IntegerType, false)
            .add(SUMMARY_COLUMNS[2], DataTypes.DoubleType, false)
            .add(SUMMARY_COLUMNS[3], DataTypes.DoubleType, false)
            .add(SUMMARY_COLUMNS[4], DataTypes.DoubleType, false)
            .add(SUMMARY_COLUMNS[5], DataTypes.DoubleType, true);
    if (observationEnd != null) {
      schema =
          schema
              .add("holdout_purchases", DataTypes.IntegerType, false)
              .add("holdout_value", DataTypes.DoubleType, false);
    }
    String customerName = customer;
    LocalDate lastDay = observationEnd == null ? calibrationEnd : observationEnd;
    return transactions
        .select(
            notNull(customer, col(customer)).as(customer),
            notNull(date, functions.to_date(col(date))).as(DAY),
            col(amount).cast("double").as(AMOUNT))
        .filter(col(DAY).leq(functions.lit(java.sql.Date.valueOf(lastDay))))
        .groupBy(col(customer))
        .agg(functions.collect_list(functions.struct(col(DAY), col(AMOUNT))))
        .flatMap(
            (FlatMapFunction<Row, Row>)
                row -> summary(row, customerName, calibrationEnd, observationEnd, unit).iterator(),
            Encoders.row(schema));
  }

  /** {@code value}, or a query failure naming {@code column} where that column is null. */
  private static Column notNull(String column, Column value) {
    return functions
        .when(
            col(column).isNull(),
            functions.raise_error(functions.lit("column " + column + " is null in a transaction")))
        .otherwise(value);
  }

  /**
   * One customer's row of {@link #purchaseHistories}, if the customer is in the base: their
   * purchases sorted, then the core.
   */
  private static List<Row> summary(
      Row row,
      String customer,
      LocalDate calibrationEnd,
      LocalDate observationEnd,
      ChronoUnit unit) {
    Object id = row.get(0);
    List<Row> purchases = new ArrayList<>(row.getList(1));
    for (Row purchase : purchases) {
      if (purchase.isNullAt(1)) {
        throw new IllegalArgumentException(
            "a transaction of " + customer + " " + id + " has a null amount");
      }
    }
    purchases.sort(
        Comparator.<Row, LocalDate>comparing(p -> p.<java.sql.Date>getAs(0).toLocalDate())
            .thenComparingDouble(p -> p.getDouble(1)));
    Function<Row, Object> identity = p -> id;
    Function<Row, LocalDate> day = p -> p.<java.sql.Date>getAs(0).toLocalDate();
    ToDoubleFunction<Row> value = p -> p.getDouble(1);
    try {
      if (observationEnd == null) {
        PurchaseHistory h =
            PurchaseHistory.summarize(purchases, identity, day, value, calibrationEnd, unit).get(0);
        return List.of(RowFactory.create(calibrationColumns(id, h)));
      }
      List<HoldoutHistory> base =
          CalibrationHoldout.of(
                  purchases, identity, day, value, calibrationEnd, observationEnd, unit)
              .customers();
      if (base.isEmpty()) {
        return List.of(); // first seen in the holdout
      }
      HoldoutHistory h = base.get(0);
      Object[] columns = Arrays.copyOf(calibrationColumns(id, h.calibration()), 9);
      columns[7] = h.holdoutPurchases();
      columns[8] = h.holdoutValue();
      return List.of(RowFactory.create(columns));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(customer + " " + id + ": " + e.getMessage(), e);
    }
  }

  /** The customer and the {@link #SUMMARY_COLUMNS} of one summary. */
  private static Object[] calibrationColumns(Object id, PurchaseHistory h) {
    return new Object[] {
      id,
      java.sql.Date.valueOf(h.firstPurchase()),
      h.frequency(),
      h.recency(),
      h.age(),
      h.repeatValue(),
      h.frequency() == 0 ? null : h.averageRepeatValue().getAsDouble()
    };
  }

  /**
   * Returns the per-customer summaries of a base as the core's {@link CustomerSummaries}: one row
   * per distinct {@code (frequency, recency, age)} with the number of customers that have it,
   * sorted by those three. Pass it to {@code BgNbd.fit}, {@code MbgNbd.fit} or {@code
   * ParetoNbd.fit}.
   *
   * @param customers one row per customer
   * @param frequency the column of repeat purchases {@code x}, whole numbers {@code >= 0}
   * @param recency the column of recency {@code t_x}
   * @param age the column of age {@code T}, in the same time unit
   * @return the grouped summaries; empty for an empty base (a fit then refuses it)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a column has nulls (naming it and how many rows), a
   *     frequency is not a whole number, or a row breaks the rules of {@link
   *     CustomerSummaries#of(int[], double[], double[])} (naming its values)
   */
  public static CustomerSummaries customerSummaries(
      Dataset<Row> customers, String frequency, String recency, String age) {
    Objects.requireNonNull(customers, "customers");
    List<Row> groups =
        new ArrayList<>(
            customers
                .groupBy(
                    col(frequency).cast("double"),
                    col(recency).cast("double"),
                    col(age).cast("double"))
                .count()
                .collectAsList());
    String[] names = {frequency, recency, age};
    for (Row group : groups) {
      for (int k = 0; k < 3; k++) {
        if (group.isNullAt(k)) {
          throw new IllegalArgumentException(
              "column " + names[k] + " is null in " + group.getLong(3) + " rows");
        }
      }
    }
    groups.sort(
        Comparator.<Row>comparingDouble(g -> g.getDouble(0))
            .thenComparingDouble(g -> g.getDouble(1))
            .thenComparingDouble(g -> g.getDouble(2)));
    int n = groups.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      Row group = groups.get(i);
      x[i] = frequencyOf("frequency (column " + frequency + ")", group.getDouble(0));
      tx[i] = group.getDouble(1);
      t[i] = group.getDouble(2);
      counts[i] = group.getLong(3);
    }
    try {
      return CustomerSummaries.ofCounts(x, tx, t, counts);
    } catch (IllegalArgumentException refused) {
      // the core names the row by its index among the groups; name it by its values instead
      for (int i = 0; i < n; i++) {
        try {
          CustomerSummaries.of(new int[] {x[i]}, new double[] {tx[i]}, new double[] {t[i]});
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              counts[i]
                  + " rows with "
                  + frequency
                  + " = "
                  + x[i]
                  + ", "
                  + recency
                  + " = "
                  + tx[i]
                  + ", "
                  + age
                  + " = "
                  + t[i]
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
      throw refused;
    }
  }

  /**
   * Fits the Gamma-Gamma model of purchase values to the customers with a repeat purchase: their
   * frequency and average repeat value, collected to the driver (16 bytes a customer) sorted by
   * frequency and value, then {@link GammaGamma#fit(int[], double[])}.
   *
   * @param customers one row per customer
   * @param frequency the column of repeat purchases {@code x}, whole numbers {@code >= 0}
   * @param averageValue the column of the average value of the repeat purchases (read for the rows
   *     with {@code x > 0} only)
   * @return the fit, as the core's
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a frequency is null or not a whole number, an average of a
   *     repeat customer is null (naming the column), or the core refuses the data
   */
  public static ModelFit<GammaGamma> fitGammaGamma(
      Dataset<Row> customers, String frequency, String averageValue) {
    Objects.requireNonNull(customers, "customers");
    // one pass: the repeat customers, and those with a null frequency to report
    List<Row> rows =
        new ArrayList<>(
            customers
                .filter(col(frequency).isNull().or(col(frequency).gt(0)))
                .select(col(frequency).cast("double"), col(averageValue).cast("double"))
                .collectAsList());
    long nullFrequencies = rows.stream().filter(row -> row.isNullAt(0)).count();
    if (nullFrequencies > 0) {
      throw new IllegalArgumentException(
          "column " + frequency + " is null in " + nullFrequencies + " rows");
    }
    for (Row row : rows) {
      if (row.isNullAt(1)) {
        throw new IllegalArgumentException(
            "column "
                + averageValue
                + " is null for a customer with "
                + frequency
                + " = "
                + row.getDouble(0)
                + " repeat purchases");
      }
    }
    rows.sort(
        Comparator.<Row>comparingDouble(r -> r.getDouble(0))
            .thenComparingDouble(r -> r.getDouble(1)));
    int[] counts = new int[rows.size()];
    double[] averages = new double[rows.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = frequencyOf("frequency (column " + frequency + ")", rows.get(i).getDouble(0));
      averages[i] = rows.get(i).getDouble(1);
    }
    return GammaGamma.fit(counts, averages);
  }

  /**
   * Registers {@code p_alive(x, t_x, T)} ({@link TransactionModel#probabilityAlive}) and {@code
   * expected_purchases(t, x, t_x, T)} (the expected purchases in the next {@code t} time units,
   * {@link TransactionModel#conditionalExpectedPurchases(double, int, double, double)}) for a
   * fitted BG/NBD, MBG/NBD or Pareto/NBD, replacing functions of those names.
   *
   * @param spark the session
   * @param model the fitted model, in the time unit of the columns it will score
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the model is not one of the library's three
   */
  public static void registerScoring(SparkSession spark, TransactionModel model) {
    Objects.requireNonNull(spark, "spark");
    ModelSpec spec = ModelSpec.of(model);
    spark
        .udf()
        .register(
            "p_alive",
            (UDF3<Number, Number, Number, Double>)
                (x, tx, t) ->
                    x == null || tx == null || t == null
                        ? null
                        : spec.model()
                            .probabilityAlive(
                                frequencyOf("p_alive: frequency", x.doubleValue()),
                                tx.doubleValue(),
                                t.doubleValue()),
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "expected_purchases",
            (UDF4<Number, Number, Number, Number, Double>)
                (horizon, x, tx, t) ->
                    horizon == null || x == null || tx == null || t == null
                        ? null
                        : spec.model()
                            .conditionalExpectedPurchases(
                                horizon.doubleValue(),
                                frequencyOf("expected_purchases: frequency", x.doubleValue()),
                                tx.doubleValue(),
                                t.doubleValue()),
            DataTypes.DoubleType);
  }

  /**
   * Registers {@code clv(x, t_x, T, m)}: {@link ProbabilisticClv#customerValue(int, double, double,
   * double)} of the valuation {@code ProbabilisticClv.of(purchases, value, margin, discountRate,
   * periodLength, periods)}, replacing a function of that name. {@code m}, the average repeat
   * value, is ignored (and may be null) when {@code x = 0}; any other null input gives null.
   *
   * @param spark the session
   * @param purchases the fitted purchases model (BG/NBD, MBG/NBD or Pareto/NBD)
   * @param value the fitted Gamma-Gamma model
   * @param margin as in {@link ProbabilisticClv#of}
   * @param discountRate as in {@link ProbabilisticClv#of}
   * @param periodLength as in {@link ProbabilisticClv#of}
   * @param periods as in {@link ProbabilisticClv#of}
   * @throws NullPointerException if a model or the session is null
   * @throws IllegalArgumentException if a number is out of range (as {@link ProbabilisticClv#of}
   *     says), or the purchases model is not one of the library's three
   */
  public static void registerClv(
      SparkSession spark,
      TransactionModel purchases,
      GammaGamma value,
      double margin,
      double discountRate,
      double periodLength,
      int periods) {
    Objects.requireNonNull(spark, "spark");
    ProbabilisticClv.of(purchases, value, margin, discountRate, periodLength, periods);
    ClvSpec spec =
        new ClvSpec(
            ModelSpec.of(purchases),
            new double[] {value.p(), value.q(), value.gamma()},
            margin,
            discountRate,
            periodLength,
            periods);
    spark
        .udf()
        .register(
            "clv",
            (UDF4<Number, Number, Number, Number, Double>)
                (x, tx, t, m) -> {
                  if (x == null || tx == null || t == null) {
                    return null;
                  }
                  int frequency = frequencyOf("clv: frequency", x.doubleValue());
                  if (m == null && frequency > 0) {
                    return null;
                  }
                  return spec.valuation()
                      .customerValue(
                          frequency,
                          tx.doubleValue(),
                          t.doubleValue(),
                          m == null ? 0 : m.doubleValue());
                },
            DataTypes.DoubleType);
  }

  /** A valuation as its parts, rebuilt once per executor. */
  private static final class ClvSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ModelSpec purchases;
    private final double[] value;
    private final double margin;
    private final double discountRate;
    private final double periodLength;
    private final int periods;
    private transient ProbabilisticClv valuation;

    ClvSpec(
        ModelSpec purchases,
        double[] value,
        double margin,
        double discountRate,
        double periodLength,
        int periods) {
      this.purchases = purchases;
      this.value = value;
      this.margin = margin;
      this.discountRate = discountRate;
      this.periodLength = periodLength;
      this.periods = periods;
    }

    ProbabilisticClv valuation() {
      if (valuation == null) {
        valuation =
            ProbabilisticClv.of(
                purchases.model(),
                GammaGamma.of(value[0], value[1], value[2]),
                margin,
                discountRate,
                periodLength,
                periods);
      }
      return valuation;
    }
  }

  /** A frequency read as a double, as the int it must be. */
  private static int frequencyOf(String what, double value) {
    if (!(value == Math.rint(value) && value >= 0 && value <= Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          what + " " + value + " must be a whole number from 0 to " + Integer.MAX_VALUE);
    }
    return (int) value;
  }
}
