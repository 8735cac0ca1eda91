package io.github.cxmetrics.drivers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The importance of each driver for the outcome, from {@link DriverMoments}: the correlation with
 * the outcome, the standardized regression coefficient of the model with every driver, its R^2, and
 * the LMG decomposition of R^2 with each driver's share.
 *
 * <p>Definitions, with {@code R} the drivers' correlation matrix and {@code r} their correlations
 * with the outcome, and for a set {@code S} of drivers {@code R^2(S) = r_S' R_SS^-1 r_S} (the R^2
 * of the least-squares regression of the outcome on {@code S}, from correlations):
 *
 * <ul>
 *   <li>standardized coefficients {@code beta = R^-1 r}, and {@code R^2 = r' beta};
 *   <li>LMG (Lindeman, Merenda and Gold 1980; U. Grömping, "Relative Importance for Linear
 *       Regression in R: The Package relaimpo", Journal of Statistical Software 17(1), 2006): the
 *       increase of R^2 when driver {@code j} joins the model, averaged over all orders of the
 *       drivers, which is the Shapley value {@code sum over S not holding j of |S|! (k - |S| - 1)!
 *       / k! (R^2(S + j) - R^2(S))}. The importances are non-negative and add up to R^2. Computed
 *       exactly over all {@code 2^k} subsets, so {@code k} is at most {@link #MAX_DRIVERS}.
 * </ul>
 *
 * <p>Each R^2 solves its normal equations by Cholesky factorisation; a pivot below {@code 1e-10}
 * (of a unit diagonal) means the drivers of the subset are linearly dependent, and the analysis
 * fails naming them rather than returning importances of an ill-posed model.
 */
public final class DriverImportance {
  /** The most drivers an exact LMG decomposition takes (2^15 subsets). */
  public static final int MAX_DRIVERS = 15;

  /** The smallest Cholesky pivot of a correlation matrix taken as independent drivers. */
  private static final double COLLINEAR = 1e-10;

  private final DriverMoments moments;
  private final double[] correlations;
  private final double[] coefficients;
  private final double rSquared;
  private final double[] lmg;
  private final double[] relativeWeights;

  private DriverImportance(
      DriverMoments moments,
      double[] correlations,
      double[] coefficients,
      double rSquared,
      double[] lmg,
      double[] relativeWeights) {
    this.moments = moments;
    this.correlations = correlations;
    this.coefficients = coefficients;
    this.rSquared = rSquared;
    this.lmg = lmg;
    this.relativeWeights = relativeWeights;
  }

  /**
   * Computes the importances.
   *
   * @param moments the co-moments, with at least {@code k + 2} responses
   * @return the importances
   * @throws NullPointerException if {@code moments} is null
   * @throws IllegalArgumentException if there are more than {@link #MAX_DRIVERS} drivers
   * @throws IllegalStateException if there are fewer than {@code k + 2} responses, a variable is
   *     constant, or drivers are linearly dependent, naming them
   */
  public static DriverImportance of(DriverMoments moments) {
    Objects.requireNonNull(moments, "moments");
    int k = moments.drivers().size();
    if (k > MAX_DRIVERS) {
      throw new IllegalArgumentException(
          k + " drivers: the exact LMG decomposition takes at most " + MAX_DRIVERS);
    }
    if (moments.count() < k + 2) {
      throw new IllegalStateException(
          "a model of "
              + k
              + " drivers needs at least "
              + (k + 2)
              + " complete responses; there are "
              + moments.count());
    }
    double[][] r = new double[k + 1][k + 1];
    for (int i = 0; i <= k; i++) {
      for (int j = i; j <= k; j++) {
        r[i][j] = i == j ? 1 : moments.correlation(i, j);
        r[j][i] = r[i][j];
      }
    }
    double[] withOutcome = new double[k];
    for (int j = 0; j < k; j++) {
      withOutcome[j] = r[0][j + 1];
    }
    int subsets = 1 << k;
    double[] r2 = new double[subsets];
    double[] beta = new double[k];
    for (int mask = 1; mask < subsets; mask++) {
      // the model with every driver also gives the coefficients
      r2[mask] = rSquared(r, mask, k, moments.drivers(), mask == subsets - 1 ? beta : null);
    }
    // Shapley weights |S|! (k - |S| - 1)! / k!, by subset size
    double[] weight = new double[k];
    for (int s = 0; s < k; s++) {
      weight[s] = 1.0 / (k * binomial(k - 1, s));
    }
    double[] lmg = new double[k];
    for (int mask = 0; mask < subsets; mask++) {
      int size = Integer.bitCount(mask);
      for (int j = 0; j < k; j++) {
        if ((mask & (1 << j)) == 0) {
          lmg[j] += weight[size] * (r2[mask | (1 << j)] - r2[mask]);
        }
      }
    }
    return new DriverImportance(
        moments, withOutcome, beta, r2[subsets - 1], lmg, relativeWeights(r, withOutcome, k));
  }

  /**
   * Johnson's relative weights: with {@code R = V diag(l) V'} the drivers' correlation matrix,
   * {@code L = V diag(sqrt l) V'} its symmetric square root (the correlations of the drivers with
   * their closest orthogonal counterparts), {@code b = L^-1 r} the coefficients of the outcome on
   * those, and the weight of driver {@code j} {@code sum_m L_jm^2 b_m^2}.
   */
  private static double[] relativeWeights(double[][] r, double[] withOutcome, int k) {
    double[][] a = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i][j] = r[i + 1][j + 1];
      }
    }
    double[][] v = new double[k][k];
    double[] l = Jacobi.eigen(a, v);
    double[][] root = new double[k][k];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double sum = 0;
        for (int m = 0; m < k; m++) {
          sum += v[i][m] * Math.sqrt(Math.max(0, l[m])) * v[j][m];
        }
        root[i][j] = sum;
      }
    }
    // L^-1 r = V diag(1 / sqrt l) V' r; the Cholesky above has already refused a singular R
    for (int i = 0; i < k; i++) {
      double sum = 0;
      for (int m = 0; m < k; m++) {
        double projection = 0;
        for (int j = 0; j < k; j++) {
          projection += v[j][m] * withOutcome[j];
        }
        sum += v[i][m] * projection / Math.sqrt(l[m]);
      }
      b[i] = sum;
    }
    double[] weights = new double[k];
    for (int j = 0; j < k; j++) {
      for (int m = 0; m < k; m++) {
        weights[j] += root[j][m] * root[j][m] * b[m] * b[m];
      }
    }
    return weights;
  }

  private static double binomial(int n, int s) {
    double c = 1;
    for (int i = 1; i <= s; i++) {
      c = c * (n - s + i) / i;
    }
    return c;
  }

  /**
   * The R^2 of the drivers in {@code mask} (bit j for driver j + 1 of {@code r}), by Cholesky; the
   * coefficients go to {@code beta} (indexed by driver) when it is not null.
   */
  private static double rSquared(double[][] r, int mask, int k, List<String> names, double[] beta) {
    int[] in = new int[Integer.bitCount(mask)];
    int m = 0;
    for (int j = 0; j < k; j++) {
      if ((mask & (1 << j)) != 0) {
        in[m++] = j + 1;
      }
    }
    double[][] l = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = r[in[a]][in[b]];
        for (int c = 0; c < b; c++) {
          sum -= l[a][c] * l[b][c];
        }
        if (a == b) {
          if (!(sum > COLLINEAR)) {
            List<String> set = new ArrayList<>();
            for (int c = 0; c <= a; c++) {
              set.add(names.get(in[c] - 1));
            }
            throw new IllegalStateException(
                "drivers " + set + " are linearly dependent: their importances are undefined");
          }
          l[a][a] = Math.sqrt(sum);
        } else {
          l[a][b] = sum / l[b][b];
        }
      }
    }
    // solve L y = r_S, then R^2 = |y|^2; for beta, L' b = y
    double[] y = new double[m];
    double total = 0;
    for (int a = 0; a < m; a++) {
      double sum = r[0][in[a]];
      for (int c = 0; c < a; c++) {
        sum -= l[a][c] * y[c];
      }
      y[a] = sum / l[a][a];
      total += y[a] * y[a];
    }
    if (beta != null) {
      for (int a = m - 1; a >= 0; a--) {
        double sum = y[a];
        for (int c = a + 1; c < m; c++) {
          sum -= l[c][a] * beta[in[c] - 1];
        }
        beta[in[a] - 1] = sum / l[a][a];
      }
    }
    return total;
  }

  /** The driver's position, 0..k-1, or an exception naming the drivers. */
  int index(String driver) {
    int at = moments.drivers().indexOf(Objects.requireNonNull(driver, "driver"));
    if (at < 0) {
      throw new IllegalArgumentException(
          "driver " + driver + " is not one of " + moments.drivers());
    }
    return at;
  }

  /** {@return the co-moments the importances come from} */
  public DriverMoments moments() {
    return moments;
  }

  /** {@return the R^2 of the model with every driver, in [0, 1]} */
  public double rSquared() {
    return rSquared;
  }

  /**
   * Returns a driver's correlation with the outcome.
   *
   * @param driver the driver's name
   * @return the correlation, in [-1, 1]
   * @throws IllegalArgumentException if the driver is unknown
   */
  public double correlation(String driver) {
    return correlations[index(driver)];
  }

  /**
   * Returns a driver's standardized coefficient in the model with every driver.
   *
   * @param driver the driver's name
   * @return the coefficient (standard deviations of the outcome per standard deviation of the
   *     driver)
   * @throws IllegalArgumentException if the driver is unknown
   */
  public double standardizedCoefficient(String driver) {
    return coefficients[index(driver)];
  }

  /**
   * Returns a driver's LMG importance: its share of R^2 averaged over all orders of entry.
   *
   * @param driver the driver's name
   * @return the importance, in [0, R^2]
   * @throws IllegalArgumentException if the driver is unknown
   */
  public double lmg(String driver) {
    return lmg[index(driver)];
  }

  /**
   * Returns a driver's relative weight (J. W. Johnson, "A Heuristic Method for Estimating the
   * Relative Weight of Predictor Variables in Multiple Regression", Multivariate Behavioral
   * Research 35(1), 1-19, 2000): its share of R^2 through the orthogonal counterparts of the
   * drivers. The weights add up to R^2 and are close to the LMG importances.
   *
   * @param driver the driver's name
   * @return the weight, in [0, R^2]
   * @throws IllegalArgumentException if the driver is unknown
   */
  public double relativeWeight(String driver) {
    return relativeWeights[index(driver)];
  }

  /**
   * Returns a driver's share of R^2, {@code lmg / R^2}.
   *
   * @param driver the driver's name
   * @return the share, in [0, 1]
   * @throws IllegalArgumentException if the driver is unknown
   * @throws IllegalStateException if R^2 is 0 (no driver explains anything)
   */
  public double share(String driver) {
    double importance = lmg(driver);
    if (rSquared == 0) {
      throw new IllegalStateException("R^2 is 0: the shares of it are undefined");
    }
    return importance / rSquared;
  }

  /**
   * One driver of the importance-performance view.
   *
   * @param driver the driver's name
   * @param importance its LMG importance
   * @param meanRating its mean rating, the performance
   */
  public record Quadrant(String driver, double importance, double meanRating) {}

  /**
   * Returns the importance-performance view: per driver, its LMG importance and its mean rating,
   * the two axes of the classic quadrant (act where importance is high and performance low).
   *
   * @return one entry per driver, in driver order
   */
  public List<Quadrant> quadrant() {
    List<Quadrant> points = new ArrayList<>();
    for (int j = 0; j < lmg.length; j++) {
      points.add(new Quadrant(moments.drivers().get(j), lmg[j], moments.mean(j + 1)));
    }
    return Collections.unmodifiableList(points);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("DriverImportance[R^2 ").append(rSquared);
    for (int j = 0; j < lmg.length; j++) {
      text.append(", ").append(moments.drivers().get(j)).append(' ').append(lmg[j]);
    }
    return text.append(']').toString();
  }
}
