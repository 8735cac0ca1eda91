package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.WeightedNps;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The structs the functions return: their fields in a fixed order (the estimate first, then the
 * counts, then the spread and the interval), named in SQL's snake_case. {@code SELECT r.*} expands
 * one into its columns.
 */
final class Results {
  private Results() {}

  /** {@code nps(score)}. */
  static final StructType NPS =
      struct(
          "score", DataTypes.DoubleType,
          "n", DataTypes.LongType,
          "promoters", DataTypes.LongType,
          "passives", DataTypes.LongType,
          "detractors", DataTypes.LongType,
          "nulls", DataTypes.LongType,
          "standard_error", DataTypes.DoubleType,
          "lower", DataTypes.DoubleType,
          "upper", DataTypes.DoubleType);

  /** {@code csat(rating)}. */
  static final StructType CSAT =
      struct(
          "score", DataTypes.DoubleType,
          "mean", DataTypes.DoubleType,
          "n", DataTypes.LongType,
          "satisfied", DataTypes.LongType,
          "nulls", DataTypes.LongType,
          "standard_error", DataTypes.DoubleType,
          "lower", DataTypes.DoubleType,
          "upper", DataTypes.DoubleType);

  /** {@code ces(rating)}. */
  static final StructType CES =
      struct(
          "mean", DataTypes.DoubleType,
          "low_effort_share", DataTypes.DoubleType,
          "n", DataTypes.LongType,
          "nulls", DataTypes.LongType,
          "standard_deviation", DataTypes.DoubleType,
          "lower", DataTypes.DoubleType,
          "upper", DataTypes.DoubleType);

  /** {@code weighted_nps(score, weight)}. */
  static final StructType WEIGHTED_NPS =
      struct(
          "score", DataTypes.DoubleType,
          "n", DataTypes.LongType,
          "total_weight", DataTypes.DoubleType,
          "effective_sample_size", DataTypes.DoubleType,
          "nulls", DataTypes.LongType,
          "standard_error", DataTypes.DoubleType,
          "lower", DataTypes.DoubleType,
          "upper", DataTypes.DoubleType);

  /** Fields given as name, type pairs; the counts are never null, every other field may be. */
  private static StructType struct(Object... fields) {
    StructType type = new StructType();
    for (int i = 0; i < fields.length; i += 2) {
      DataType fieldType = (DataType) fields[i + 1];
      type = type.add((String) fields[i], fieldType, fieldType != DataTypes.LongType);
    }
    return type;
  }

  static Row nps(Nps nps, long nulls, double level) {
    boolean any = !nps.isEmpty();
    Interval interval = any ? nps.confidenceInterval(level) : null;
    return RowFactory.create(
        any ? nps.score() : null,
        nps.count(),
        nps.promoters(),
        nps.passives(),
        nps.detractors(),
        nulls,
        any ? nps.standardError() : null,
        any ? interval.lower() : null,
        any ? interval.upper() : null);
  }

  static Row csat(Csat csat, long nulls, double level) {
    boolean any = !csat.isEmpty();
    Interval interval = any ? csat.confidenceInterval(level) : null;
    return RowFactory.create(
        any ? csat.score() : null,
        any ? csat.mean() : null,
        csat.count(),
        csat.satisfied(),
        nulls,
        any ? csat.standardError() : null,
        any ? interval.lower() : null,
        any ? interval.upper() : null);
  }

  /** The mean and share need one rating; the spread and the Student t interval need two. */
  static Row ces(Ces ces, long nulls, double level) {
    boolean any = !ces.isEmpty();
    boolean spread = ces.count() >= 2;
    Interval interval = spread ? ces.confidenceInterval(level) : null;
    return RowFactory.create(
        any ? ces.mean() : null,
        any ? ces.lowEffortShare() : null,
        ces.count(),
        nulls,
        spread ? ces.standardDeviation() : null,
        spread ? interval.lower() : null,
        spread ? interval.upper() : null);
  }

  /** The statistics need a positive total weight. */
  static Row weightedNps(WeightedNps nps, long nulls, double level) {
    boolean any = nps.totalWeight() > 0;
    Interval interval = any ? nps.confidenceInterval(level) : null;
    return RowFactory.create(
        any ? nps.score() : null,
        nps.count(),
        nps.totalWeight(),
        any ? nps.effectiveSampleSize() : null,
        nulls,
        any ? nps.standardError() : null,
        any ? interval.lower() : null,
        any ? interval.upper() : null);
  }
}
