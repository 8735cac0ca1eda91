package io.github.cxmetrics.value;

import java.util.Arrays;

/**
 * Maximises a smooth log-likelihood of a few positive parameters by Newton's method on their
 * logarithms, with Levenberg-Marquardt damping.
 *
 * <p>With {@code theta = ln(params)}, the gradient and Hessian in {@code theta} are {@code g_theta
 * = p * g} and {@code H_theta = diag(p) H diag(p) + diag(p * g)} (chain rule). Each step solves
 * {@code (lambda I - H_theta) delta = g_theta} by Cholesky; {@code lambda} is 0 while the Newton
 * step is an ascent step and the Hessian is negative definite, and grows tenfold until a step
 * increases the log-likelihood otherwise (K. Levenberg, Quarterly of Applied Mathematics 2(2),
 * 1944; D. W. Marquardt, SIAM J. Appl. Math. 11(2), 1963). It stops when an undamped step changes
 * no parameter by more than {@link #TOLERANCE} relatively, after taking that step.
 *
 * <p>Neither Apache Commons Numbers nor Commons Statistics has an optimizer; the general-purpose
 * ones elsewhere (Hipparchus, Commons Math 3) declare no module name, so the named module of this
 * library cannot require them, and none of them offers a Newton method that uses the analytic
 * Hessian, which these models have in closed form and which the standard errors need anyway.
 */
final class Newton {
  /** The relative parameter change at which the iteration has converged. */
  static final double TOLERANCE = 1e-10;

  /** Iterations before giving up. */
  static final int MAX_ITERATIONS = 500;

  /** Damping tries per iteration before the point is taken as a maximum. */
  static final int MAX_DAMPING = 400;

  /**
   * {@code |ln(param)|} beyond this (a factor of about 1,100 from 1), without convergence after
   * {@link #MAX_ITERATIONS} steps, means a drift to 0 or infinity. A search that crawls along a
   * ridge towards a degenerate limit (BG/NBD's {@code a -> 0} with {@code b -> infinity}: no one
   * ever drops out) moves one log-unit in many steps, so the bound must be reachable in 500.
   */
  static final double DRIFT = 7;

  /** {@code |ln(param)|} beyond this means a parameter runs to 0 or infinity. */
  static final double BOUNDARY = 30;

  /** A log-likelihood with its gradient and Hessian in the natural parameters. */
  interface Objective {
    /**
     * Returns the log-likelihood at {@code params} and writes its gradient and Hessian.
     *
     * @param params the parameters, all {@code > 0}
     * @param gradient receives the first derivatives
     * @param hessian receives the second derivatives (both triangles)
     * @return the log-likelihood, or NaN / negative infinity where it is not defined
     */
    double evaluate(double[] params, double[] gradient, double[][] hessian);
  }

  /**
   * The outcome of a maximisation.
   *
   * @param params the maximising parameters
   * @param logLikelihood the log-likelihood there
   * @param gradient the gradient there
   * @param hessian the Hessian there, in the natural parameters
   * @param iterations the Newton steps taken
   */
  record Result(
      double[] params,
      double logLikelihood,
      double[] gradient,
      double[][] hessian,
      int iterations) {}

  private Newton() {}

  /**
   * The search was still climbing after {@link #MAX_ITERATIONS} steps without having drifted past
   * {@link #DRIFT}; {@link #params()} tells where it was.
   */
  static final class NotConverged extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient double[] params;

    NotConverged(String message, double[] params) {
      super(message);
      this.params = params.clone();
    }

