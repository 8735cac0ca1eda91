package io.github.cxmetrics.value;

/**
 * A Gauss-Legendre rule on {@code [-1, 1]} with {@code n} nodes, computed once by Newton's method
 * on the Legendre polynomial {@code P_n} (three-term recurrence), from the Chebyshev-like first
 * guesses {@code cos(pi (i + 3/4) / (n + 1/2))}; weights {@code 2 / ((1 - x^2) P_n'(x)^2)} (e.g. W.
 * H. Press et al., "Numerical Recipes", 3rd ed., section 4.6). With {@code n} nodes the rule is
 * exact for polynomials of degree {@code 2n - 1}.
 */
final class GaussLegendre {
  /** The rules with 8, 12 and 16 nodes. */
  static final GaussLegendre OF_8 = rule(8);

  static final GaussLegendre OF_12 = rule(12);
  static final GaussLegendre OF_16 = rule(16);

  /** The number of nodes. */
  final int points;

  /** The nodes, in {@code (-1, 1)}. */
  final double[] nodes;

  /** The weights, positive, summing to 2. */
  final double[] weights;

  /** The logarithms of the weights. */
  final double[] logWeights;

  private GaussLegendre(double[] nodes, double[] weights, double[] logWeights) {
    this.points = nodes.length;
    this.nodes = nodes;
    this.weights = weights;
    this.logWeights = logWeights;
  }

  /** {@return the rule with {@code n} nodes} */
  private static GaussLegendre rule(int n) {
    double[] nodes = new double[n];
    double[] weights = new double[n];
    double[] logWeights = new double[n];
    for (int i = 0; i < n; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      for (int iteration = 0; iteration < 100; iteration++) {
        double step = legendre(n, x)[0] / legendre(n, x)[1];
        x -= step;
        if (Math.abs(step) < 1e-16) {
          break;
        }
      }
      double derivative = legendre(n, x)[1];
      nodes[i] = x;
      weights[i] = 2 / ((1 - x * x) * derivative * derivative);
      logWeights[i] = Math.log(weights[i]);
    }
    return new GaussLegendre(nodes, weights, logWeights);
  }

  /** {@return {@code {P_n(x), P_n'(x)}}} */
  private static double[] legendre(int n, double x) {
    double p0 = 1;
    double p1 = x;
    for (int k = 2; k <= n; k++) {
      double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    return new double[] {p1, n * (x * p1 - p0) / (x * x - 1)};
  }
}
