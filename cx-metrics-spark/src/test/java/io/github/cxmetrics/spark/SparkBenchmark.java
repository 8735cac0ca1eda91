package io.github.cxmetrics.spark;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.journey.FunnelOrder;
import io.github.cxmetrics.journey.WindowedFunnel;
import io.github.cxmetrics.retention.RetentionPeriods;
import io.github.cxmetrics.value.BgNbd;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The registered functions against the Spark SQL a user writes without the library, on {@code
 * local[2]} over cached rows in groups: each query's wall time per run, the two of a pair run
 * alternately so that both see the same machine, the median of the runs and its ratio to the native
 * query's. Run with {@code mvn -B -pl cx-metrics-spark -am -DskipTests test-compile exec:exec}
 * ({@code -Dspark.bench.args="rows groups runs"}, default 20,000,000 rows, 100 groups, 5 runs).
 *
 * <p>The native queries compute the same score and check the range as the functions do, failing the
 * query on a bad value ({@code raise_error}); they give no interval, no standard error and, for
 * weights, no exact sums.
 */
public final class SparkBenchmark {
  private SparkBenchmark() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("cx-metrics-spark-benchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    CxFunctions.register(spark);
    // the typed aggregator, as a user registers it for window functions or FILTER clauses
    spark.udf().register("nps_typed", functions.udaf(CxFunctions.nps(0.95), Encoders.DOUBLE()));
    CxFunctions.registerFunnel(spark, "checkout", List.of("visit", "cart", "purchase"));
    CxFunctions.registerCohorts(spark, "monthly", PeriodUnit.MONTH, LocalDate.of(2025, 12, 31));
    Instant end = Instant.parse("2026-01-01T00:00:00Z");
    CxFunctions.registerWindowedFunnel(
        spark,
        "weekly_checkout",
        WindowedFunnel.of(
            List.of("visit", "cart", "purchase"), Duration.ofDays(7), FunnelOrder.ORDERED),
        end);
    CxFunctions.registerRetention(
        spark, "weekly_retention", RetentionPeriods.calendar(PeriodUnit.WEEK, ZoneOffset.UTC), end);
    // the CDNOW sample's published BG/NBD (Fader, Hardie & Lee 2005)
    CxClv.registerScoring(spark, BgNbd.of(0.243, 4.414, 0.793, 2.426));
    // pseudo-random scores, ratings, weights and groups from the row number, cached in memory
    spark
        .range(rows)
        .selectExpr(
            "CAST(pmod(hash(id, 1), " + groups + ") AS INT) AS grp",
            "CAST(pmod(hash(id, 2), 11) AS INT) AS score",
            "CAST(1 + pmod(hash(id, 3), 5) AS INT) AS rating",
            "0.5D + pmod(hash(id, 4), 1000) / 1000D AS weight")
        .cache()
        .createOrReplaceTempView("answers");
    long cached = spark.table("answers").count();
    // journey events and activity: a quarter as many rows, about 20 per customer, customers in
    // one group each; and customer summaries (x, t_x, T in weeks) for scoring
    long journeyRows = rows / 4;
    spark
        .range(journeyRows)
        .selectExpr("pmod(hash(id, 5), " + Math.max(1, journeyRows / 20) + ") AS c")
        .selectExpr(
            "CAST(pmod(hash(c, 1), " + groups + ") AS INT) AS grp",
            "CAST(c AS STRING) AS customer",
            "element_at(array('visit', 'cart', 'purchase'), 1 + CAST(pmod(hash(c, rand(7)), 3)"
                + " AS INT)) AS stage",
            "date_add(DATE'2025-01-01', CAST(pmod(hash(c, rand(8)), 365) AS INT)) AS day",
            "CAST(pmod(hash(c, rand(9)), 86400) AS INT) AS second")
        .selectExpr(
            "grp",
            "customer",
            "stage",
            "day",
            "timestamp_seconds(unix_timestamp(CAST(day AS TIMESTAMP)) + second) AS at")
        .cache()
        .createOrReplaceTempView("events");
    spark.table("events").count();
    spark
        .range(rows / 4)
        .selectExpr(
            "CAST(pmod(hash(id, 1), " + groups + ") AS INT) AS grp",
            "CAST(pmod(hash(id, 2), 20) AS INT) AS x",
            "39.0 * pmod(hash(id, 3), 1000) / 1000 AS t_x")
        .selectExpr("grp", "x", "CASE WHEN x = 0 THEN 0 ELSE t_x END AS t_x", "39.0D AS T")
        .cache()
        .createOrReplaceTempView("customers");
    spark.table("customers").count();
    String check = "CASE WHEN %1$s BETWEEN %2$d AND %3$d THEN false ELSE raise_error('bad') END";
    Map<String, String[]> pairs = new LinkedHashMap<>();
    pairs.put(
        "nps(score)",
        new String[] {
          "SELECT grp, nps(score).score FROM answers GROUP BY grp",
          "SELECT grp, 100.0 * (count_if(score >= 9) - count_if(score <= 6)) / count(score),"
              + " count_if("
              + String.format(check, "score", 0, 10)
              + ") FROM answers GROUP BY grp"
        });
    pairs.put(
        "nps(score) as the typed aggregator (not registered; windows, FILTER)",
        new String[] {
          "SELECT grp, nps_typed(score).score FROM answers GROUP BY grp",
          "SELECT grp, 100.0 * (count_if(score >= 9) - count_if(score <= 6)) / count(score),"
              + " count_if("
              + String.format(check, "score", 0, 10)
              + ") FROM answers GROUP BY grp"
        });
    pairs.put(
        "csat(rating)",
        new String[] {
          "SELECT grp, csat(rating).score FROM answers GROUP BY grp",
          "SELECT grp, 100.0 * count_if(rating >= 4) / count(rating), count_if("
              + String.format(check, "rating", 1, 5)
              + ") FROM answers GROUP BY grp"
        });
    pairs.put(
        "ces(rating)",
        new String[] {
          "SELECT grp, ces(rating).mean FROM answers GROUP BY grp",
          "SELECT grp, avg(rating), stddev_samp(rating), count_if("
              + String.format(check, "rating", 1, 5)
              + ") FROM answers GROUP BY grp"
        });
    pairs.put(
        "weighted_nps(score, weight)",
        new String[] {
          "SELECT grp, weighted_nps(score, weight).score FROM answers GROUP BY grp",
          "SELECT grp, 100.0 * (sum(CASE WHEN score >= 9 THEN weight ELSE 0 END)"
              + " - sum(CASE WHEN score <= 6 THEN weight ELSE 0 END)) / sum(weight),"
              + " count_if("
              + String.format(check, "score", 0, 10)
              + ") FROM answers GROUP BY grp"
        });
    pairs.put(
        "checkout(customer, stage), a registered funnel",
        new String[] {
          "SELECT grp, checkout(customer, stage).reached FROM events GROUP BY grp",
          "SELECT grp, count(*), count_if(m >= 1), count_if(m >= 2) FROM (SELECT grp, customer,"
              + " max(CASE stage WHEN 'visit' THEN 0 WHEN 'cart' THEN 1 WHEN 'purchase' THEN 2"
              + " ELSE raise_error('bad') END) AS m FROM events GROUP BY grp, customer)"
              + " GROUP BY grp"
        });
    pairs.put(
        "monthly(customer, day), registered cohorts",
        new String[] {
          "SELECT grp, monthly(customer, day).average_curve FROM events GROUP BY grp",
          "WITH active AS (SELECT DISTINCT grp, customer, trunc(day, 'MM') AS m FROM events),"
              + " firsts AS (SELECT grp, customer, min(m) AS c FROM active GROUP BY grp, customer)"
              + " SELECT grp, collect_list(struct(c, k, n)) FROM (SELECT a.grp, f.c,"
              + " CAST(months_between(a.m, f.c) AS INT) AS k, count(*) AS n FROM active a JOIN"
              + " firsts f ON a.grp = f.grp AND a.customer = f.customer GROUP BY a.grp, f.c, k)"
              + " GROUP BY grp"
        });
    // no native equivalent: the time per query alone
    pairs.put(
        "weekly_checkout(customer, stage, at), a windowed funnel (7 days, ordered)",
        new String[] {
          "SELECT grp, weekly_checkout(customer, stage, at).reached FROM events GROUP BY grp", null
        });
    pairs.put(
        "weekly_retention(customer, at, stage = 'visit', stage = 'purchase'), event retention",
        new String[] {
          "SELECT grp, weekly_retention(customer, at, stage = 'visit', stage = 'purchase')"
              + ".retention FROM events GROUP BY grp",
          null
        });
    // P(alive) of the BG/NBD in closed form (Fader, Hardie & Lee 2005, eq. 11), as SQL
    pairs.put(
        "p_alive(x, t_x, T), BG/NBD, per customer row (summed)",
        new String[] {
          "SELECT grp, sum(p_alive(x, t_x, T)) FROM customers GROUP BY grp",
          "SELECT grp, sum(CASE WHEN x = 0 THEN 1D ELSE 1D / (1D + 0.793D / (2.426D + x - 1)"
              + " * pow((4.414D + T) / (4.414D + t_x), 0.243D + x)) END) FROM customers"
              + " GROUP BY grp"
        });
    System.out.printf(
        "%,d cached rows in %d groups, local[2], %d runs each (ms per query); %,d events, %,d"
            + " customer summaries%n",
        cached, groups, runs, journeyRows, rows / 4);
    System.out.println(
        "| function | library, median | native SQL, median | ratio | runs (library) |");
    System.out.println("|---|---:|---:|---:|---|");
    for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
      String library = pair.getValue()[0];
      String nativeSql = pair.getValue()[1];
      // one warm-up of each
      time(spark, library);
      if (nativeSql != null) {
        time(spark, nativeSql);
      }
      List<Double> ours = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        ours.add(time(spark, library));
        if (nativeSql != null) {
          theirs.add(time(spark, nativeSql));
        }
      }
      double a = median(ours);
      if (nativeSql == null) {
        System.out.printf("| `%s` | %.0f | n/a | n/a | %s |%n", pair.getKey(), a, format(ours));
      } else {
        double b = median(theirs);
        System.out.printf(
            "| `%s` | %.0f | %.0f | %.2f | %s |%n", pair.getKey(), a, b, a / b, format(ours));
      }
    }
    spark.stop();
  }

  private static double time(SparkSession spark, String sql) {
    long start = System.nanoTime();
    Dataset<Row> result = spark.sql(sql);
    int n = result.collectAsList().size();
    if (n == 0) {
      throw new IllegalStateException("no groups in " + sql);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static String format(List<Double> values) {
    return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
  }
}
