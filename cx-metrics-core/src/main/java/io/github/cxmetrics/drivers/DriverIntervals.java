package io.github.cxmetrics.drivers;

import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.util.List;
import java.util.Objects;

/**
 * Bootstrap standard errors and confidence intervals of R^2, of each driver's LMG importance and
 * relative weight, and of the difference of two drivers' LMG importances, from a {@link
 * DriverBootstrap}.
 *
 * <p>The estimate {@code t} is the statistic of {@link DriverBootstrap#moments()}, the responses
 * themselves; {@code t_b} the same statistic of replicate {@code b}, {@link
 * DriverBootstrap#replicate(long, int)}, {@code b = 0..B-1}. The standard error is the standard
 * deviation of the {@code t_b}, {@code sqrt(sum (t_b - mean)^2 / (B' - 1))} over the {@code B'}
 * usable replicates, and the interval at level {@code 1 - alpha} is the standard (normal) bootstrap
 * interval {@code t +- z_{1 - alpha/2} se} (B. Efron and R. J. Tibshirani, <i>An Introduction to
 * the Bootstrap</i>, Chapman and Hall 1993, section 13.2), cut to {@code [0, 1]} for R^2,
 * importances and weights, which cannot leave it, and to {@code [-1, 1]} for a difference. It holds
 * the estimate by construction. Its coverage is the nominal one for large samples; with few
 * responses per driver, importances near 0 are skewed and the interval is approximate.
 *
 * <p>A replicate is unusable when its importances are undefined: fewer than {@code k + 2}
 * responses, a constant or linearly dependent driver in it (likely only in small samples of coarse
 * ratings). Unusable replicates are left out and counted in {@link #unusableReplicates()}; fewer
 * than two usable ones is an error.
 */
public final class DriverIntervals {
  /** The number of replicates of {@link #of(DriverBootstrap, double)}. */
  public static final int DEFAULT_REPLICATES = 1000;

  /** The most replicates {@link #of(DriverBootstrap, double, int, long)} takes. */
  public static final int MAX_REPLICATES = 100_000;

  /** The unit of a difference of two importances, fractions of the outcome's variance. */
  public static final Unit DIFFERENCE = new Unit("difference of fractions of variance");

  private final DriverImportance importance;
  private final double level;
  private final int usable;
  private final int unusable;
  // per statistic: [0] R^2, [1..k] LMG, [k+1..2k] relative weights; replicate b at b * width
  private final double[] replicated;
  private final int width;
  private final double z;

  private DriverIntervals(
      DriverImportance importance, double level, double[] replicated, int usable, int unusable) {
    this.importance = importance;
    this.level = level;
    this.replicated = replicated;
    this.usable = usable;
    this.unusable = unusable;
    this.width = 1 + 2 * importance.moments().drivers().size();
    this.z = Critical.z(level);
  }

  /**
   * Computes the importances of the bootstrap's responses and of {@link #DEFAULT_REPLICATES}
   * replicates of seed 0; as {@link #of(DriverBootstrap, double, int, long)}.
   *
   * @param bootstrap the co-moments in their random groups
   * @param level the confidence level, in (0, 1)
   * @return the intervals
   */
  public static DriverIntervals of(DriverBootstrap bootstrap, double level) {
    return of(bootstrap, level, DEFAULT_REPLICATES, 0);
  }

  /**
   * Computes the importances of the bootstrap's responses and of each replicate.
   *
   * @param bootstrap the co-moments in their random groups
   * @param level the confidence level, in (0, 1)
   * @param replicates the number of replicates {@code B}, 2 to {@link #MAX_REPLICATES}; each costs
   *     one pass over the groups and one importance computation
   * @param seed the seed of the replicates' weights: the same seed gives the same intervals
   * @return the intervals
   * @throws NullPointerException if {@code bootstrap} is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1), {@code replicates} out of
   *     range, or there are more than {@link DriverImportance#MAX_DRIVERS} drivers
   * @throws IllegalStateException if the responses themselves have undefined importances (as {@link
   *     DriverImportance#of} says), or fewer than two replicates are usable
   */
  public static DriverIntervals of(
      DriverBootstrap bootstrap, double level, int replicates, long seed) {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Critical.z(level);
    if (replicates < 2 || replicates > MAX_REPLICATES) {
      throw new IllegalArgumentException(
          "replicates (" + replicates + ") must be in [2, " + MAX_REPLICATES + "]");
    }
    DriverImportance importance = DriverImportance.of(bootstrap.moments());
    List<String> drivers = bootstrap.drivers();
    int k = drivers.size();
    int width = 1 + 2 * k;
    double[] replicated = new double[replicates * width];
    int usable = 0;
    for (int b = 0; b < replicates; b++) {
      DriverImportance replicate;
      try {
        replicate = DriverImportance.of(bootstrap.replicate(seed, b));
      } catch (IllegalStateException undefined) {
        continue;
      }
      int at = usable * width;
      replicated[at] = replicate.rSquared();
      for (int j = 0; j < k; j++) {
        replicated[at + 1 + j] = replicate.lmg(drivers.get(j));
        replicated[at + 1 + k + j] = replicate.relativeWeight(drivers.get(j));
      }
      usable++;
    }
    if (usable < 2) {
      throw new IllegalStateException(
          usable
              + " of "
              + replicates
              + " replicates have defined importances; at least 2 are needed (too few responses"
              + " for the drivers)");
    }
    return new DriverIntervals(importance, level, replicated, usable, replicates - usable);
  }

