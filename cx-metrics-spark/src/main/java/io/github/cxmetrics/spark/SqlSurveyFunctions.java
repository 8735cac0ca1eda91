package io.github.cxmetrics.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.when;

import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingScale;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.ExpressionUtils;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.NumericType;
import scala.collection.immutable.Seq;

/**
 * {@code nps}, {@code csat} and {@code ces} as Spark's own aggregate expressions: each call
 * expands, when the query is analysed, into counts that Spark's code-generated hash aggregation
 * computes ({@code count}, {@code count_if} per category or rating, a range and whole-number check
 * that raises the documented error), and one scalar function per group that turns the counts into
 * the core's value and the result struct. The counts are the whole state of {@link Nps} and of a
 * rating histogram, so the result is the core's on the same rows, exactly as the typed aggregators
 * give it, at the speed of the SQL a user writes without the library.
 *
 * <p>This needs a classic (non-Connect) session, whose function registry accepts expression
 * builders; {@link #register} reports whether it could.
 */
final class SqlSurveyFunctions {
  private SqlSurveyFunctions() {}

  /**
   * Registers {@code nps}, {@code csat} and {@code ces} as expanding functions.
   *
   * @return false, registering nothing, if the session is not a classic one
   */
  static boolean register(org.apache.spark.sql.SparkSession session, double level) {
    if (!(session instanceof SparkSession classic)) {
      return false;
    }
    define(
        classic,
        "nps",
        "score",
        npsCounts(),
        npsFinish(level),
        Nps.MIN_RESPONSE,
        Nps.MAX_RESPONSE,
        "the NPS scale [0, 10]");
    RatingScale csatScale = Csat.DEFAULT_SCALE;
    define(
        classic,
        "csat",
        "rating",
        ratingCounts(csatScale),
        csatFinish(csatScale, Csat.DEFAULT_SATISFIED_FROM, level),
        csatScale.min(),
        csatScale.max(),
        "the rating scale " + csatScale);
    RatingScale cesScale = Ces.DEFAULT_SCALE;
    define(
        classic,
        "ces",
        "rating",
        ratingCounts(cesScale),
        cesFinish(cesScale, Ces.DEFAULT_DIRECTION, level),
        cesScale.min(),
        cesScale.max(),
        "the rating scale " + cesScale);
    return true;
  }

  /** The counts a function's state consists of, from its checked input column. */
  private interface Counts {
    List<Column> of(Column value);
  }

  /** NPS: every non-null answer, the promoters and the detractors (the passives are the rest). */
  private static Counts npsCounts() {
    return value ->
        List.of(
            count(value),
            count_if(value.geq(Nps.PROMOTER_FROM)),
            count_if(value.lt(Nps.PASSIVE_FROM)));
  }

  /** A rating histogram: every non-null rating and each point but the highest (the rest). */
  private static Counts ratingCounts(RatingScale scale) {
    int min = scale.min();
    int max = scale.max();
    return value -> {
      List<Column> counts = new ArrayList<>();
      counts.add(count(value));
      for (int point = min; point < max; point++) {
        counts.add(count_if(value.equalTo(point)));
      }
      return counts;
    };
  }

  /**
   * Where the counts start in the struct a per-group function receives: its first field is the
   * check's count, which is the number of nulls (a value that fails the check fails the query).
   */
  private static final int COUNTS = 1;

  /** The per-group function of {@code nps}. */
  private static UserDefinedFunction npsFinish(double level) {
    return functions.udf(
        (UDF1<Row, Row>)
            counts -> {
              long n = counts.getLong(COUNTS);
              long promoters = counts.getLong(COUNTS + 1);
              long detractors = counts.getLong(COUNTS + 2);
              long nulls = nulls(counts);
              return Results.nps(
                  Nps.ofCounts(promoters, n - promoters - detractors, detractors), nulls, level);
            },
        Results.NPS);
  }