    /** {@return a copy of the parameters where the search stopped} */
    double[] params() {
      return params.clone();
    }
  }

  /**
   * The likelihood has no interior maximum: a parameter ran to 0 or infinity. {@link #params()}
   * tells where the search was, so that a model can say which degenerate limit the data point to.
   */
  static final class Unidentified extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient double[] params;

    Unidentified(String message, double[] params) {
      super(message);
      this.params = params.clone();
    }

    /** {@return a copy of the parameters where the search stopped} */
    double[] params() {
      return params.clone();
    }
  }

  /**
   * Maximises {@code objective} from {@code start}.
   *
   * @param model the model's name, for messages
   * @param names the parameters' names, for messages
   * @param objective the log-likelihood
   * @param start the starting point, all {@code > 0}
   * @return the maximum
   * @throws IllegalArgumentException if a parameter runs to 0 or infinity (the likelihood has no
   *     interior maximum: the data cannot identify the model), or is still drifting there after
   *     {@link #MAX_ITERATIONS} steps, or the log-likelihood is not finite at the start
   * @throws IllegalStateException if the iteration does not converge
   */
  static Result maximize(String model, String[] names, Objective objective, double[] start) {
    int k = start.length;
    double[] params = start.clone();
    double[] gradient = new double[k];
    double[][] hessian = new double[k][k];
    double ll = objective.evaluate(params, gradient, hessian);
    if (!Double.isFinite(ll)) {
      throw new IllegalArgumentException(
          model + " log-likelihood is " + ll + " at the start " + Arrays.toString(start));
    }
    double[] trial = new double[k];
    double[] trialGradient = new double[k];
    double[][] trialHessian = new double[k][k];
    double lambda = 0;
    for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      double[] g = new double[k];
      double[][] h = new double[k][k];
      for (int i = 0; i < k; i++) {
        g[i] = params[i] * gradient[i];
        for (int j = 0; j < k; j++) {
          h[i][j] = -params[i] * hessian[i][j] * params[j];
        }
        h[i][i] -= params[i] * gradient[i];
      }
      // h is now minus the Hessian in theta. Converged when the undamped Newton step changes no
      // parameter by more than TOLERANCE or promises less than the rounding of the log-likelihood;
      // that last step is taken unless rounding says it loses.
      double noise = 1e-12 * (1 + Math.abs(ll));
      double[] newton = solve(h, 0, g);
      if (newton != null && (largest(newton) <= TOLERANCE || dot(g, newton) <= noise)) {
        double trialLl =
            objective.evaluate(step(params, newton, trial), trialGradient, trialHessian);
        if (Double.isFinite(trialLl) && trialLl >= ll - noise) {
          accept(trial, trialGradient, trialHessian, params, gradient, hessian);
          ll = trialLl;
        }
        checkInterior(model, names, params);
        return new Result(params, ll, gradient, hessian, iteration);
      }
      // Otherwise find a damped step that increases the likelihood; lambda grows tenfold a try, so
      // MAX_DAMPING tries reach steps far below any that could change the parameters.
      for (int attempt = 0; ; attempt++) {
        double[] delta = lambda == 0 ? newton : solve(h, lambda, g);
        if (delta == null) {
          if (attempt == MAX_DAMPING) {
            throw new IllegalStateException(
                model
                    + " fit: the curvature of the log-likelihood is not finite at "
                    + describe(names, params));
          }
          lambda = lambda == 0 ? 1e-6 * (1 + maxDiagonal(h)) : lambda * 10;
          continue;
        }
        double trialLl =
            objective.evaluate(step(params, delta, trial), trialGradient, trialHessian);
        if (Double.isFinite(trialLl) && trialLl >= ll) {
          accept(trial, trialGradient, trialHessian, params, gradient, hessian);
          ll = trialLl;
          checkInterior(model, names, params);
          lambda = lambda <= 1e-6 * (1 + maxDiagonal(h)) ? 0 : lambda / 10;
          break;
        }
        if (largest(delta) <= 1e-15 || attempt == MAX_DAMPING) {
          // No step of any size increases the likelihood: the point is a maximum to precision.
          checkInterior(model, names, params);
          return new Result(params, ll, gradient, hessian, iteration);
        }
        lambda = lambda == 0 ? 1e-3 * (1 + maxDiagonal(h)) : lambda * 10;
      }
    }
    // Still climbing after MAX_ITERATIONS steps: if a parameter has drifted far from 1 the
    // likelihood is rising towards a degenerate limit (a distribution collapsing to a point).
    for (int i = 0; i < k; i++) {
      if (Math.abs(Math.log(params[i])) > DRIFT) {
        throw new Unidentified(
            "the data cannot identify the "
                + model
                + " model: after "
                + MAX_ITERATIONS
                + " steps its likelihood still grows as "
                + names[i]
                + " runs towards "
                + (params[i] < 1 ? "0" : "infinity")
                + " (estimate so far "
                + describe(names, params)
                + ")",
            params);
      }
    }
    throw new NotConverged(
        model
            + " fit did not converge in "
            + MAX_ITERATIONS
            + " iterations; last estimate "
            + describe(names, params),
        params);
  }

  /** Writes {@code params * exp(delta)} to {@code trial}, each log-step capped at 5. */
  private static double[] step(double[] params, double[] delta, double[] trial) {
    for (int i = 0; i < params.length; i++) {
      trial[i] = params[i] * Math.exp(Math.max(-5, Math.min(5, delta[i])));
    }
    return trial;
  }

  private static void accept(
      double[] trial,
      double[] trialGradient,
      double[][] trialHessian,
      double[] params,
      double[] gradient,
      double[][] hessian) {
    System.arraycopy(trial, 0, params, 0, params.length);
    System.arraycopy(trialGradient, 0, gradient, 0, params.length);
    for (int i = 0; i < params.length; i++) {
      System.arraycopy(trialHessian[i], 0, hessian[i], 0, params.length);
    }
  }

  private static double largest(double[] delta) {
    double largest = 0;
    for (double d : delta) {
      largest = Math.max(largest, Math.abs(d));
    }
    return largest;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }

  private static void checkInterior(String model, String[] names, double[] params) {
    for (int i = 0; i < params.length; i++) {
      if (Math.abs(Math.log(params[i])) > BOUNDARY) {
        throw new Unidentified(
            "the data cannot identify the "
                + model
                + " model: its likelihood grows without bound as "
                + names[i]
                + " runs to "
                + (params[i] < 1 ? "0" : "infinity")
                + " (estimate so far "
                + describe(names, params)
                + ")",
            params);
      }
    }
  }

  static String describe(String[] names, double[] params) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < names.length; i++) {
      text.append(i == 0 ? "" : ", ").append(names[i]).append(" = ").append(params[i]);
    }
    return text.append(')').toString();
  }

  private static double maxDiagonal(double[][] h) {
    double max = 0;
    for (int i = 0; i < h.length; i++) {
      max = Math.max(max, Math.abs(h[i][i]));
    }
    return max;
  }

  /** Solves {@code (a + lambda I) x = b} for symmetric positive definite {@code a + lambda I}. */
  private static double[] solve(double[][] a, double lambda, double[] b) {
    double[][] l = cholesky(a, lambda);
    if (l == null) {
      return null;
    }
    int k = b.length;
    double[] y = new double[k];
    for (int i = 0; i < k; i++) {
      double s = b[i];
      for (int j = 0; j < i; j++) {
        s -= l[i][j] * y[j];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double s = y[i];
      for (int j = i + 1; j < k; j++) {
        s -= l[j][i] * x[j];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /**
   * Returns the lower Cholesky factor of {@code a + lambda I}, or null if it is not positive
   * definite.
   */
  static double[][] cholesky(double[][] a, double lambda) {
    int k = a.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j] + (i == j ? lambda : 0);
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /**
   * Returns the inverse of the symmetric positive definite {@code a}, or null if it is not positive
   * definite.
   */
  static double[][] inverse(double[][] a) {
    int k = a.length;
    double[][] inverse = new double[k][];
    for (int c = 0; c < k; c++) {
      double[] unit = new double[k];
      unit[c] = 1;
      inverse[c] = solve(a, 0, unit);
      if (inverse[c] == null) {
        return null;
      }
    }
    return inverse;
  }
}
