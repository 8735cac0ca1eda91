package io.github.cxmetrics.value;

import java.util.function.Function;

/** What the fits of the contractual models share: the identifiability checks and the search. */
final class ContractualFits {
  /**
   * Both shapes above this at the maximum, with standard errors above the estimates, mean a beta
   * distribution whose spread the data cannot tell from none (its standard deviation is at most
   * {@code 1 / (2 sqrt(alpha + beta + 1))}, under 0.011).
   */
  private static final double HOMOGENEOUS = 1e3;

  /**
   * A standard error above this multiple of its estimate means a likelihood that the data leave
   * level in that parameter: no maximum they determine.
   */
  private static final double FLAT = 1e3;

  private ContractualFits() {}

  /**
   * Checks that survivor counts can identify a model of {@code parameters} parameters: periods
   * through at least {@code parameters} (each period adds one category of lifetime), and someone
   * lost.
   */
  static void checkIdentifiable(String model, int parameters, SurvivorCounts data) {
    if (data.lastPeriod() < parameters) {
      throw new IllegalArgumentException(
          "the data cannot identify the "
              + model
              + " model: its "
              + parameters
              + " parameters need a cohort observed through period "
              + parameters
              + ", and the counts end at period "
              + data.lastPeriod());
    }
    long lost = 0;
    for (int t = 1; t <= data.lastPeriod(); t++) {
      lost += data.lostIn(t);
    }
    if (lost == 0) {
      throw new IllegalArgumentException(
          "the data cannot identify the "
              + model
              + " model: none of the "
              + data.customers()
              + " customers was lost");
    }
  }

  /**
   * Fits a model whose first two parameters are the shapes {@code alpha, beta} of a beta mixing
   * distribution, saying so when the likelihood runs to the homogeneous limit ({@code alpha} and
   * {@code beta} to infinity together: every customer with the same churn probability).
   */
  static <M> ModelFit<M> fit(
      String model,
      String[] names,
      Newton.Objective likelihood,
      double[] start,
      SurvivorCounts data,
      Function<double[], M> rebuild) {
    Newton.Result result;
    try {
      result = Newton.maximize(model, names, likelihood, start);
    } catch (Newton.Unidentified e) {
      if (spreadless(e.params())) {
        throw homogeneous(e.getMessage(), names, e.params(), e);
      }
      throw e;
    } catch (Newton.NotConverged e) {
      // an interior maximum of these smooth two- and three-parameter likelihoods is reached in
      // tens of damped Newton steps; a search still climbing after MAX_ITERATIONS follows a ridge
      // towards a limit of the model (such as c -> infinity when everyone left is lost at once)
      double[] at = e.params();
      int far = 0;
      for (int i = 1; i < at.length; i++) {
        if (Math.abs(Math.log(at[i])) > Math.abs(Math.log(at[far]))) {
          far = i;
        }
      }
      throw new IllegalArgumentException(
          "the data cannot identify the "
              + model
              + " model: after "
              + Newton.MAX_ITERATIONS
              + " steps its likelihood still rises, along a ridge towards a limit of the model"
              + " (estimate so far "
              + Newton.describe(names, at)
              + ", "
              + names[far]
              + " furthest from 1)",
          e);
    }
    double[] p = result.params();
    String where = "the data cannot identify the " + model + " model";
    ModelFit<M> fit;
    try {
      fit = new ModelFit<>(rebuild.apply(p), names, result, data.customers(), model, rebuild, null);
    } catch (IllegalArgumentException e) {
      throw spreadless(p) ? homogeneous(where, names, p, e) : e;
    }
    double[] se = fit.standardErrors();
    if (spreadless(p) && !(se[0] < p[0] && se[1] < p[1])) {
      throw homogeneous(where, names, p, null);
    }
    int flattest = 0;
    for (int i = 1; i < p.length; i++) {
      if (!(se[i] / p[i] <= se[flattest] / p[flattest])) {
        flattest = i;
      }
    }
    if (!(se[flattest] <= FLAT * p[flattest])) {
      String name = names[flattest];
      throw new IllegalArgumentException(
          where
              + ": its likelihood is flat in "
              + name
              + " at the maximum found, "
              + Newton.describe(names, p)
              + ", where the standard error of "
              + name
              + " is "
              + se[flattest]
              + " (the likelihood keeps rising, or stays level, towards a limit of the model)");
    }
    return fit;
  }

  private static boolean spreadless(double[] params) {
    return params[0] > HOMOGENEOUS && params[1] > HOMOGENEOUS;
  }

  private static IllegalArgumentException homogeneous(
      String message, String[] names, double[] at, Exception cause) {
    double theta = at[0] / (at[0] + at[1]);
    return new IllegalArgumentException(
        message
            + ": alpha and beta run to infinity together (estimate "
            + Newton.describe(names, at)
            + "), so the churn probability does not vary across customers; the data fit the"
            + " homogeneous limit, "
            + (names.length > 2
                ? "S(t) = (1 - theta)^(t^c) for every customer (the discrete Weibull), with"
                    + " theta = "
                : "S(t) = (1 - theta)^t for every customer (the geometric), with theta = ")
            + theta,
        cause);
  }
}
