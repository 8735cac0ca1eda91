package io.github.cxmetrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CalibrationHoldout;
import io.github.cxmetrics.value.CustomerSummaries;
import io.github.cxmetrics.value.GammaGamma;
import io.github.cxmetrics.value.HoldoutHistory;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ParetoNbd;
import io.github.cxmetrics.value.ProbabilisticClv;
import io.github.cxmetrics.value.PurchaseHistory;
import io.github.cxmetrics.value.TransactionModel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLV pipeline on Spark against the core on the CDNOW sample (test resource {@code cdnow/},
 * with its README): the fits from the grouped summaries and every customer's P(alive), expected
 * purchases and CLV, on data spread unevenly over partitions.
 */
class CxClvTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("x", DataTypes.IntegerType)
          .add("t_x", DataTypes.DoubleType)
          .add("T", DataTypes.DoubleType)
          .add("zbar", DataTypes.DoubleType);

  private static SparkSession spark;
  private static List<Row> rows;
  private static Dataset<Row> customers;

  @BeforeAll
  static void startSpark() throws IOException {
    spark = TestSpark.session();
    rows = new ArrayList<>();
    try (InputStream in =
        CxClvTest.class.getResourceAsStream(
            "/cdnow/cdnow_customers_summary_with_transactions.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].trim().split(",");
        int x = Integer.parseInt(f[1]);
        rows.add(
            RowFactory.create(
                Integer.parseInt(f[0]),
                x,
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                x == 0 ? null : Double.parseDouble(f[4])));
      }
    }
    // partitioned by frequency: most customers (x = 0) land in one partition, the rest spread
    customers = spark.createDataFrame(rows, SCHEMA).repartition(5, col("x"));
    customers.createOrReplaceTempView("cdnow");
  }

  /** The core's grouping of the same rows, in the documented order. */
  private static CustomerSummaries coreSummaries() {
    Map<List<Double>, Long> groups =
        new TreeMap<>(
            (a, b) -> {
              for (int k = 0; k < 3; k++) {
                int c = Double.compare(a.get(k), b.get(k));
                if (c != 0) {
                  return c;
                }
              }
              return 0;
            });
    for (Row r : rows) {
      groups.merge(List.of((double) r.getInt(1), r.getDouble(2), r.getDouble(3)), 1L, Long::sum);
    }
    int n = groups.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    long[] counts = new long[n];
    int i = 0;
    for (Map.Entry<List<Double>, Long> e : groups.entrySet()) {
      x[i] = e.getKey().get(0).intValue();
      tx[i] = e.getKey().get(1);
      t[i] = e.getKey().get(2);
      counts[i++] = e.getValue();
    }
    return CustomerSummaries.ofCounts(x, tx, t, counts);
  }

  @Test
  void theFitsEqualTheCoresOnTheSameRows() {
    CustomerSummaries base = CxClv.customerSummaries(customers, "x", "t_x", "T");
    assertThat(base.customers()).isEqualTo(2357);
    ModelFit<BgNbd> fit = BgNbd.fit(base);
    assertThat(fit.estimates()).containsExactly(BgNbd.fit(coreSummaries()).estimates());
    // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
    assertThat(fit.model().r()).isCloseTo(0.243, within(0.0005));
    assertThat(fit.model().b()).isCloseTo(2.426, within(0.0005));

    ModelFit<GammaGamma> value = CxClv.fitGammaGamma(customers, "x", "zbar");
    List<Row> repeat = rows.stream().filter(r -> r.getInt(1) > 0).toList();
    List<double[]> pairs = new ArrayList<>();
    for (Row r : repeat) {
      pairs.add(new double[] {r.getInt(1), r.getDouble(4)});
    }
    pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    int[] counts = pairs.stream().mapToInt(p -> (int) p[0]).toArray();
    double[] averages = pairs.stream().mapToDouble(p -> p[1]).toArray();
    assertThat(value.estimates()).containsExactly(GammaGamma.fit(counts, averages).estimates());
    // Fader & Hardie, "The Gamma-Gamma Model of Monetary Value" (2013): p = 6.25, q = 3.74,
    // gamma = 15.44 from the raw transactions; from this file's averages, rounded to cents, SciPy
    // finds gamma = 15.4477 (the core's GammaGammaReferenceTest)
    assertThat(value.model().p()).isCloseTo(6.25, within(0.005));
    assertThat(value.model().q()).isCloseTo(3.74, within(0.005));
    assertThat(value.model().gamma()).isCloseTo(15.44774411, within(5e-6));
  }

  @Test
  void everyCustomersScoresEqualTheCores() {
    BgNbd model = BgNbd.fit(coreSummaries()).model();
    GammaGamma value = GammaGamma.of(6.25, 3.74, 15.44);
    CxClv.registerScoring(spark, model);
    CxClv.registerClv(spark, model, value, 0.3, 0.01, 4, 13);
    ProbabilisticClv clv = ProbabilisticClv.of(model, value, 0.3, 0.01, 4, 13);
    List<Row> scored =
        spark
            .sql(
                "SELECT id, p_alive(x, t_x, T), expected_purchases(52, x, t_x, T),"
                    + " clv(x, t_x, T, zbar) FROM cdnow")
            .collectAsList();
    assertThat(scored).hasSize(2357);
    Map<Integer, Row> byId = new TreeMap<>();
    for (Row r : rows) {
      byId.put(r.getInt(0), r);
    }
    for (Row s : scored) {
      Row r = byId.get(s.getInt(0));
      int x = r.getInt(1);
      double tx = r.getDouble(2);
      double t = r.getDouble(3);
      assertThat(s.getDouble(1)).isEqualTo(model.probabilityAlive(x, tx, t));
      assertThat(s.getDouble(2)).isEqualTo(model.conditionalExpectedPurchases(52, x, tx, t));
      assertThat(s.getDouble(3))
          .isEqualTo(clv.customerValue(x, tx, t, x == 0 ? 0 : r.getDouble(4)));
    }
    // the Pareto/NBD replaces the functions; nulls give null
    ParetoNbd pareto = ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562);
    CxClv.registerScoring(spark, pareto);
    Row one =
        spark
            .sql("SELECT p_alive(2, 30.43, 38.86), p_alive(NULL, 1, 2), p_alive(2.0, 30, 39L)")
            .collectAsList()
            .get(0);
    assertThat(one.getDouble(0)).isEqualTo(pareto.probabilityAlive(2, 30.43, 38.86));
    assertThat(one.isNullAt(1)).isTrue();
    assertThat(one.getDouble(2)).isEqualTo(pareto.probabilityAlive(2, 30, 39));
  }

  /** Transactions as a DataFrame of (customer, day, value) over {@code partitions}. */
  private static Dataset<Row> frame(List<Transaction> log, int partitions) {
    StructType schema =
        new StructType()
            .add("customer", DataTypes.IntegerType)
            .add("day", DataTypes.DateType)
            .add("value", DataTypes.DoubleType);
    List<Row> input = new ArrayList<>();
    for (Transaction t : log) {
      input.add(RowFactory.create(t.customer(), java.sql.Date.valueOf(t.date()), t.amount()));
    }
    return spark.createDataFrame(input, schema).repartition(partitions);
  }

  /** One row of {@code CDNOW_sample.txt}. */
  private record Transaction(int customer, LocalDate date, double amount) {}

  private static List<Transaction> transactions() throws IOException {
    List<Transaction> list = new ArrayList<>();
    try (InputStream in = CxClvTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 5) {
          list.add(
              new Transaction(
                  Integer.parseInt(f[1]),
                  LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
                  Double.parseDouble(f[4])));
        }
      }
    }
    return list;
  }

  @Test
  void transactionsAreSummarisedAsTheCoreDoesAndFitEndToEnd() throws IOException {
    List<Transaction> log = transactions();
    assertThat(log).hasSize(6919);
    Dataset<Row> frame = frame(log, 4);
    LocalDate end = LocalDate.of(1997, 9, 30);
    Dataset<Row> histories =
        CxClv.purchaseHistories(frame, "customer", "day", "value", end, ChronoUnit.WEEKS);
    assertThat(histories.columns())
        .containsExactly(
            "customer", "first_purchase", "x", "t_x", "T", "repeat_value", "average_repeat_value");
    Map<Integer, Row> byCustomer = new TreeMap<>();
    for (Row r : histories.collectAsList()) {
      byCustomer.put(r.getInt(0), r);
    }
    // every CDNOW customer bought first in the first quarter of 1997, so all 2,357 have a row
    assertThat(byCustomer).hasSize(2357);
    // the core on each customer's transactions in date, then amount order
    List<Transaction> ordered = new ArrayList<>(log);
    ordered.sort(
        Comparator.comparingInt(Transaction::customer)
            .thenComparing(Transaction::date)
            .thenComparingDouble(Transaction::amount));
    List<PurchaseHistory> core =
        PurchaseHistory.summarize(
            ordered,
            Transaction::customer,
            Transaction::date,
            Transaction::amount,
            end,
            ChronoUnit.WEEKS);
    for (PurchaseHistory h : core) {
      Row r = byCustomer.get((Integer) h.customer());
      assertThat(r.getDate(1).toLocalDate()).isEqualTo(h.firstPurchase());
      assertThat(r.getInt(2)).isEqualTo(h.frequency());
      assertThat(r.getDouble(3)).isEqualTo(h.recency());
      assertThat(r.getDouble(4)).isEqualTo(h.age());
      assertThat(r.getDouble(5)).isEqualTo(h.repeatValue());
      if (h.frequency() == 0) {
        assertThat(r.isNullAt(6)).isTrue();
      } else {
        assertThat(r.getDouble(6)).isEqualTo(h.averageRepeatValue().getAsDouble());
      }
      // and the published summary file, whose times are rounded to 2 decimals
      Row published = rows.get(r.getInt(0) - 1);
      assertThat(r.getInt(2)).isEqualTo(published.getInt(1));
      assertThat(r.getDouble(3)).isCloseTo(published.getDouble(2), within(0.0051));
    }
    // the pipeline: summaries, fit, scores
    CustomerSummaries base = CxClv.customerSummaries(histories, "x", "t_x", "T");
    ModelFit<BgNbd> fit = BgNbd.fit(base);
    ModelFit<BgNbd> coreFit = BgNbd.fit(CustomerSummaries.of(core));
    for (int p = 0; p < 4; p++) {
      // grouped rows sum the likelihood in another order than one row per customer
      assertThat(fit.estimates()[p]).isCloseTo(coreFit.estimates()[p], within(1e-9));
    }
    assertThat(fit.model().r()).isCloseTo(0.243, within(0.0005));
  }

  @Test
  void holdoutCountsAreTheCoresSplitOfTheSameTransactions() throws IOException {
    List<Transaction> log = new ArrayList<>(transactions());
    // a customer first seen in the holdout (not in the base), a purchase after the study
    log.add(new Transaction(9999, LocalDate.of(1998, 1, 2), 10.0));
    log.add(new Transaction(1, LocalDate.of(1998, 7, 1), 99.0));
    Dataset<Row> frame = frame(log, 3);
    LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
    LocalDate observationEnd = LocalDate.of(1998, 6, 30);
    Dataset<Row> split =
        CxClv.purchaseHistories(
            frame, "customer", "day", "value", calibrationEnd, observationEnd, ChronoUnit.WEEKS);
    assertThat(split.columns())
        .containsExactly(
            "customer",
            "first_purchase",
            "x",
            "t_x",
            "T",
            "repeat_value",
            "average_repeat_value",
            "holdout_purchases",
            "holdout_value");
    Map<Integer, Row> byCustomer = new TreeMap<>();
    for (Row r : split.collectAsList()) {
      byCustomer.put(r.getInt(0), r);
    }
    assertThat(byCustomer).hasSize(2357).doesNotContainKey(9999);
    // the core on each customer's transactions in date, then amount order
    List<Transaction> ordered = new ArrayList<>(log);
    ordered.sort(
        Comparator.comparingInt(Transaction::customer)
            .thenComparing(Transaction::date)
            .thenComparingDouble(Transaction::amount));
    CalibrationHoldout core =
        CalibrationHoldout.of(
            ordered,
            Transaction::customer,
            Transaction::date,
            Transaction::amount,
            calibrationEnd,
            observationEnd,
            ChronoUnit.WEEKS);
    assertThat(core.customers()).hasSize(2357);
    for (HoldoutHistory h : core.customers()) {
      Row r = byCustomer.get((Integer) h.calibration().customer());
      assertThat(r.getInt(2)).isEqualTo(h.calibration().frequency());
      assertThat(r.getDouble(3)).isEqualTo(h.calibration().recency());
      assertThat(r.getDouble(4)).isEqualTo(h.calibration().age());
      assertThat(r.getInt(7)).isEqualTo(h.holdoutPurchases());
      assertThat(r.getDouble(8)).isEqualTo(h.holdoutValue());
    }
    // an independent count: the distinct (customer, day) pairs of the holdout weeks
    long holdoutDays =
        log.stream()
            .filter(t -> t.customer() != 9999)
            .filter(t -> t.date().isAfter(calibrationEnd) && !t.date().isAfter(observationEnd))
            .map(t -> t.customer() + "/" + t.date())
            .distinct()
            .count();
    assertThat(byCustomer.values().stream().mapToLong(r -> r.getInt(7)).sum())
        .isEqualTo(holdoutDays);
    // the purchase after the observation end is outside the study
    assertThat(byCustomer.get(1).getDouble(8))
        .isEqualTo(
            log.stream()
                .filter(t -> t.customer() == 1)
                .filter(t -> t.date().isAfter(calibrationEnd) && !t.date().isAfter(observationEnd))
                .mapToDouble(Transaction::amount)
                .sum());
    assertThatThrownBy(
            () ->
                CxClv.purchaseHistories(
                    frame,
                    "customer",
                    "day",
                    "value",
                    calibrationEnd,
                    calibrationEnd,
                    ChronoUnit.WEEKS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the observation end 1997-09-30 must be after the calibration end");
    assertThatThrownBy(
            () ->
                CxClv.purchaseHistories(
                    frame, "customer", "day", "value", calibrationEnd, ChronoUnit.MONTHS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unit Months must be DAYS or WEEKS");
  }

  @Test
  void badSummariesFailNamingTheValues() {
    CxClv.registerScoring(spark, BgNbd.of(0.243, 4.414, 0.793, 2.426));
    assertThatThrownBy(() -> spark.sql("SELECT p_alive(2.5, 1, 2)").collectAsList())
        .hasStackTraceContaining("p_alive: frequency 2.5 must be a whole number");
    StructType schema =
        new StructType()
            .add("x", DataTypes.IntegerType)
            .add("t_x", DataTypes.DoubleType)
            .add("T", DataTypes.DoubleType);
    Dataset<Row> late =
        spark.createDataFrame(
            List.of(RowFactory.create(1, 5.0, 4.0), RowFactory.create(1, 5.0, 4.0)), schema);
    assertThatThrownBy(() -> CxClv.customerSummaries(late, "x", "t_x", "T"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("2 rows with x = 1, t_x = 5.0, T = 4.0: recency 5.0");
    Dataset<Row> missing = spark.createDataFrame(List.of(RowFactory.create(1, null, 4.0)), schema);
    assertThatThrownBy(() -> CxClv.customerSummaries(missing, "x", "t_x", "T"))
        .hasMessage("column t_x is null in 1 rows");
    Dataset<Row> noFrequency =
        spark.createDataFrame(
            List.of(RowFactory.create(null, 1.0, 4.0), RowFactory.create(2, 1.0, 4.0)), schema);
    assertThatThrownBy(() -> CxClv.fitGammaGamma(noFrequency, "x", "T"))
        .hasMessage("column x is null in 1 rows");
    // a model of another library, which cannot be shipped
    TransactionModel other =
        (TransactionModel)
            Proxy.newProxyInstance(
                TransactionModel.class.getClassLoader(),
                new Class<?>[] {TransactionModel.class},
                (proxy, method, arguments) -> 0.0);
    assertThatThrownBy(() -> CxClv.registerScoring(spark, other))
        .hasMessageContaining("scoring functions take the library's BgNbd, MbgNbd or ParetoNbd");
  }

  @Test
  void pySparkRegistersThroughTheGatewaySignature() throws Exception {
    // py4j resolves spark._jvm.io.github.cxmetrics.spark.CxFunctions.register(spark._jsparkSession)
    // by name and argument class, as reflection does here
    CxFunctions.class.getMethod("register", SparkSession.class).invoke(null, spark);
    Row r = spark.sql("SELECT nps(s).score FROM VALUES (10), (9), (3) AS t(s)").first();
    assertThat(r.getDouble(0)).isEqualTo(100.0 * (2 - 1) / 3);
  }
}