  /** {@return the importances of the responses themselves, the estimates} */
  public DriverImportance importance() {
    return importance;
  }

  /** {@return the confidence level of the intervals} */
  public double level() {
    return level;
  }

  /** {@return the replicates left out because their importances were undefined} */
  public int unusableReplicates() {
    return unusable;
  }

  /** {@return the replicates the standard errors come from} */
  public int usableReplicates() {
    return usable;
  }

  /** {@return the bootstrap standard error of R^2} */
  public double rSquaredStandardError() {
    return standardError(0, -1);
  }

  /** {@return the interval of R^2, within [0, 1]} */
  public Interval rSquared() {
    return bounded(importance.rSquared(), rSquaredStandardError());
  }

  /**
   * Returns the bootstrap standard error of a driver's LMG importance.
   *
   * @param driver the driver's name
   * @return the standard error, {@code >= 0}
   * @throws IllegalArgumentException if the driver is unknown
   */
  public double lmgStandardError(String driver) {
    return standardError(1 + index(driver), -1);
  }

  /**
   * Returns the interval of a driver's LMG importance.
   *
   * @param driver the driver's name
   * @return the interval, within [0, 1], holding {@link DriverImportance#lmg}
   * @throws IllegalArgumentException if the driver is unknown
   */
  public Interval lmg(String driver) {
    return bounded(importance.lmg(driver), lmgStandardError(driver));
  }

  /**
   * Returns the bootstrap standard error of a driver's relative weight.
   *
   * @param driver the driver's name
   * @return the standard error, {@code >= 0}
   * @throws IllegalArgumentException if the driver is unknown
   */
  public double relativeWeightStandardError(String driver) {
    return standardError(1 + importance.moments().drivers().size() + index(driver), -1);
  }

  /**
   * Returns the interval of a driver's relative weight.
   *
   * @param driver the driver's name
   * @return the interval, within [0, 1], holding {@link DriverImportance#relativeWeight}
   * @throws IllegalArgumentException if the driver is unknown
   */
  public Interval relativeWeight(String driver) {
    return bounded(importance.relativeWeight(driver), relativeWeightStandardError(driver));
  }

  /**
   * Returns the interval of {@code lmg(a) - lmg(b)}, from the paired replicates: an interval that
   * excludes 0 says, at the level, which of the two drivers matters more.
   *
   * @param a a driver's name
   * @param b another driver's name
   * @return the interval of the difference, within [-1, 1], in {@link #DIFFERENCE}
   * @throws IllegalArgumentException if a driver is unknown or {@code a} equals {@code b}
   */
  public Interval lmgDifference(String a, String b) {
    int i = index(a);
    int j = index(b);
    if (i == j) {
      throw new IllegalArgumentException("the difference of driver " + a + " with itself");
    }
    double estimate = importance.lmg(a) - importance.lmg(b);
    double half = z * standardError(1 + i, 1 + j);
    return new Interval(
        Math.max(-1, estimate - half), Math.min(1, estimate + half), level, DIFFERENCE);
  }

  private int index(String driver) {
    return importance.index(driver);
  }

  /** The standard deviation over usable replicates of statistic s, minus statistic t if t >= 0. */
  private double standardError(int s, int t) {
    double mean = 0;
    for (int b = 0; b < usable; b++) {
      mean += value(b, s, t);
    }
    mean /= usable;
    double squares = 0;
    for (int b = 0; b < usable; b++) {
      double d = value(b, s, t) - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / (usable - 1));
  }

  private double value(int b, int s, int t) {
    double v = replicated[b * width + s];
    return t < 0 ? v : v - replicated[b * width + t];
  }

  private Interval bounded(double estimate, double se) {
    double half = z * se;
    return new Interval(
        Math.max(0, estimate - half), Math.min(1, estimate + half), level, Unit.FRACTION);
  }

  /** Returns e.g. {@code DriverIntervals[95% from 200 replicates, R^2 0.41 +- 0.03]}. */
  @Override
  public String toString() {
    return "DriverIntervals["
        + level * 100
        + "% from "
        + usable
        + " replicates, R^2 "
        + importance.rSquared()
        + " +- "
        + z * rSquaredStandardError()
        + "]";
  }
}
