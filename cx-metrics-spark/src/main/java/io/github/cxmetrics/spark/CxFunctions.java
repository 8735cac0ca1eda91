package io.github.cxmetrics.spark;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.journey.WindowedFunnel;
import io.github.cxmetrics.retention.EventRetention;
import io.github.cxmetrics.retention.RetentionPeriods;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.RatingScale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Registers the cx-metrics aggregate functions in a Spark session, for SQL, the DataFrame API and
 * PySpark alike:
 *
 * <pre>{@code
 * CxFunctions.register(spark);
 * spark.sql("SELECT channel, nps(score) AS nps FROM responses GROUP BY channel");
 * }</pre>
 *
 * <table>
 *   <caption>The registered functions</caption>
 *   <tr><th>function</th><th>input</th><th>result struct, in field order</th></tr>
 *   <tr><td>{@code nps(score)}</td><td>whole numbers 0..10</td>
 *       <td>{@code score, n, promoters, passives, detractors, nulls, standard_error, lower,
 *       upper}</td></tr>
 *   <tr><td>{@code csat(rating)}</td><td>whole numbers 1..5, 4 and 5 satisfied</td>
 *       <td>{@code score, mean, n, satisfied, nulls, standard_error, lower, upper}</td></tr>
 *   <tr><td>{@code ces(rating)}</td><td>whole numbers 1..5, lower is less effort</td>
 *       <td>{@code mean, low_effort_share, n, nulls, standard_deviation, lower, upper}</td></tr>
 *   <tr><td>{@code weighted_nps(score, weight)}</td><td>whole numbers 0..10, DOUBLE &gt;= 0</td>
 *       <td>{@code score, n, total_weight, effective_sample_size, nulls, standard_error, lower,
 *       upper}</td></tr>
 * </table>
 *
 * <p>Field names are SQL's snake_case; {@code SELECT r.* FROM (SELECT nps(score) AS r ...)} expands
 * a struct into columns in that order. The inputs reach the functions as doubles (Spark casts an
 * INT, BIGINT or DECIMAL column implicitly), so an integral value such as {@code 9.0} counts as
 * {@code 9}, and a value that is not a whole number ({@code 10.99}, {@code NaN}) fails the query
 * naming the function and the value instead of being truncated.
 *
 * <p>Nulls are skipped and counted in each result's {@code nulls}; a value off its scale (or a bad
 * weight) fails the query with an error naming it; a group with no non-null value gives null
 * scores. Other scales: register {@link #csat(RatingScale, int, double)} or {@link
 * #ces(RatingScale, EffortDirection, double)} under a name of your choice with {@code
 * spark.udf().register(name, functions.udaf(aggregator, Encoders.DOUBLE()))}.
 *
 * <p>In a classic (non-Connect) session, {@code nps}, {@code csat} and {@code ces} are registered
 * as functions that expand, when a query is analysed, into Spark's own counting aggregates ({@code
 * count}, a {@code count_if} per category or rating, the whole-number and range check) and one
 * per-group function that builds the core's value from the counts: the per-row work is Spark's
 * code-generated hash aggregation, and the counts are the whole state of the core's value, so the
 * result is the one the typed aggregators ({@link #nps(double)}, {@link #csat(RatingScale, int,
 * double)}, {@link #ces(RatingScale, EffortDirection, double)}) give. An expanded function cannot
 * be a window function or take {@code DISTINCT} or {@code FILTER} (Spark refuses the query); the
 * typed aggregators, registered under another name, can. A call with other than one argument, or
 * with a non-numeric one, fails the analysis naming the function and the argument. On other
 * sessions the typed aggregators are registered under the three names.
 */
public final class CxFunctions {
  /** The confidence level of the intervals of {@link #register(SparkSession)}. */
  public static final double DEFAULT_LEVEL = 0.95;

  private CxFunctions() {}

  /**
   * Registers {@code nps}, {@code csat}, {@code ces} and {@code weighted_nps} with 95% intervals.
   *
   * @param spark the session
   * @throws NullPointerException if {@code spark} is null
   */
  public static void register(SparkSession spark) {
    register(spark, DEFAULT_LEVEL);
  }

  /**
   * Registers {@code nps}, {@code csat}, {@code ces} and {@code weighted_nps} with intervals at
   * {@code level}.
   *
   * @param spark the session
   * @param level the confidence level of the intervals, in (0, 1)
   * @throws NullPointerException if {@code spark} is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static void register(SparkSession spark, double level) {
    Objects.requireNonNull(spark, "spark");
    Buffers.checkLevel(level);
    if (!SqlSurveyFunctions.register(spark, level)) {
      spark.udf().register("nps", functions.udaf(nps(level), Encoders.DOUBLE()));
      spark
          .udf()
          .register(
              "csat",
              functions.udaf(
                  csat(Csat.DEFAULT_SCALE, Csat.DEFAULT_SATISFIED_FROM, level), Encoders.DOUBLE()));
      spark
          .udf()
          .register(
              "ces",
              functions.udaf(
                  ces(Ces.DEFAULT_SCALE, Ces.DEFAULT_DIRECTION, level), Encoders.DOUBLE()));
    }
    spark
        .udf()
        .register(
            "weighted_nps",
            functions.udaf(
                weightedNps(level), Encoders.tuple(Encoders.DOUBLE(), Encoders.DOUBLE())));
  }

  /**
   * Registers a funnel as the aggregate function {@code name(customer, stage)} over events
   * "customer reached stage", with 95% Wilson intervals per step; see {@link FunnelAggregator} for
   * the result and {@link #registerFunnel(SparkSession, String, List, double)}.
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param stages the stages in order, at least two, distinct and not null
   * @throws NullPointerException if an argument or a stage is null
   * @throws IllegalArgumentException if the stages are fewer than two or repeated
   */
  public static void registerFunnel(SparkSession spark, String name, List<String> stages) {
    registerFunnel(spark, name, stages, DEFAULT_LEVEL);
  }

  /**
   * Registers a funnel as the aggregate function {@code name(customer, stage)}: per group, each
   * customer counts at the furthest stage of their events and at every stage before it, exactly as
   * {@code Funnel.ofEvents} on the same events; the customer and stage columns are read as strings.
   *
   * <pre>{@code
   * CxFunctions.registerFunnel(spark, "checkout", List.of("visit", "cart", "purchase"));
   * spark.sql("SELECT channel, checkout(customer, stage) AS f FROM events GROUP BY channel");
   * }</pre>
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param stages the stages in order, at least two, distinct and not null
   * @param level the confidence level of the step intervals, in (0, 1)
   * @throws NullPointerException if an argument or a stage is null
   * @throws IllegalArgumentException if the stages are fewer than two or repeated, or {@code level}
   *     is outside (0, 1)
   */
  public static void registerFunnel(
      SparkSession spark, String name, List<String> stages, double level) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(name, "name");
    spark
        .udf()
        .register(
            name,
            functions.udaf(
                new FunnelAggregator(name, stages, level),
                Encoders.tuple(Encoders.STRING(), Encoders.STRING())));
  }

  /**
   * Registers a windowed funnel as the aggregate function {@code name(customer, stage, time)} over
   * timestamped events, with 95% Wilson intervals per step; see {@link WindowedFunnelAggregator}
   * for the result and {@link #registerWindowedFunnel(SparkSession, String, WindowedFunnel,
   * Instant, double)}.
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param funnel the definition: stages, window, order, step windows, exclusions, resolution
   * @param observationEnd the end of the observation; a later event fails the query
   * @throws NullPointerException if an argument is null
   */
  public static void registerWindowedFunnel(
      SparkSession spark, String name, WindowedFunnel<String> funnel, Instant observationEnd) {
    registerWindowedFunnel(spark, name, funnel, observationEnd, DEFAULT_LEVEL);
  }

  /**
   * Registers a windowed funnel as the aggregate function {@code name(customer, stage, time)}: per
   * group, the core's {@link WindowedFunnel#count(Iterable, java.util.function.Function,
   * java.util.function.Function, java.util.function.Function, Instant) WindowedFunnel.count} on the
   * same events, the customer and stage columns read as strings and the time column as a TIMESTAMP.
   * Each group's events are kept by customer until the group is finished, so a customer whose
   * events lie on several partitions is judged once, on all of them.
   *
   * <pre>{@code
   * WindowedFunnel<String> week =
   *     WindowedFunnel.of(List.of("visit", "signup", "buy"), Duration.ofDays(7), FunnelOrder.ORDERED);
   * CxFunctions.registerWindowedFunnel(spark, "weekly_checkout", week, end);
   * spark.sql("SELECT channel, weekly_checkout(customer, stage, at) AS f FROM events GROUP BY channel");
   * }</pre>
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param funnel the definition: stages, window, order, step windows, exclusions, resolution
   * @param observationEnd the end of the observation: a customer whose window ends after it is in
   *     progress, and a later event fails the query
   * @param level the confidence level of the step intervals, in (0, 1)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static void registerWindowedFunnel(
      SparkSession spark,
      String name,
      WindowedFunnel<String> funnel,
      Instant observationEnd,
      double level) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(funnel, "funnel");
    spark
        .udf()
        .register(
            name,
            functions.udaf(
                new WindowedFunnelAggregator(name, funnel, observationEnd, level),
                Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.INSTANT())));
  }

  /**
   * Registers cohort retention as the aggregate function {@code name(customer, date)} over activity
   * records: per group, the core's {@code CohortTable.of} on the same records (cohorts by the
   * period of each customer's first activity, active members per later period, only complete
   * periods reported); see {@link CohortAggregator} for the result. The customer column is read as
   * a string, the date column as a DATE (a TIMESTAMP is cast to its date in the session time zone).
   *
   * <pre>{@code
   * CxFunctions.registerCohorts(spark, "monthly", PeriodUnit.MONTH, LocalDate.of(2026, 6, 30));
   * spark.sql("SELECT plan, monthly(customer, day) AS c FROM activity GROUP BY plan");
   * }</pre>
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param unit the period unit of cohorts and activity
   * @param observedThrough the last day of the observation; a later record fails the query
   * @throws NullPointerException if an argument is null
   */
  public static void registerCohorts(
      SparkSession spark, String name, PeriodUnit unit, LocalDate observedThrough) {
    Objects.requireNonNull(spark, "spark");
    spark
        .udf()
        .register(
            name,
            functions.udaf(
                new CohortAggregator(name, unit, observedThrough),
                Encoders.tuple(Encoders.STRING(), Encoders.LOCALDATE())));
  }

  /**
   * Registers a retention table over timestamped events as the aggregate function {@code
   * name(customer, time, starts, active)}, with 95% Wilson intervals; see {@link
   * #registerRetention(SparkSession, String, RetentionPeriods, Instant, double)}.
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param periods calendar periods or rolling windows, in a time zone
   * @param observationEnd the end of the observation; a later event fails the query
   * @throws NullPointerException if an argument is null
   */
  public static void registerRetention(
      SparkSession spark, String name, RetentionPeriods periods, Instant observationEnd) {
    registerRetention(spark, name, periods, observationEnd, DEFAULT_LEVEL);
  }

  /**
   * Registers a retention table over timestamped events as the aggregate function {@code
   * name(customer, time, starts, active)}: per group, the core's {@link EventRetention#table} on
   * the same events, where {@code starts} says whether an event can start its customer's cohort and
   * {@code active} whether it is a return (pass {@code true, true} for "every event is both"); see
   * {@link EventRetentionAggregator} for the result.
   *
   * <pre>{@code
   * CxFunctions.registerRetention(spark, "weekly_retention",
   *     RetentionPeriods.calendar(PeriodUnit.WEEK, ZoneId.of("Europe/Paris")), end);
   * spark.sql("SELECT plan, weekly_retention(customer, at, event = 'signup', event = 'purchase')"
   *     + " AS r FROM events GROUP BY plan");
   * }</pre>
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param periods calendar periods or rolling windows, in a time zone
   * @param observationEnd the end of the observation; a later event fails the query
   * @param level the confidence level of the retention intervals, in (0, 1)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static void registerRetention(
      SparkSession spark,
      String name,
      RetentionPeriods periods,
      Instant observationEnd,
      double level) {
    Objects.requireNonNull(periods, "periods");
    register(spark, EventRetentionAggregator.table(name, periods, observationEnd, level));
  }

  /**
   * Registers stickiness as the aggregate function {@code name(customer, time)}: per group, the
   * core's {@link EventRetention#stickiness} on the same events, every event an activity: how many
   * customers were active in exactly {@code j} of the last {@code periods} complete calendar
   * periods before {@code observationEnd}; see {@link EventRetentionAggregator} for the result.
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param unit the calendar period unit
   * @param zone the time zone of the calendar
   * @param periods the number of periods counted, {@code >= 1}
   * @param observationEnd the end of the observation; a later event fails the query
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code periods} is below 1 or above 1,000,000
   */
  public static void registerStickiness(
      SparkSession spark,
      String name,
      PeriodUnit unit,
      ZoneId zone,
      int periods,
      Instant observationEnd) {
    register(spark, EventRetentionAggregator.stickiness(name, unit, zone, periods, observationEnd));
  }

  /**
   * Registers lifecycle counts as the aggregate function {@code name(customer, time)}: per group,
   * the core's {@link EventRetention#lifecycle} on the same events, every event an activity: per
   * complete calendar period the new, returning, resurrecting and dormant customers; see {@link
   * EventRetentionAggregator} for the result.
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param unit the calendar period unit
   * @param zone the time zone of the calendar
   * @param observationEnd the end of the observation; a later event fails the query
   * @throws NullPointerException if an argument is null
   */
  public static void registerLifecycle(
      SparkSession spark, String name, PeriodUnit unit, ZoneId zone, Instant observationEnd) {
    register(spark, EventRetentionAggregator.lifecycle(name, unit, zone, observationEnd));
  }

  /**
   * Registers a key-driver analysis as the aggregate function {@code name(outcome, driver_1, ...,
   * driver_k)}: per group, the exact co-moments of the outcome and the drivers' ratings and the
   * importances from them (R^2, LMG, relative weights, shares, mean ratings), equal to the core's
   * {@code DriverImportance} on the same rows; see {@link DriverAggregator} for the result.
   *
   * <pre>{@code
   * CxFunctions.registerDrivers(spark, "drivers", List.of("ease", "support", "price"));
   * spark.sql("SELECT channel, drivers(recommend, ease, support, price) AS d FROM survey"
   *     + " GROUP BY channel");
   * }</pre>
   *
   * @param spark the session
   * @param name the function's SQL name
   * @param drivers the drivers' names, one per rating column after the outcome, at most {@code
   *     DriverImportance.MAX_DRIVERS}
   * @throws NullPointerException if an argument or a driver's name is null
   * @throws IllegalArgumentException if there is no driver, a name repeats, or there are too many
   */
  public static void registerDrivers(SparkSession spark, String name, List<String> drivers) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(name, "name");
    DriverAggregator aggregator = new DriverAggregator(name, drivers);
    spark.udf().register(name, functions.udaf(aggregator, Encoders.row(aggregator.input())));
  }

  private static void register(SparkSession spark, EventRetentionAggregator aggregator) {
    Objects.requireNonNull(spark, "spark");
    spark
        .udf()
        .register(
            aggregator.sqlName(), functions.udaf(aggregator, Encoders.row(aggregator.input())));
  }

  /**
   * Returns the typed aggregator of NPS: what {@code nps(score)} is on a session that is not
   * classic (Spark Connect), and what to register under a name of your choice with {@code
   * functions.udaf(aggregator, Encoders.DOUBLE())} for a window function or a {@code FILTER}
   * clause; its struct is the registered function's.
   *
   * @param level the confidence level of the interval, in (0, 1)
   * @return the aggregator
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static NpsAggregator nps(double level) {
    return new NpsAggregator(level);
  }

  /**
   * Returns an aggregator of CSAT on {@code scale}.
   *
   * @param scale the rating scale
   * @param satisfiedFrom the lowest satisfied rating
   * @param level the confidence level of the interval, in (0, 1)
   * @return the aggregator
   * @throws NullPointerException if {@code scale} is null
   * @throws IllegalArgumentException if {@code satisfiedFrom} or {@code level} is invalid
   */
  public static RatingAggregator csat(RatingScale scale, int satisfiedFrom, double level) {
    Csat.definition(scale, satisfiedFrom)
        .empty(); // validates the definition now, not on the executors
    Buffers.checkLevel(level);
    int min = scale.min();
    int max = scale.max();
    return new RatingAggregator(
        "csat",
        scale,
        () -> RatingBuffer.csat(RatingScale.of(min, max), satisfiedFrom),
        buffer -> Results.csat(buffer.csat.snapshot(), buffer.nulls, level),
        Results.CSAT);
  }

  /**
   * Returns an aggregator of CES on {@code scale}.
   *
   * @param scale the rating scale
   * @param direction which end of the scale means less effort
   * @param level the confidence level of the interval, in (0, 1)
   * @return the aggregator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static RatingAggregator ces(RatingScale scale, EffortDirection direction, double level) {
    Ces.definition(scale, direction).empty();
    Buffers.checkLevel(level);
    int min = scale.min();
    int max = scale.max();
    return new RatingAggregator(
        "ces",
        scale,
        () -> RatingBuffer.ces(RatingScale.of(min, max), direction),
        buffer -> Results.ces(buffer.ces.snapshot(), buffer.nulls, level),
        Results.CES);
  }

  /**
   * Returns the aggregator behind {@code weighted_nps(score, weight)}.
   *
   * @param level the confidence level of the interval, in (0, 1)
   * @return the aggregator
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   */
  public static WeightedNpsAggregator weightedNps(double level) {
    return new WeightedNpsAggregator(level);
  }
}
