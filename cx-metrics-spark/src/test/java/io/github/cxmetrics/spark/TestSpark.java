package io.github.cxmetrics.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the module's tests ({@code local[2]}, loopback only), started by
 * the first test class that asks and stopped by Spark's shutdown hook, so that the test classes do
 * not each pay for a start.
 */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("cx-metrics-spark-test")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "4")
              .getOrCreate();
    }
    return session;
  }
}