  /** The per-group function of {@code csat} (the scale travels as its ends: not serializable). */
  private static UserDefinedFunction csatFinish(
      RatingScale scale, int satisfiedFrom, double level) {
    int min = scale.min();
    int max = scale.max();
    return functions.udf(
        (UDF1<Row, Row>)
            counts ->
                Results.csat(
                    Csat.definition(RatingScale.of(min, max), satisfiedFrom)
                        .ofCounts(histogram(counts)),
                    nulls(counts),
                    level),
        Results.CSAT);
  }

  /** The per-group function of {@code ces}. */
  private static UserDefinedFunction cesFinish(
      RatingScale scale, EffortDirection direction, double level) {
    int min = scale.min();
    int max = scale.max();
    return functions.udf(
        (UDF1<Row, Row>)
            counts ->
                Results.ces(
                    Ces.definition(RatingScale.of(min, max), direction).ofCounts(histogram(counts)),
                    nulls(counts),
                    level),
        Results.CES);
  }

  /** The histogram of a rating function's counts: n, then each point but the highest. */
  private static long[] histogram(Row counts) {
    int points = counts.length() - COUNTS;
    long[] histogram = new long[points];
    long rest = counts.getLong(COUNTS);
    for (int k = 0; k < points - 1; k++) {
      histogram[k] = counts.getLong(COUNTS + 1 + k);
      rest -= histogram[k];
    }
    histogram[points - 1] = rest;
    return histogram;
  }

  /** The group's null values. */
  private static long nulls(Row counts) {
    return counts.getLong(0);
  }

  private static void define(
      SparkSession session,
      String name,
      String argument,
      Counts counts,
      UserDefinedFunction finish,
      int min,
      int max,
      String scale) {
    scala.Function1<Seq<Expression>, Expression> builder =
        arguments -> {
          if (arguments.size() != 1) {
            throw new IllegalArgumentException(
                name + " takes one argument (" + argument + "), got " + arguments.size());
          }
          Expression input = arguments.apply(0);
          String shown = ExpressionUtils.generateAlias(input);
          DataType type = input.dataType();
          if (!(type instanceof NumericType) && !(type instanceof NullType)) {
            throw new IllegalArgumentException(
                name + ": " + argument + " must be a number, got " + type.sql() + " " + shown);
          }
          Column value = ExpressionUtils.column(input).cast(DataTypes.DoubleType);
          List<Column> parts = new ArrayList<>();
          parts.add(count_if(checked(value, name, argument, min, max, scale)));
          parts.addAll(counts.of(value));
          Column result = finish.apply(functions.struct(parts.toArray(new Column[0])));
          // named as Spark names a call of a registered aggregate: nps(score)
          return session.expression(result.as(name + "(" + shown + ")"));
        };
    session
        .sessionState()
        .functionRegistry()
        .createOrReplaceTempFunction(name, builder, "java_udf");
  }

  /**
   * True for a null, false for a whole number in [min, max]; otherwise raises the error the typed
   * aggregators throw ({@link Buffers#onScale}), with the same text.
   */
  private static Column checked(
      Column value, String name, String argument, int min, int max, String scale) {
    String prefix = name + ": " + argument + " ";
    Column shown =
        when(abs(value).lt(1e15), value.cast(DataTypes.LongType).cast(DataTypes.StringType))
            .otherwise(value.cast(DataTypes.StringType));
    return when(value.isNull(), lit(true))
        .when(
            isnan(value).or(value.notEqual(rint(value))),
            raise_error(
                concat(
                    lit(prefix),
                    value.cast(DataTypes.StringType),
                    lit(
                        " is not a whole number; "
                            + scale
                            + " holds the integers from "
                            + min
                            + " to "
                            + max))))
        .when(
            value.lt(min).or(value.gt(max)),
            raise_error(concat(lit(prefix), shown, lit(" is outside " + scale))))
        .otherwise(lit(false));
  }
}
