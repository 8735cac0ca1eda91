package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A non-parametric bootstrap of a model fit: the model re-fitted to customer bases resampled with
 * replacement from the original (B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap",
 * Chapman &amp; Hall, 1993, chapters 6 and 13). It gives standard errors and percentile intervals
 * of parameters and predictions without the normal approximation of the delta method ({@link
 * ModelFit#predict}), at the cost of one fit per replicate.
 *
 * <p>Each replicate draws as many customers as the base has, uniformly with replacement, as counts
 * over the base's distinct rows ({@link CustomerSummaries#ofCounts}), so a fit costs what a fit of
 * the grouped base costs. A replicate whose resampled base the model cannot be fitted to (the fit
 * throws, e.g. a resample with no repeat purchase) is left out of the statistics and counted in
 * {@link #failures()}.
 *
 * @param <M> the model type
 */
public final class Bootstrap<M> {
  private final List<M> models;
  private final int failures;

  private Bootstrap(List<M> models, int failures) {
    this.models = models;
    this.failures = failures;
  }

  /**
   * Runs the bootstrap of a fitting method.
   *
   * @param <M> the model type
   * @param customers the customer base the original fit used
   * @param fit the fitting method, e.g. {@code BgNbd::fit}
   * @param replicates the number of resampled fits, at least 2
   * @param rng the source of randomness (Apache Commons RNG); a seeded one makes the result
   *     reproducible
   * @return the replicate models
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code replicates} is below 2 or the base has no customers
   * @throws IllegalStateException if fewer than 2 replicates could be fitted, with the first
   *     failure as the cause
   */
  public static <M> Bootstrap<M> of(
      CustomerSummaries customers,
      Function<CustomerSummaries, ModelFit<M>> fit,
      int replicates,
      UniformRandomProvider rng) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(rng, "rng");
    Checks.checkAtLeast("number of replicates", replicates, 2);
    long n = customers.customers();
    if (n == 0) {
      throw new IllegalArgumentException("a bootstrap needs customers: the base has none");
    }
    long[] cumulative = new long[customers.size()];
    long total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += customers.count(i);
      cumulative[i] = total;
    }
    List<M> models = new ArrayList<>(replicates);
    RuntimeException first = null;
    for (int replicate = 0; replicate < replicates; replicate++) {
      long[] counts = new long[cumulative.length];
      for (long draw = 0; draw < n; draw++) {
        int row = Arrays.binarySearch(cumulative, rng.nextLong(n) + 1);
        counts[row < 0 ? -row - 1 : row]++;
      }
      try {
        models.add(fit.apply(customers.withCounts(counts)).model());
      } catch (IllegalArgumentException | IllegalStateException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (models.size() < 2) {
      throw new IllegalStateException(
          "only " + models.size() + " of " + replicates + " bootstrap replicates could be fitted",
          first);
    }
    return new Bootstrap<>(Collections.unmodifiableList(models), replicates - models.size());
  }

  /** {@return the models fitted to the resampled bases, in the order they were drawn} */
  public List<M> models() {
    return models;
  }

  /** {@return the number of replicates whose fit failed and that are left out} */
  public int failures() {
    return failures;
  }

  /**
   * Returns the bootstrap standard error of a prediction: the standard deviation (divisor {@code B
   * - 1}) of its values over the {@code B} replicate models.
   *
   * @param prediction the prediction, as a function of the model
   * @return the standard error, in the prediction's unit
   * @throws NullPointerException if {@code prediction} is null
   * @throws IllegalStateException if the prediction is not finite for a replicate model
   */
  public double standardError(ToDoubleFunction<? super M> prediction) {
    double[] values = values(prediction);
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /**
   * Returns the percentile interval of a prediction: the {@code (1 - level) / 2} and {@code (1 +
   * level) / 2} quantiles of its values over the replicate models (Efron and Tibshirani 1993,
   * chapter 13), each the order statistic interpolated linearly (Hyndman and Fan's definition 7).
   *
   * @param prediction the prediction, as a function of the model
   * @param level the confidence level, in (0, 1)
   * @param unit the unit of the prediction
   * @return the interval
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code level} is outside (0, 1)
   * @throws IllegalStateException if the prediction is not finite for a replicate model
   */
  public Interval percentileInterval(
      ToDoubleFunction<? super M> prediction, double level, Unit unit) {
    Checks.checkLevel(level);
    Objects.requireNonNull(unit, "unit");
    double[] values = values(prediction);
    Arrays.sort(values);
    return new Interval(
        quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2), level, unit);
  }

  private static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  private double[] values(ToDoubleFunction<? super M> prediction) {
    Objects.requireNonNull(prediction, "prediction");
    double[] values = new double[models.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = prediction.applyAsDouble(models.get(i));
      if (!Double.isFinite(values[i])) {
        throw new IllegalStateException(
            "the prediction is " + values[i] + " for the bootstrap model " + models.get(i));
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return "Bootstrap[" + models.size() + " replicates, " + failures + " failed]";
  }
}
