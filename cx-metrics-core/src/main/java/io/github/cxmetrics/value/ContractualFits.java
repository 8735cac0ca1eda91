package io.github.cxmetrics.value;

/** What the fits of the contractual models share: the identifiability checks and the search. */
final class ContractualFits {
  /** Both shapes beyond this, where the search stopped, mean a beta distribution with no spread. */
  private static final double HOMOGENEOUS = 1e3;

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
   * Maximises {@code likelihood} from {@code start}, saying so when the search runs to a beta
   * distribution without spread ({@code alpha} and {@code beta}, the first two parameters, both to
   * infinity): every customer with the same churn probability.
   */
  static Newton.Result maximize(
      String model, String[] names, Newton.Objective likelihood, double[] start) {
    try {
      return Newton.maximize(model, names, likelihood, start);
    } catch (Newton.Unidentified e) {
      double[] at = e.params();
      if (at[0] > HOMOGENEOUS && at[1] > HOMOGENEOUS) {
        double theta = at[0] / (at[0] + at[1]);
        throw new IllegalArgumentException(
            e.getMessage()
                + ": alpha and beta run to infinity together, so the churn probability does not"
                + " vary across customers; the data fit the homogeneous limit, "
                + (names.length > 2
                    ? "S(t) = (1 - theta)^(t^c) for every customer (the discrete Weibull), with"
                        + " theta = "
                    : "S(t) = (1 - theta)^t for every customer (the geometric), with theta = ")
                + theta,
            e);
      }
      throw e;
    }
  }
}
