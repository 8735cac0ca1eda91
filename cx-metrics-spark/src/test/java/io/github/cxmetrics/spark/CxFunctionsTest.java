package io.github.cxmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.drivers.DriverAccumulator;
import io.github.cxmetrics.drivers.DriverImportance;
import io.github.cxmetrics.drivers.DriverMoments;
import io.github.cxmetrics.journey.ConversionTimes;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.journey.FunnelOrder;
import io.github.cxmetrics.journey.FunnelResult;
import io.github.cxmetrics.journey.WindowedFunnel;
import io.github.cxmetrics.retention.Cohort;
import io.github.cxmetrics.retention.CohortTable;
import io.github.cxmetrics.retention.EventRetention;
import io.github.cxmetrics.retention.Lifecycle;
import io.github.cxmetrics.retention.RetentionPeriods;
import io.github.cxmetrics.retention.RetentionTable;
import io.github.cxmetrics.retention.Stickiness;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.WeightedNps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registered SQL functions against the core computed on the same rows, on data spread over
 * several partitions and groups, so that partial aggregates are serialized and merged.
 */
class CxFunctionsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("channel", DataTypes.StringType)
          .add("score", DataTypes.IntegerType, true)
          .add("rating", DataTypes.IntegerType, true)
          .add("weight", DataTypes.DoubleType, true);

  private static SparkSession spark;
  private static List<Row> rows;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
    CxFunctions.register(spark);
    SplittableRandom random = new SplittableRandom(20261123L);
    String[] channels = {"web", "app", "store", "phone", "mail"};
    rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String channel = channels[random.nextInt(channels.length)];
      Integer score = random.nextInt(20) == 0 ? null : random.nextInt(11);
      Integer rating = random.nextInt(25) == 0 ? null : 1 + random.nextInt(5);
      Double weight =
          random.nextInt(30) == 0
              ? null
              : Math.scalb(0.5 + random.nextDouble(), random.nextInt(-3, 4));
      rows.add(RowFactory.create(channel, score, rating, weight));
    }
    // a group whose every score is null
    rows.add(RowFactory.create("kiosk", null, null, null));
    rows.add(RowFactory.create("kiosk", null, null, 1.0));
    spark.createDataFrame(rows, SCHEMA).repartition(7).createOrReplaceTempView("responses");
  }

  private static Map<String, Row> byChannel(String sql) {
    Map<String, Row> results = new TreeMap<>();
    for (Row row : spark.sql(sql).collectAsList()) {
      results.put(row.getString(0), row.getStruct(1));
    }
    return results;
  }

  private static List<Row> rowsOf(String channel) {
    return rows.stream().filter(r -> r.getString(0).equals(channel)).toList();
  }

  @Test
  void npsEqualsTheCoreOnTheSameRows() {
    Map<String, Row> results =
        byChannel("SELECT channel, nps(score) AS r FROM responses GROUP BY channel");
    assertThat(results).containsOnlyKeys("web", "app", "store", "phone", "mail", "kiosk");
    for (String channel : results.keySet()) {
      List<Row> own = rowsOf(channel);
      int[] scores = own.stream().filter(r -> !r.isNullAt(1)).mapToInt(r -> r.getInt(1)).toArray();
      long nulls = own.stream().filter(r -> r.isNullAt(1)).count();
      Nps expected = Nps.of(scores);
      Row r = results.get(channel);
      assertThat(r.<Long>getAs("n")).isEqualTo(expected.count());
      assertThat(r.<Long>getAs("promoters")).isEqualTo(expected.promoters());
      assertThat(r.<Long>getAs("detractors")).isEqualTo(expected.detractors());
      assertThat(r.<Long>getAs("nulls")).isEqualTo(nulls);
      if (expected.isEmpty()) {
        assertThat(r.<Double>getAs("score")).isNull();
        assertThat(r.<Double>getAs("lower")).isNull();
      } else {
        assertThat(r.<Double>getAs("score")).isEqualTo(expected.score());
        assertThat(r.<Double>getAs("standard_error")).isEqualTo(expected.standardError());
        assertThat(r.<Double>getAs("lower")).isEqualTo(expected.confidenceInterval(0.95).lower());
        assertThat(r.<Double>getAs("upper")).isEqualTo(expected.confidenceInterval(0.95).upper());
      }
    }
    assertThat(results.get("kiosk").<Long>getAs("nulls")).isEqualTo(2);
  }

  @Test
  void csatAndCesEqualTheCore() {
    Map<String, Row> csat =
        byChannel("SELECT channel, csat(rating) FROM responses GROUP BY channel");
    Map<String, Row> ces = byChannel("SELECT channel, ces(rating) FROM responses GROUP BY channel");
    for (String channel : List.of("web", "app", "store", "phone", "mail")) {
      int[] ratings =
          rowsOf(channel).stream().filter(r -> !r.isNullAt(2)).mapToInt(r -> r.getInt(2)).toArray();
      Csat expectedCsat = Csat.of(ratings);
      Ces expectedCes = Ces.of(ratings);
      assertThat(csat.get(channel).<Double>getAs("score")).isEqualTo(expectedCsat.score());
      assertThat(csat.get(channel).<Double>getAs("mean")).isEqualTo(expectedCsat.mean());
      assertThat(csat.get(channel).<Double>getAs("upper"))
          .isEqualTo(expectedCsat.confidenceInterval(0.95).upper());
      assertThat(ces.get(channel).<Double>getAs("mean")).isEqualTo(expectedCes.mean());
      assertThat(ces.get(channel).<Double>getAs("standard_deviation"))
          .isEqualTo(expectedCes.standardDeviation());
      assertThat(ces.get(channel).<Double>getAs("low_effort_share"))
          .isEqualTo(expectedCes.lowEffortShare());
    }
    assertThat(ces.get("kiosk").<Double>getAs("mean")).isNull();
  }

  @Test
  void weightedNpsEqualsTheCoreExactly() {
    Map<String, Row> results =
        byChannel("SELECT channel, weighted_nps(score, weight) FROM responses GROUP BY channel");
    for (String channel : List.of("web", "app", "store", "phone", "mail")) {
      List<Row> own =
          rowsOf(channel).stream().filter(r -> !r.isNullAt(1) && !r.isNullAt(3)).toList();
      int[] scores = own.stream().mapToInt(r -> r.getInt(1)).toArray();
      double[] weights = own.stream().mapToDouble(r -> r.getDouble(3)).toArray();
      WeightedNps expected = WeightedNps.of(scores, weights);
      Row r = results.get(channel);
      // exact weight sums: the partitioning cannot change a single bit
      assertThat(r.<Double>getAs("score")).isEqualTo(expected.score());
      assertThat(r.<Double>getAs("effective_sample_size"))
          .isEqualTo(expected.effectiveSampleSize());
      assertThat(r.<Double>getAs("total_weight")).isEqualTo(expected.totalWeight());
      assertThat(r.<Long>getAs("n")).isEqualTo(expected.count());
    }
  }

  @Test
  void anInvalidScoreFailsTheQueryNamingIt() {
    List<Row> bad =
        IntStream.range(0, 50)
            .mapToObj(i -> RowFactory.create("web", i == 37 ? 11 : 5, 3, 1.0))
            .toList();
    Dataset<Row> frame = spark.createDataFrame(bad, SCHEMA).repartition(3);
    frame.createOrReplaceTempView("bad_responses");
    assertThatThrownBy(() -> spark.sql("SELECT nps(score) FROM bad_responses").collectAsList())
        .hasStackTraceContaining("nps: score 11 is outside the NPS scale [0, 10]");
  }

  @Test
  void aScoreThatIsNotAWholeNumberFailsTheQueryInsteadOfBeingTruncated() {
    StructType doubles =
        new StructType().add("score", DataTypes.DoubleType).add("weight", DataTypes.DoubleType);
    spark
        .createDataFrame(List.of(RowFactory.create(10.99, 1.0)), doubles)
        .createOrReplaceTempView("fractional");
    spark
        .createDataFrame(List.of(RowFactory.create(10.5, 1.0)), doubles)
        .createOrReplaceTempView("half");
    // Spark's implicit cast to INT would have counted each as 10, a promoter
    assertThatThrownBy(() -> spark.sql("SELECT nps(score) FROM fractional").collectAsList())
        .hasStackTraceContaining(
            "nps: score 10.99 is not a whole number; the NPS scale [0, 10] holds the integers"
                + " from 0 to 10");
    assertThatThrownBy(
            () -> spark.sql("SELECT weighted_nps(score, weight) FROM half").collectAsList())
        .hasStackTraceContaining("weighted_nps: score 10.5 is not a whole number");
    assertThatThrownBy(() -> spark.sql("SELECT csat(score / 3) FROM fractional").collectAsList())
        .hasStackTraceContaining("csat: rating 3.6633333333333336 is not a whole number");
    assertThatThrownBy(() -> spark.sql("SELECT ces(double('NaN')) FROM fractional").collectAsList())
        .hasStackTraceContaining("ces: rating NaN is not a whole number");
    assertThatThrownBy(() -> spark.sql("SELECT nps(1e300) FROM fractional").collectAsList())
        .hasStackTraceContaining("nps: score 1.0E300 is outside the NPS scale [0, 10]");
    // whole numbers in any numeric type are their integers: 9.0, DECIMAL 10.00, BIGINT 6
    Row r =
        spark
            .sql(
                "SELECT nps(s) FROM VALUES (CAST(9.0 AS DOUBLE)), (CAST(10.00 AS DECIMAL(4, 2))),"
                    + " (CAST(6 AS BIGINT)) AS t(s)")
            .collectAsList()
            .get(0)
            .getStruct(0);
    Nps expected = Nps.of(9, 10, 6);
    assertThat(r.<Long>getAs("promoters")).isEqualTo(2);
    assertThat(r.<Long>getAs("detractors")).isEqualTo(1);
    assertThat(r.<Double>getAs("score")).isEqualTo(expected.score());
  }

  @Test
  void resultFieldsComeInTheDocumentedOrderAndExpandWithStar() {
    Dataset<Row> nps =
        spark.sql("SELECT r.* FROM (SELECT nps(score) AS r FROM responses WHERE channel = 'web')");
    assertThat(nps.columns())
        .containsExactly(
            "score",
            "n",
            "promoters",
            "passives",
            "detractors",
            "nulls",
            "standard_error",
            "lower",
            "upper");
    assertThat(spark.sql("SELECT r.* FROM (SELECT csat(rating) AS r FROM responses)").columns())
        .containsExactly(
            "score", "mean", "n", "satisfied", "nulls", "standard_error", "lower", "upper");
    assertThat(spark.sql("SELECT r.* FROM (SELECT ces(rating) AS r FROM responses)").columns())
        .containsExactly(
            "mean", "low_effort_share", "n", "nulls", "standard_deviation", "lower", "upper");
    assertThat(
            spark
                .sql("SELECT r.* FROM (SELECT weighted_nps(score, weight) AS r FROM responses)")
                .columns())
        .containsExactly(
            "score",
            "n",
            "total_weight",
            "effective_sample_size",
            "nulls",
            "standard_error",
            "lower",
            "upper");
    // the expanded columns hold the same figures as the struct
    Row row = nps.collectAsList().get(0);
    int[] web =
        rowsOf("web").stream().filter(r -> !r.isNullAt(1)).mapToInt(r -> r.getInt(1)).toArray();
    assertThat(row.getDouble(0)).isEqualTo(Nps.of(web).score());
    assertThat(row.getLong(1)).isEqualTo(web.length);
  }

  @Test
  void surveyFunctionsRunAsSparksOwnCountingAggregationWithTheTypedAggregatorsResults() {
    Dataset<Row> query =
        spark.sql(
            "SELECT channel, nps(score), csat(rating), ces(rating) FROM responses"
                + " GROUP BY channel ORDER BY channel");
    // named as a call of a registered aggregate is
    assertThat(query.columns())
        .containsExactly("channel", "nps(score)", "csat(rating)", "ces(rating)");
    // counts in code-generated hash aggregation, not an object aggregate over a typed buffer
    String plan = query.queryExecution().executedPlan().toString();
    assertThat(plan)
        .contains("HashAggregate")
        .doesNotContain("ObjectHashAggregate")
        .doesNotContain("SortAggregate");
    // the typed aggregators, registered by hand, give the same structs on the same rows
    spark.udf().register("nps_typed", functions.udaf(CxFunctions.nps(0.95), Encoders.DOUBLE()));
    spark
        .udf()
        .register(
            "csat_typed",
            functions.udaf(
                CxFunctions.csat(Csat.DEFAULT_SCALE, Csat.DEFAULT_SATISFIED_FROM, 0.95),
                Encoders.DOUBLE()));
    spark
        .udf()
        .register(
            "ces_typed",
            functions.udaf(
                CxFunctions.ces(Ces.DEFAULT_SCALE, Ces.DEFAULT_DIRECTION, 0.95),
                Encoders.DOUBLE()));
    List<Row> typed =
        spark
            .sql(
                "SELECT channel, nps_typed(score), csat_typed(rating), ces_typed(rating)"
                    + " FROM responses GROUP BY channel ORDER BY channel")
            .collectAsList();
    assertThat(query.collectAsList()).hasSize(6).isEqualTo(typed);
    // no row at all: zero counts and null statistics, as the core's empty values
    Row empty =
        spark
            .sql("SELECT nps(score), ces(rating) FROM responses WHERE false")
            .collectAsList()
            .get(0);
    assertThat(empty.getStruct(0).<Long>getAs("n")).isZero();
    assertThat(empty.getStruct(0).<Double>getAs("score")).isNull();
    assertThat(empty.getStruct(1).<Double>getAs("mean")).isNull();
  }

  @Test
  void packedCountsDecodeExactlyUpToTheirLimitAndRefuseMore() {
    // aggregates: nulls, n, then a + b * 2^32 per pair of categories; the last category is the rest
    long a = SqlSurveyFunctions.MAX_VALUES - 5;
    long b = 2;
    long packed = a + (b << 32);
    Row largest = RowFactory.create(0L, SqlSurveyFunctions.MAX_VALUES, packed, 1L << 32);
    // five categories: a, b, 0, 1, and the rest 5 - 1 - 2 = 2
    assertThat(SqlSurveyFunctions.counts(largest, 5, "csat")).containsExactly(a, b, 0, 1, 2);
    // a group with no value has null sums
    Row empty = RowFactory.create(3L, 0L, null, null);
    assertThat(SqlSurveyFunctions.counts(empty, 5, "csat")).containsExactly(0, 0, 0, 0, 0);
    Row tooMany = RowFactory.create(0L, SqlSurveyFunctions.MAX_VALUES + 1, 0L);
    assertThatThrownBy(() -> SqlSurveyFunctions.counts(tooMany, 3, "nps"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "nps: a group of 2147483648 values is more than the 2147483647 the SQL function"
                + " counts exactly; aggregate it with the typed aggregator (CxFunctions.nps),"
                + " registered under another name");
  }

  @Test
  void aNonNumericArgumentOrAWrongNumberOfArgumentsFailsNamingIt() {
    assertThatThrownBy(() -> spark.sql("SELECT nps(channel) FROM responses").collectAsList())
        .hasStackTraceContaining("nps: score must be a number, got STRING channel");
    assertThatThrownBy(() -> spark.sql("SELECT csat(rating, score) FROM responses").collectAsList())
        .hasStackTraceContaining("csat takes one argument (rating), got 2");
  }

  @Test
  void aRegisteredFunnelEqualsTheCoresFunnelOfTheSameEvents() {
    List<String> stages = List.of("visit", "cart", "checkout", "purchase");
    CxFunctions.registerFunnel(spark, "checkout_funnel", stages);
    StructType schema =
        new StructType()
            .add("channel", DataTypes.StringType)
            .add("customer", DataTypes.IntegerType, true)
            .add("stage", DataTypes.StringType, true);
    SplittableRandom random = new SplittableRandom(20261201L);
    List<Row> events = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      // a customer's events fall on several partitions; channel "empty" has only null stages
      String channel = i % 97 == 0 ? "empty" : random.nextBoolean() ? "web" : "app";
      Integer customer = random.nextInt(60) == 0 ? null : random.nextInt(500);
      String stage =
          channel.equals("empty") || random.nextInt(50) == 0
              ? null
              : stages.get(Math.min(random.nextInt(4), random.nextInt(4)));
      events.add(RowFactory.create(channel, customer, stage));
    }
    spark.createDataFrame(events, schema).repartition(5).createOrReplaceTempView("events");
    Map<String, Row> results =
        byChannel(
            "SELECT channel, checkout_funnel(customer, stage) AS f FROM events GROUP BY channel");
    assertThat(results).containsOnlyKeys("web", "app", "empty");
    for (String channel : List.of("web", "app")) {
      List<Row> own =
          events.stream()
              .filter(r -> r.getString(0).equals(channel) && !r.isNullAt(1) && !r.isNullAt(2))
              .toList();
      Funnel<String> expected = Funnel.ofEvents(stages, own, r -> r.getInt(1), r -> r.getString(2));
      Row f = results.get(channel);
      assertThat(f.<String>getList(0)).isEqualTo(stages);
      for (int i = 0; i < stages.size(); i++) {
        assertThat(f.<Long>getList(1).get(i)).isEqualTo(expected.reached(stages.get(i)));
      }
      for (int step = 0; step < expected.steps(); step++) {
        assertThat(f.<Double>getList(2).get(step)).isEqualTo(expected.stepConversion(step));
        assertThat(f.<Double>getList(3).get(step))
            .isEqualTo(expected.stepInterval(step, 0.95).lower());
        assertThat(f.<Double>getList(4).get(step))
            .isEqualTo(expected.stepInterval(step, 0.95).upper());
      }
      assertThat(f.getDouble(5)).isEqualTo(expected.overallConversion());
      long skipped =
          events.stream()
              .filter(r -> r.getString(0).equals(channel) && (r.isNullAt(1) || r.isNullAt(2)))
              .count();
      assertThat(f.getLong(6)).isEqualTo(skipped);
    }
    // nobody entered: counts 0, conversions and bounds null
    Row empty = results.get("empty");
    assertThat(empty.<Long>getList(1)).containsExactly(0L, 0L, 0L, 0L);
    assertThat(empty.<Double>getList(2)).containsExactly(null, null, null);
    assertThat(empty.isNullAt(5)).isTrue();
    assertThat(
            spark
                .sql("SELECT f.* FROM (SELECT checkout_funnel(customer, stage) AS f FROM events)")
                .columns())
        .containsExactly(
            "stages",
            "reached",
            "step_conversion",
            "lower",
            "upper",
            "overall_conversion",
            "nulls");
    assertThatThrownBy(
            () -> spark.sql("SELECT checkout_funnel(1, 'refund') FROM events").collectAsList())
        .hasStackTraceContaining(
            "checkout_funnel: stage 'refund' is not one of the funnel's stages [visit, cart,"
                + " checkout, purchase]");
    assertThatThrownBy(() -> CxFunctions.registerFunnel(spark, "f", List.of("visit")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRegisteredDriverAnalysisEqualsTheCoreOnTheSameRows() {
    List<String> drivers = List.of("ease", "support", "price");
    CxFunctions.registerDrivers(spark, "drivers", drivers);
    StructType schema =
        new StructType()
            .add("channel", DataTypes.StringType)
            .add("recommend", DataTypes.IntegerType, true)
            .add("ease", DataTypes.IntegerType, true)
            .add("support", DataTypes.LongType, true)
            .add("price", DataTypes.IntegerType, true);
    SplittableRandom random = new SplittableRandom(20261202L);
    List<Row> survey = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String channel = random.nextBoolean() ? "web" : "app";
      int ease = 1 + random.nextInt(5);
      long support = Math.max(1, Math.min(5, ease + random.nextInt(-2, 3)));
      int price = 1 + random.nextInt(5);
      Integer recommend =
          random.nextInt(40) == 0
              ? null
              : (int)
                  Math.max(
                      0,
                      Math.min(
                          10, Math.round(ease + 0.7 * support - 2 + 1.5 * random.nextGaussian())));
      survey.add(
          RowFactory.create(
              channel, recommend, ease, random.nextInt(30) == 0 ? null : support, price));
    }
    // three complete rows: too few for three drivers
    for (int i = 0; i < 3; i++) {
      survey.add(RowFactory.create("kiosk", 5 + i, 1 + i, (long) (3 - i), 2));
    }
    spark.createDataFrame(survey, schema).repartition(6).createOrReplaceTempView("survey");
    Map<String, Row> results =
        byChannel(
            "SELECT channel, drivers(recommend, ease, support, price) AS d FROM survey"
                + " GROUP BY channel");
    assertThat(results).containsOnlyKeys("web", "app", "kiosk");
    for (String channel : List.of("web", "app", "kiosk")) {
      DriverAccumulator expected = new DriverAccumulator(drivers);
      for (Row r : survey) {
        if (r.getString(0).equals(channel)) {
          expected.acceptWithMissing(
              r.isNullAt(1) ? null : r.getInt(1),
              r.getInt(2),
              r.isNullAt(3) ? null : (int) r.getLong(3),
              r.getInt(4));
        }
      }
      DriverMoments moments = expected.snapshot();
      Row d = results.get(channel);
      assertThat(d.<String>getList(0)).isEqualTo(drivers);
      assertThat(d.<Long>getAs("complete")).isEqualTo(moments.count());
      assertThat(d.<Long>getAs("incomplete")).isEqualTo(moments.incomplete());
      // the co-moments are exact: the encoding is the core's, byte for byte
      assertThat(DriverMoments.fromByteArray(d.<byte[]>getAs("moments"))).isEqualTo(moments);
      assertThat(d.<byte[]>getAs("moments")).isEqualTo(moments.toByteArray());
      assertThat(d.<Double>getList(d.fieldIndex("mean_rating")).get(1)).isEqualTo(moments.mean(2));
      if (channel.equals("kiosk")) {
        assertThat(d.<Double>getAs("r_squared")).isNull();
        assertThat(d.<Object>getAs("lmg")).isNull();
        assertThat(d.<String>getAs("undefined"))
            .isEqualTo("a model of 3 drivers needs at least 5 complete responses; there are 3");
        continue;
      }
      DriverImportance importance = DriverImportance.of(moments);
      assertThat(d.<String>getAs("undefined")).isNull();
      assertThat(d.<Double>getAs("r_squared")).isEqualTo(importance.rSquared());
      for (int j = 0; j < drivers.size(); j++) {
        String driver = drivers.get(j);
        assertThat(d.<Double>getList(d.fieldIndex("lmg")).get(j)).isEqualTo(importance.lmg(driver));
        assertThat(d.<Double>getList(d.fieldIndex("relative_weight")).get(j))
            .isEqualTo(importance.relativeWeight(driver));
        assertThat(d.<Double>getList(d.fieldIndex("share")).get(j))
            .isEqualTo(importance.share(driver));
        assertThat(d.<Double>getList(d.fieldIndex("correlation")).get(j))
            .isEqualTo(importance.correlation(driver));
        assertThat(d.<Double>getList(d.fieldIndex("standardized_coefficient")).get(j))
            .isEqualTo(importance.standardizedCoefficient(driver));
      }
    }
    assertThatThrownBy(
            () ->
                spark
                    .sql("SELECT drivers(recommend, ease + 0.5, support, price) FROM survey")
                    .collectAsList())
        .hasStackTraceContaining("drivers: ease ")
        .hasStackTraceContaining(
            ".5 is not a whole number; an int rating holds the integers from -2147483648 to"
                + " 2147483647");
    assertThatThrownBy(() -> CxFunctions.registerDrivers(spark, "d", List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("driver a is named twice");
  }

  @Test
  void aRegisteredWindowedFunnelEqualsTheCoreOnTheSameTimedEvents() {
    List<String> stages = List.of("visit", "signup", "buy");
    WindowedFunnel<String> funnel =
        WindowedFunnel.of(stages, Duration.ofHours(48), FunnelOrder.ORDERED)
            .withStepWindow(1, Duration.ofHours(12))
            .excluding("cancel", 1)
            .withResolution(Duration.ofMinutes(1));
    Instant end = Instant.parse("2026-03-10T00:00:00Z");
    CxFunctions.registerWindowedFunnel(spark, "two_days", funnel, end);
    StructType schema =
        new StructType()
            .add("channel", DataTypes.StringType)
            .add("customer", DataTypes.StringType, true)
            .add("stage", DataTypes.StringType, true)
            .add("at", DataTypes.TimestampType, true);
    SplittableRandom random = new SplittableRandom(20261202L);
    List<String> codes = List.of("visit", "signup", "buy", "cancel");
    List<Row> events = new ArrayList<>();
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 5000; i++) {
      // each customer's events in one channel, spread over partitions by the repartition below;
      // times in microseconds, some in the last two days (customers still in progress)
      int c = random.nextInt(600);
      String channel = c % 3 == 0 ? "web" : "app";
      String customer = random.nextInt(80) == 0 ? null : "u" + c;
      String stage = codes.get(Math.min(random.nextInt(4), random.nextInt(4)));
      Instant at =
          random.nextInt(70) == 0
              ? null
              : start.plusNanos(random.nextLong(9L * 86_400_000_000L) * 1000L);
      events.add(
          RowFactory.create(
              channel, customer, stage, at == null ? null : java.sql.Timestamp.from(at)));
    }
    spark.createDataFrame(events, schema).repartition(5).createOrReplaceTempView("timed_events");
    Map<String, Row> results =
        byChannel(
            "SELECT channel, two_days(customer, stage, at) AS f FROM timed_events GROUP BY channel");
    assertThat(results).containsOnlyKeys("web", "app");
    for (String channel : List.of("web", "app")) {
      List<Row> own =
          events.stream()
              .filter(r -> r.getString(0).equals(channel))
              .filter(r -> !r.isNullAt(1) && !r.isNullAt(3))
              .toList();
      FunnelResult<String> expected =
          funnel.count(
              own,
              r -> r.getString(1),
              r -> r.getString(2),
              r -> r.getTimestamp(3).toInstant(),
              end);
      Row f = results.get(channel);
      List<Long> reached = f.getList(f.fieldIndex("reached"));
      assertThat(reached)
          .containsExactly(
              expected.decided().reached("visit"),
              expected.decided().reached("signup"),
              expected.decided().reached("buy"));
      assertThat(f.<Long>getList(f.fieldIndex("in_progress")))
          .containsExactly(expected.inProgress(0), expected.inProgress(1));
      assertThat(expected.inProgress()).isPositive();
      assertThat(f.<Long>getAs("not_started")).isEqualTo(expected.notStarted());
      assertThat(f.<Double>getList(f.fieldIndex("step_conversion")).get(0))
          .isEqualTo(expected.decided().stepConversion(0));
      assertThat(f.<Double>getList(f.fieldIndex("lower")).get(1))
          .isEqualTo(expected.decided().stepInterval(1, 0.95).lower());
      for (int step = 0; step < 2; step++) {
        ConversionTimes times = expected.conversionTimes(step);
        assertThat(f.<Long>getList(f.fieldIndex("conversions")).get(step)).isEqualTo(times.count());
        assertThat(f.<Double>getList(f.fieldIndex("median_seconds")).get(step))
            .isEqualTo((double) times.median().getSeconds());
        assertThat(f.<Double>getList(f.fieldIndex("p90_seconds")).get(step))
            .isEqualTo((double) times.quantile(0.9).getSeconds());
      }
      long nulls =
          events.stream()
              .filter(r -> r.getString(0).equals(channel))
              .filter(r -> r.isNullAt(1) || r.isNullAt(3))
              .count();
      assertThat(f.<Long>getAs("nulls")).isEqualTo(nulls).isPositive();
    }
    // a stage outside the funnel and an event after the observation end fail naming them
    assertThatThrownBy(
            () ->
                spark
                    .sql("SELECT two_days('u1', 'refund', TIMESTAMP'2026-03-02 00:00:00Z')")
                    .collectAsList())
        .hasStackTraceContaining(
            "two_days: stage 'refund' is neither a stage of the funnel [visit, signup, buy] nor an"
                + " exclusion [cancel]");
    assertThatThrownBy(
            () ->
                spark
                    .sql("SELECT two_days('u1', 'visit', TIMESTAMP'2026-03-11 00:00:00Z')")
                    .collectAsList())
        .hasStackTraceContaining(
            "two_days: the event of u1 at 2026-03-11T00:00:00Z is after the observation end"
                + " 2026-03-10T00:00:00Z");
  }

  @Test
  void registeredEventRetentionEqualsTheCoreOnTheSameEvents() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    Instant end = Instant.parse("2026-04-01T00:00:00Z");
    RetentionPeriods weeks = RetentionPeriods.calendar(PeriodUnit.WEEK, paris);
    RetentionPeriods rolling =
        RetentionPeriods.rolling(Duration.ofDays(10), PeriodUnit.MONTH, paris);
    CxFunctions.registerRetention(spark, "weekly_retention", weeks, end);
    CxFunctions.registerRetention(spark, "rolling_retention", rolling, end, 0.9);
    CxFunctions.registerStickiness(spark, "sticky", PeriodUnit.WEEK, paris, 4, end);
    CxFunctions.registerLifecycle(spark, "weekly_lifecycle", PeriodUnit.WEEK, paris, end);
    StructType schema =
        new StructType()
            .add("plan", DataTypes.StringType)
            .add("customer", DataTypes.StringType, true)
            .add("event", DataTypes.StringType)
            .add("at", DataTypes.TimestampType, true);
    SplittableRandom random = new SplittableRandom(20261203L);
    List<Row> events = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    long span = Duration.between(start, end).toNanos() / 1000;
    for (int i = 0; i < 4000; i++) {
      int c = random.nextInt(400);
      String plan = c % 2 == 0 ? "free" : "paid";
      String customer = random.nextInt(90) == 0 ? null : "c" + c;
      String event = random.nextInt(5) == 0 ? "signup" : "purchase";
      Instant at = random.nextInt(90) == 0 ? null : start.plusNanos(random.nextLong(span) * 1000);
      events.add(
          RowFactory.create(
              plan, customer, event, at == null ? null : java.sql.Timestamp.from(at)));
    }
    spark.createDataFrame(events, schema).repartition(6).createOrReplaceTempView("activity");
    Map<String, Row> table =
        byChannel(
            "SELECT plan, weekly_retention(customer, at, event = 'signup', event = 'purchase')"
                + " FROM activity GROUP BY plan");
    Map<String, Row> roll =
        byChannel(
            "SELECT plan, rolling_retention(customer, at, event = 'signup', true)"
                + " FROM activity GROUP BY plan");
    Map<String, Row> sticky =
        byChannel("SELECT plan, sticky(customer, at) FROM activity GROUP BY plan");
    Map<String, Row> lifecycle =
        byChannel("SELECT plan, weekly_lifecycle(customer, at) FROM activity GROUP BY plan");
    for (String plan : List.of("free", "paid")) {
      List<Row> own =
          events.stream()
              .filter(r -> r.getString(0).equals(plan) && !r.isNullAt(1) && !r.isNullAt(3))
              .toList();
      long nulls = events.stream().filter(r -> r.getString(0).equals(plan)).count() - own.size();
      EventRetention<Row> core =
          EventRetention.<Row>of(r -> r.getString(1), r -> r.getTimestamp(3).toInstant())
              .startingWith(r -> r.getString(2).equals("signup"))
              .activeWhen(r -> r.getString(2).equals("purchase"));
      checkTable(table.get(plan), core.table(own, weeks, end), 0.95, nulls);
      checkTable(roll.get(plan), core.activeWhen(r -> true).table(own, rolling, end), 0.9, nulls);
      // stickiness and lifecycle count every event as activity
      EventRetention<Row> every = core.activeWhen(r -> true);
      Stickiness expectedSticky = every.stickiness(own, PeriodUnit.WEEK, paris, 4, end);
      Row s = sticky.get(plan);
      assertThat(s.getDate(0).toLocalDate()).isEqualTo(expectedSticky.firstPeriod());
      assertThat(s.<Long>getList(1))
          .containsExactly(
              expectedSticky.customersActiveIn(1),
              expectedSticky.customersActiveIn(2),
              expectedSticky.customersActiveIn(3),
              expectedSticky.customersActiveIn(4));
      assertThat(s.<Double>getAs("ratio")).isEqualTo(expectedSticky.ratio());
      assertThat(s.<Long>getAs("nulls")).isEqualTo(nulls).isPositive();
      Lifecycle expectedLifecycle = every.lifecycle(own, PeriodUnit.WEEK, paris, end);
      List<Row> periods = lifecycle.get(plan).getList(0);
      assertThat(periods).hasSize(expectedLifecycle.periods().size()).hasSizeGreaterThan(10);
      for (int k = 0; k < periods.size(); k++) {
        Lifecycle.Period p = expectedLifecycle.periods().get(k);
        Row r = periods.get(k);
        assertThat(r.getDate(0).toLocalDate()).isEqualTo(p.start());
        assertThat(List.of(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)))
            .containsExactly(p.newCustomers(), p.returning(), p.resurrecting(), p.dormant());
      }
    }
    assertThatThrownBy(
            () -> spark.sql("SELECT sticky('c1', TIMESTAMP'2026-04-02 00:00:00Z')").collectAsList())
        .hasStackTraceContaining(
            "sticky: the event of c1 at 2026-04-02T00:00:00Z is after the observation end"
                + " 2026-04-01T00:00:00Z");
    assertThatThrownBy(
            () -> CxFunctions.registerStickiness(spark, "never", PeriodUnit.WEEK, paris, 0, end))
        .hasMessage("periods (0) must be >= 1");
  }

  private static void checkTable(Row r, RetentionTable expected, double level, long nulls) {
    List<Row> cohorts = r.getList(0);
    assertThat(cohorts).hasSize(expected.cohorts().size()).isNotEmpty();
    for (int c = 0; c < cohorts.size(); c++) {
      RetentionTable.Row cohort = expected.cohorts().get(c);
      Row row = cohorts.get(c);
      assertThat(row.getDate(0).toLocalDate()).isEqualTo(cohort.start());
      assertThat(row.getLong(1)).isEqualTo(cohort.customers());
      List<Long> returned = row.getList(3);
      List<Long> orLater = row.getList(4);
      assertThat(returned).hasSize(cohort.periodsObserved());
      for (int k = 0; k < returned.size(); k++) {
        assertThat(returned.get(k)).isEqualTo(cohort.returned(k));
        assertThat(orLater.get(k)).isEqualTo(cohort.returnedOrLater(k));
      }
    }
    List<Double> retention = r.getList(1);
    List<Double> lower = r.getList(2);
    List<Double> unbounded = r.getList(4);
    assertThat(retention).hasSize(expected.periodsObserved());
    for (int k = 0; k < retention.size(); k++) {
      assertThat(retention.get(k)).isEqualTo(expected.retention(k).score());
      assertThat(lower.get(k)).isEqualTo(expected.retention(k).confidenceInterval(level).lower());
      assertThat(unbounded.get(k)).isEqualTo(expected.unboundedRetention(k).score());
    }
    assertThat(r.<Long>getAs("customers")).isEqualTo(expected.customers());
    assertThat(r.<Long>getAs("customers_without_start"))
        .isEqualTo(expected.customersWithoutStart());
    assertThat(r.<Long>getAs("nulls")).isEqualTo(nulls);
  }

  @Test
  void registeredCohortsEqualTheCoresTableOfTheSameRecords() {
    LocalDate end = LocalDate.of(2026, 6, 30);
    CxFunctions.registerCohorts(spark, "monthly", PeriodUnit.MONTH, end);
    StructType schema =
        new StructType()
            .add("plan", DataTypes.StringType)
            .add("customer", DataTypes.StringType, true)
            .add("day", DataTypes.DateType, true);
    SplittableRandom random = new SplittableRandom(7L);
    List<Row> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String plan = random.nextBoolean() ? "basic" : "pro";
      String customer = random.nextInt(80) == 0 ? null : "c" + random.nextInt(400);
      // days from 2025-07-01 to the end, June 2026 complete; some customers start in the last
      // month
      LocalDate day = random.nextInt(90) == 0 ? null : end.minusDays(random.nextInt(365));
      records.add(
          RowFactory.create(plan, customer, day == null ? null : java.sql.Date.valueOf(day)));
    }
    spark.createDataFrame(records, schema).repartition(6).createOrReplaceTempView("activity");
    Map<String, Row> results =
        byChannel("SELECT plan, monthly(customer, day) AS c FROM activity GROUP BY plan");
    for (String plan : List.of("basic", "pro")) {
      List<Row> own =
          records.stream()
              .filter(r -> r.getString(0).equals(plan) && !r.isNullAt(1) && !r.isNullAt(2))
              .toList();
      CohortTable expected =
          CohortTable.of(
              own, r -> r.getString(1), r -> r.getDate(2).toLocalDate(), PeriodUnit.MONTH, end);
      Row c = results.get(plan);
      List<Row> cohorts = c.getList(0);
      assertThat(cohorts).hasSize(expected.cohorts().size());
      for (int i = 0; i < cohorts.size(); i++) {
        Cohort e = expected.cohorts().get(i);
        Row row = cohorts.get(i);
        assertThat(row.getDate(0).toLocalDate()).isEqualTo(e.start());
        assertThat(row.getLong(1)).isEqualTo(e.size());
        List<Long> active = row.getList(2);
        List<Double> retention = row.getList(3);
        assertThat(active).hasSize(e.periodsObserved());
        for (int k = 0; k < e.periodsObserved(); k++) {
          assertThat(active.get(k)).isEqualTo(e.active(k));
          assertThat(retention.get(k)).isEqualTo(e.retentionRate(k));
        }
      }
      double[] curve = expected.averageCurve();
      List<Double> average = c.getList(1);
      assertThat(average).hasSize(curve.length);
      for (int k = 0; k < curve.length; k++) {
        assertThat(average.get(k)).isEqualTo(curve[k]);
      }
      assertThat(c.getLong(2)).isEqualTo(expected.customers());
      assertThat(c.getLong(3)).isEqualTo(expected.unreportedCustomers());
      long skipped =
          records.stream()
              .filter(r -> r.getString(0).equals(plan) && (r.isNullAt(1) || r.isNullAt(2)))
              .count();
      assertThat(c.getLong(4)).isEqualTo(skipped);
    }
    assertThatThrownBy(
            () ->
                spark.sql("SELECT monthly('c1', DATE '2026-07-01') FROM activity").collectAsList())
        .hasStackTraceContaining(
            "monthly: activity on 2026-07-01 of customer c1 is after the observation end"
                + " 2026-06-30");
  }

  /** The SQL of the README's Spark section, verbatim. */
  static final String README_SQL =
      "SELECT channel, nps(score).score AS nps, nps(score).n AS n "
          + "FROM responses GROUP BY channel ORDER BY channel";

  @Test
  void readmeExampleRuns() {
    List<Row> result = spark.sql(README_SQL).collectAsList();
    assertThat(result)
        .extracting(r -> r.getString(0))
        .containsExactly("app", "kiosk", "mail", "phone", "store", "web");
    for (Row row : result) {
      int[] own =
          rowsOf(row.getString(0)).stream()
              .filter(r -> !r.isNullAt(1))
              .mapToInt(r -> r.getInt(1))
              .toArray();
      assertThat(row.getLong(2)).isEqualTo(own.length);
      if (own.length > 0) {
        assertThat(row.getDouble(1)).isEqualTo(Nps.of(own).score());
      } else {
        assertThat(row.isNullAt(1)).isTrue();
      }
    }
  }
}
