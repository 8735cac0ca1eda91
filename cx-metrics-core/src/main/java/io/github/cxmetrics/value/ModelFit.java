package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * A maximum-likelihood fit of a customer-base model: the fitted model, its log-likelihood, and the
 * standard errors of its parameters.
 *
 * <p>A fit exists only for a search that converged: the fitting methods throw rather than return an
 * estimate they could not confirm as a maximum; {@link #iterations()} tells how many Newton steps
 * it took.
 *
 * <p>Standard errors are the square roots of the diagonal of the inverse observed information
 * matrix {@code -H^-1}, with {@code H} the Hessian of the log-likelihood at the estimate, in the
 * natural parameters (asymptotic normality of the MLE; e.g. Y. Pawitan, "In All Likelihood", Oxford
 * University Press, 2001, section 9.4). Confidence intervals are the Wald intervals {@code estimate
 * +- z SE}, clipped at zero since every parameter is positive.
 *
 * @param <M> the model type ({@link BgNbd}, {@link MbgNbd}, {@link ParetoNbd}, {@link BgBb}, {@link
 *     GammaGamma}, or a contractual model)
 */
public final class ModelFit<M> {
  private final M model;
  private final List<String> names;
  private final double[] estimates;
  private final double[][] covariance;
  private final double logLikelihood;
  private final int iterations;
  private final long customers;
  private final String description;
  private final Function<double[], M> rebuild;
  private final ChronoUnit timeUnit;

  /**
   * A fit of the model {@code description} with parameters {@code names}, whose {@code rebuild}
   * makes the model of a parameter vector (for the delta method), fitted to data in {@code
   * timeUnit} (null when unknown or not a time model).
   */
  ModelFit(
      M model,
      String[] names,
      Newton.Result result,
      long customers,
      String description,
      Function<double[], M> rebuild,
      ChronoUnit timeUnit) {
    double[][] information = new double[names.length][names.length];
    for (int i = 0; i < names.length; i++) {
      for (int j = 0; j < names.length; j++) {
        information[i][j] = -result.hessian()[i][j];
      }
    }
    double[][] inverse = Newton.inverse(information);
    if (inverse == null) {
      throw new IllegalArgumentException(
          "the data cannot identify the "
              + description
              + " model: the observed information at "
              + Newton.describe(names, result.params())
              + " is singular");
    }
    this.model = model;
    this.names = List.of(names);
    this.estimates = result.params().clone();
    for (int i = 0; i < names.length; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (inverse[i][j] + inverse[j][i]) / 2;
        inverse[i][j] = mean;
        inverse[j][i] = mean;
      }
    }
    this.covariance = inverse;
    this.logLikelihood = result.logLikelihood();
    this.iterations = result.iterations();
    this.customers = customers;
    this.description = description;
    this.rebuild = rebuild;
    this.timeUnit = timeUnit;
  }

  /** {@return the fitted model} */
  public M model() {
    return model;
  }

  /** {@return the maximised log-likelihood, summed over the customers} */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** {@return the Newton iterations the fit took to converge} */
  public int iterations() {
    return iterations;
  }

  /**
   * Returns the time unit of the data the model was fitted to, when the data knew it ({@link
   * CustomerSummaries#unit()}); the model's time parameters and predictions are in that unit.
   *
   * @return the unit, or empty (a fit of numbers without a unit, or of a model without time)
   */
  public Optional<ChronoUnit> timeUnit() {
    return Optional.ofNullable(timeUnit);
  }

  /** {@return the number of customers that entered the likelihood} */
  public long customers() {
    return customers;
  }

  /** {@return the parameter names, in the order of {@link #estimates()}} */
  public List<String> parameterNames() {
    return names;
  }

  /** {@return a copy of the estimates, in the order of {@link #parameterNames()}} */
  public double[] estimates() {
    return estimates.clone();
  }

  /**
   * {@return a copy of the standard errors, each in its parameter's unit, in the order of {@link
   * #parameterNames()}}
   */
  public double[] standardErrors() {
    double[] errors = new double[estimates.length];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = Math.sqrt(covariance[i][i]);
    }
    return errors;
  }

  /**
   * Returns the standard error of one parameter.
   *
   * @param parameter a name from {@link #parameterNames()}
   * @return its standard error, in the parameter's unit
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public double standardError(String parameter) {
    int i = index(parameter);
    return Math.sqrt(covariance[i][i]);
  }

  /** {@return a copy of the estimated covariance matrix {@code -H^-1} of the estimates} */
  public double[][] covariance() {
    double[][] copy = new double[covariance.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = covariance[i].clone();
    }
    return copy;
  }

  /**
   * Returns the Wald confidence interval {@code estimate +- z SE} of one parameter, with a lower
   * end of at least zero.
   *
   * @param parameter a name from {@link #parameterNames()}
   * @param level the confidence level, in (0, 1)
   * @return the interval, in the parameter's own unit ({@link Unit#PARAMETER})
   * @throws IllegalArgumentException if the model has no such parameter or the level is outside (0,
   *     1)
   */
  public Interval confidenceInterval(String parameter, double level) {
    Checks.checkLevel(level);
    int i = index(parameter);
    double margin = Critical.z(level) * Math.sqrt(covariance[i][i]);
    return new Interval(
        Math.max(0, estimates[i] - margin), estimates[i] + margin, level, Unit.PARAMETER);
  }

  /**
   * Returns Akaike's information criterion {@code AIC = 2 k - 2 LL}, with {@code k} the number of
   * parameters and {@code LL} the {@link #logLikelihood()} (H. Akaike, "A new look at the
   * statistical model identification", IEEE Transactions on Automatic Control 19(6), 716-723, 1974,
   * <a href="https://doi.org/10.1109/TAC.1974.1100705">doi:10.1109/TAC.1974.1100705</a>). Lower is
   * better; only fits to the same customers compare.
   *
   * @return the AIC, dimensionless
   */
  public double aic() {
    return 2.0 * names.size() - 2 * logLikelihood;
  }

  /**
   * Returns the Bayesian (Schwarz) information criterion {@code BIC = k ln(n) - 2 LL}, with {@code
   * k} the number of parameters and {@code n} the number of {@link #customers()} (G. Schwarz,
   * "Estimating the dimension of a model", Annals of Statistics 6(2), 461-464, 1978, <a
   * href="https://doi.org/10.1214/aos/1176344136">doi:10.1214/aos/1176344136</a>). Lower is better;
   * only fits to the same customers compare.
   *
   * @return the BIC, dimensionless
   */
  public double bic() {
    return names.size() * Math.log(customers) - 2 * logLikelihood;
  }

  /**
   * Returns a prediction of the fitted model with its delta-method standard error (see {@link
   * Prediction}): {@code SE^2 = grad' Sigma grad}, with {@code Sigma} the {@link #covariance()} and
   * {@code grad} the gradient of the prediction with respect to the parameters.
   *
   * <p>The gradient is computed numerically, by central differences with a relative step of 1e-4 in
   * each parameter refined by one Richardson extrapolation ({@code (4 D(h) - D(2h)) / 3}, whose
   * error is of order {@code h^4}): four evaluations of {@code prediction} per parameter. For a
   * whole customer base, pass the sum over its customers: every customer's prediction depends on
   * the same parameters, so the variance of the sum includes the covariance between customers that
   * the shared estimates cause, which the sum of the customers' variances would leave out.
   *
   * <p>Example: {@code fit.predict(m -> m.expectedPurchases(39), Prediction.PURCHASES)}.
   *
   * @param prediction the prediction, as a function of the model; it must be smooth in the
   *     parameters and finite near the estimates
   * @param unit the unit of the prediction
   * @return the prediction and its standard error
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the prediction is not finite at or near the estimates, or the
   *     covariance gives it a negative variance (a covariance that is not positive definite),
   *     saying so rather than returning a NaN standard error
   */
  public Prediction predict(ToDoubleFunction<? super M> prediction, Unit unit) {
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(unit, "unit");
    double estimate = finite(prediction.applyAsDouble(model), "at the estimates");
    double[] gradient = gradient(prediction);
    double variance = 0;
    double magnitude = 0;
    for (int i = 0; i < gradient.length; i++) {
      for (int j = 0; j < gradient.length; j++) {
        double term = gradient[i] * covariance[i][j] * gradient[j];
        variance += term;
        magnitude += Math.abs(term);
      }
    }
    return new Prediction(estimate, standardError(variance, magnitude), unit);
  }

  /**
   * Returns a prediction of two independently fitted models, e.g. the lifetime value of the BG/NBD
   * purchases fit and the Gamma-Gamma spend fit, with its delta-method standard error: {@code SE^2
   * = g1' Sigma1 g1 + g2' Sigma2 g2}, the gradients taken as in {@link #predict(ToDoubleFunction,
   * Unit)}. The covariance between the two fits' estimates is taken as zero: they maximise separate
   * likelihoods, which is exact when the models are independent (as the Gamma-Gamma model assumes
   * of spend and purchase timing).
   *
   * @param <N> the type of the other model
   * @param other the other fit
   * @param prediction the prediction, as a function of both models
   * @param unit the unit of the prediction
   * @return the prediction and its standard error
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException as {@link #predict(ToDoubleFunction, Unit)}
   */
  public <N> Prediction predict(
      ModelFit<N> other, ToDoubleBiFunction<? super M, ? super N> prediction, Unit unit) {
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(prediction, "prediction");
    Prediction first = predict(m -> prediction.applyAsDouble(m, other.model), unit);
    Prediction second = other.predict(n -> prediction.applyAsDouble(model, n), unit);
    return new Prediction(
        first.estimate(), Math.hypot(first.standardError(), second.standardError()), unit);
  }

  /** The Richardson-extrapolated central-difference gradient of {@code prediction}. */
  private double[] gradient(ToDoubleFunction<? super M> prediction) {
    double[] gradient = new double[estimates.length];
    for (int i = 0; i < estimates.length; i++) {
      double h = 1e-4 * estimates[i];
      double near = difference(prediction, i, h);
      double far = difference(prediction, i, 2 * h);
      gradient[i] = (4 * near - far) / 3;
    }
    return gradient;
  }

  private double difference(ToDoubleFunction<? super M> prediction, int i, double h) {
    double[] up = estimates.clone();
    double[] down = estimates.clone();
    up[i] += h;
    down[i] -= h;
    String where = "near the estimates (" + names.get(i) + " moved by " + h + ")";
    double above = finite(prediction.applyAsDouble(rebuild.apply(up)), where);
    double below = finite(prediction.applyAsDouble(rebuild.apply(down)), where);
    return (above - below) / (2 * h);
  }

  private double finite(double value, String where) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(
          "the prediction of the " + description + " fit is " + value + " " + where);
    }
    return value;
  }

  /**
   * The root of {@code variance}, a sum of terms whose absolute values sum to {@code magnitude}.
   */
  private double standardError(double variance, double magnitude) {
    if (variance < 0 && variance >= -1e-12 * magnitude) {
      return 0; // a zero variance (a prediction that does not depend on the parameters), rounded
    }
    if (!(variance >= 0 && variance < Double.POSITIVE_INFINITY)) {
      throw new IllegalStateException(
          "the covariance of the "
              + description
              + " fit gives the prediction a variance of "
              + variance
              + ": the covariance is not positive definite, so the fit cannot say how uncertain"
              + " the prediction is");
    }
    return Math.sqrt(variance);
  }

  private int index(String parameter) {
    Objects.requireNonNull(parameter, "parameter");
    int i = names.indexOf(parameter);
    if (i < 0) {
      throw new IllegalArgumentException("parameter " + parameter + " is not one of " + names);
    }
    return i;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(model).append(" fit: LL = ");
    text.append(logLikelihood).append(", ").append(customers).append(" customers, ");
    text.append(iterations).append(" iterations, SE ");
    return text.append(Arrays.toString(standardErrors())).toString();
  }
}
