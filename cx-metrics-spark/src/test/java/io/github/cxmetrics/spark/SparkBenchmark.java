package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.Nps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
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
    // the same aggregation over INT input, which Spark reaches by casting (and truncating) any
    // numeric column: what the whole-number check on DOUBLE input costs
    spark.udf().register("nps_int", functions.udaf(new IntNps(), Encoders.INT()));
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
        "nps over INT input (truncating; not registered)",
        new String[] {
          "SELECT grp, nps_int(score) FROM answers GROUP BY grp",
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
    System.out.printf(
        "%,d cached rows in %d groups, local[2], %d runs each (ms per query)%n",
        cached, groups, runs);
    System.out.println(
        "| function | library, median | native SQL, median | ratio | runs (library) |");
    System.out.println("|---|---:|---:|---:|---|");
    for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
      String library = pair.getValue()[0];
      String nativeSql = pair.getValue()[1];
      // one warm-up of each
      time(spark, library);
      time(spark, nativeSql);
      List<Double> ours = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        ours.add(time(spark, library));
        theirs.add(time(spark, nativeSql));
      }
      double a = median(ours);
      double b = median(theirs);
      System.out.printf(
          "| `%s` | %.0f | %.0f | %.2f | %s |%n", pair.getKey(), a, b, a / b, format(ours));
    }
    spark.stop();
  }

  /** {@code nps} as it was before inputs were read as doubles: INT input, the score only. */
  private static final class IntNps extends Aggregator<Integer, NpsBuffer, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public NpsBuffer zero() {
      return new NpsBuffer();
    }

    @Override
    public NpsBuffer reduce(NpsBuffer buffer, Integer score) {
      if (score == null) {
        buffer.nulls++;
      } else if (score < 0 || score > 10) {
        throw new IllegalArgumentException("nps_int: score " + score + " is outside [0, 10]");
      } else {
        buffer.counts.accept(score);
      }
      return buffer;
    }

    @Override
    public NpsBuffer merge(NpsBuffer a, NpsBuffer b) {
      a.counts.combine(b.counts);
      a.nulls += b.nulls;
      return a;
    }

    @Override
    public Double finish(NpsBuffer buffer) {
      Nps nps = buffer.counts.snapshot();
      return nps.isEmpty() ? null : nps.score();
    }

    @Override
    public Encoder<NpsBuffer> bufferEncoder() {
      return Encoders.javaSerialization(NpsBuffer.class);
    }

    @Override
    public Encoder<Double> outputEncoder() {
      return Encoders.DOUBLE();
    }
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
