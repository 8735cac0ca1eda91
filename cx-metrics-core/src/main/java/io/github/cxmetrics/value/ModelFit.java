package io.github.cxmetrics.value;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.Critical;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Unit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * @param <M> the model type ({@link BgNbd} or {@link GammaGamma})
 */
public final class ModelFit<M> {
  private final M model;
  private final List<String> names;
  private final double[] estimates;
  private final double[][] covariance;
  private final double logLikelihood;
  private final int iterations;
  private final long customers;

  ModelFit(M model, String[] names, Newton.Result result, long customers, String description) {
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
