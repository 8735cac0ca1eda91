package io.github.cxmetrics.drivers;

/**
 * The eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (G. H.
 * Golub and C. F. Van Loan, Matrix Computations, 4th ed., section 8.5): each sweep zeroes every
 * off-diagonal element in turn by a plane rotation, until their sum of squares is below {@code
 * 1e-30} of the matrix's (at most 100 sweeps; quadratic convergence takes a handful).
 */
final class Jacobi {
  private static final int MAX_SWEEPS = 100;

  private Jacobi() {}

  /**
   * Returns the eigenvalues of symmetric {@code a} (overwritten) and puts the eigenvectors in the
   * columns of {@code v}, the same order.
   */
  static double[] eigen(double[][] a, double[][] v) {
    int n = a.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        v[i][j] = i == j ? 1 : 0;
        total += a[i][j] * a[i][j];
      }
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= 1e-30 * total) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    return values;
  }

  /** The rotation in the (p, q) plane that zeroes {@code a[p][q]}. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
