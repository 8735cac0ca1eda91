package io.github.cxmetrics.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.sum;
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
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;

/**
 * {@code nps}, {@code csat} and {@code ces} as Spark's own aggregate expressions: each call
 * expands, when the query is analysed, into counts that Spark's code-generated hash aggregation
 * computes ({@code count}, the categories or rating points two to a {@code long} sum of {@code a +
 * b * 2^32}, a range and whole-number check that raises the documented error), and one scalar
 * function per group that turns the counts into the core's value and the result struct. The counts
 * are the whole state of {@link Nps} and of a rating histogram, so the result is the core's on the
 * same rows, exactly as the typed aggregators give it, at close to the speed of the SQL a user
 * writes without the library. The packing is exact up to {@link #MAX_VALUES} non-null values in a
 * group; a larger group fails the query, naming the typed aggregator to use instead.
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
        npsCategories(),
        npsFinish(level),
        Nps.MIN_RESPONSE,
        Nps.MAX_RESPONSE,
        "the NPS scale [0, 10]");
    RatingScale csatScale = Csat.DEFAULT_SCALE;
    define(
        classic,
        "csat",
        "rating",
        ratingCategories(csatScale),
        csatFinish(csatScale, Csat.DEFAULT_SATISFIED_FROM, level),
        csatScale.min(),
        csatScale.max(),
        "the rating scale " + csatScale);
    RatingScale cesScale = Ces.DEFAULT_SCALE;
    define(
        classic,
        "ces",
        "rating",
        ratingCategories(cesScale),
        cesFinish(cesScale, Ces.DEFAULT_DIRECTION, level),
        cesScale.min(),
        cesScale.max(),
        "the rating scale " + cesScale);
    return true;
  }

  /**
   * The categories a function counts, as indicators of the checked input column: all but the last,
   * whose count is the non-null values less theirs.
   */
  private interface Categories {
    List<Column> of(Column value);
  }

  /** NPS: the promoters and the detractors (the passives are the rest). */
  private static Categories npsCategories() {
    return value -> List.of(value.geq(Nps.PROMOTER_FROM), value.lt(Nps.PASSIVE_FROM));
  }

  /** A rating histogram: each point but the highest (the rest). */
  private static Categories ratingCategories(RatingScale scale) {
    int min = scale.min();
    int max = scale.max();
    return value -> {
      List<Column> points = new ArrayList<>();
      for (int point = min; point < max; point++) {
        points.add(value.equalTo(point));
      }
      return points;
    };
  }

  /**
   * The most non-null values of one group: below it every packed half-count is below 2^31 and every
   * packed sum below 2^63, so the counts decode exactly.
   */
  static final long MAX_VALUES = Integer.MAX_VALUE;

  /**
   * The aggregates of a function: the check's count (the nulls), the non-null values, then the
   * category counts two to a {@code long} sum, {@code a + b * 2^32}, which halves the aggregates
   * Spark updates per row; {@link #counts} decodes them.
   */
  private static List<Column> aggregates(Column check, Column value, List<Column> categories) {
    List<Column> parts = new ArrayList<>();
    parts.add(count_if(check));
    parts.add(count(value));
    for (int k = 0; k < categories.size(); k += 2) {
      Column packed = categories.get(k).cast(DataTypes.LongType);
      if (k + 1 < categories.size()) {
        packed = packed.plus(shiftleft(categories.get(k + 1).cast(DataTypes.LongType), 32));
      }
      parts.add(sum(packed));
    }
    return parts;
  }

  /**
   * Decodes the aggregates of {@link #aggregates}: the count of every category, the last one
   * included.
   *
   * @throws IllegalStateException if the group has more than {@link #MAX_VALUES} values
   */
  static long[] counts(Row aggregates, int categories, String name) {
    long n = aggregates.getLong(1);
    if (n > MAX_VALUES) {
      throw new IllegalStateException(
          name
              + ": a group of "
              + n
              + " values is more than the "
              + MAX_VALUES
              + " the SQL function counts exactly; aggregate it with the typed aggregator"
              + " (CxFunctions."
              + name
              + "), registered under another name");
    }
    long[] counts = new long[categories];
    long rest = n;
    for (int k = 0; k < categories - 1; k++) {
      int field = 2 + k / 2;
      long packed = aggregates.isNullAt(field) ? 0 : aggregates.getLong(field);
      counts[k] = k % 2 == 0 ? packed & 0xFFFF_FFFFL : packed >>> 32;
      rest -= counts[k];
    }
    counts[categories - 1] = rest;
    return counts;
  }

  /** The per-group function of {@code nps}. */
  private static UserDefinedFunction npsFinish(double level) {
    return functions.udf(
        (UDF1<Row, Row>)
            aggregates -> {
              // promoters, detractors, passives
              long[] c = counts(aggregates, 3, "nps");
              return Results.nps(Nps.ofCounts(c[0], c[2], c[1]), nulls(aggregates), level);
            },
        Results.NPS);
  }

  /** The result of a rating function from its scale, its counts and its nulls. */
  private interface RatingResult extends java.io.Serializable {
    Row of(RatingScale scale, long[] counts, long nulls);
  }

  /** The per-group function of {@code csat}. */
  private static UserDefinedFunction csatFinish(
      RatingScale scale, int satisfiedFrom, double level) {
    return ratingFinish(
        scale,
        "csat",
        (s, counts, nulls) ->
            Results.csat(Csat.definition(s, satisfiedFrom).ofCounts(counts), nulls, level),
        Results.CSAT);
  }

  /** The per-group function of {@code ces}. */
  private static UserDefinedFunction cesFinish(
      RatingScale scale, EffortDirection direction, double level) {
    return ratingFinish(
        scale,
        "ces",
        (s, counts, nulls) ->
            Results.ces(Ces.definition(s, direction).ofCounts(counts), nulls, level),
        Results.CES);
  }

  /** A rating function's per-group function; the scale travels as its ends (not serializable). */
  private static UserDefinedFunction ratingFinish(
      RatingScale scale, String name, RatingResult result, StructType type) {
    int min = scale.min();
    int max = scale.max();
    return functions.udf(
        (UDF1<Row, Row>)
            aggregates ->
                result.of(
                    RatingScale.of(min, max),
                    counts(aggregates, max - min + 1, name),
                    nulls(aggregates)),
        type);
  }

  /** The group's null values. */
  private static long nulls(Row counts) {
    return counts.getLong(0);
  }

  private static void define(
      SparkSession session,
      String name,
      String argument,
      Categories categories,
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
          List<Column> parts =
              aggregates(
                  checked(value, name, argument, min, max, scale), value, categories.of(value));
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
