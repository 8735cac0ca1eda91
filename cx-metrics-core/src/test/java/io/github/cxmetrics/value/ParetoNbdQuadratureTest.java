package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Gauss-Legendre rules and the panels of the Pareto/NBD death-time integral. */
class ParetoNbdQuadratureTest {
  @Test
  void eachRuleIntegratesPolynomialsOfDegreeBelowTwiceItsNodesExactly() {
    // integral of x^k over [-1, 1]: 2 / (k + 1) for even k, 0 for odd k
    for (GaussLegendre rule :
        new GaussLegendre[] {GaussLegendre.OF_8, GaussLegendre.OF_12, GaussLegendre.OF_16}) {
      for (int k = 0; k < 2 * rule.points; k++) {
        double sum = 0;
        for (int j = 0; j < rule.points; j++) {
          sum += rule.weights[j] * Math.pow(rule.nodes[j], k);
          assertThat(rule.logWeights[j]).isCloseTo(Math.log(rule.weights[j]), within(1e-15));
        }
        double exact = k % 2 == 0 ? 2.0 / (k + 1) : 0;
        assertThat(sum).as("%d nodes, degree %d", rule.points, k).isCloseTo(exact, within(1e-14));
      }
    }
  }

  @Test
  void panelsAndRulesFollowTheFallOfTheIntegrand() {
    // by hand, from the rule in ParetoNbdLikelihood.nodes: m = min(alpha, beta), span = ln((m +
    // to) / (m + from)), rate D = a (m + tau) / (alpha + tau) + b (m + tau) / (beta + tau) - 1 at
    // both ends, c = max |D|; panels = max(1, ceil(span / 2), ceil(c span / 20)) up to 256; 8 nodes
    // when c w <= 2 and w <= 1, 12 when c w <= 10, else 16, for w = span / panels.
    // {alpha, beta, a, b, from, to, nodes}
    double[][] cases = {
      // a light buyer over 39 weeks: span 1.589, c = 1.5 + 1.6 * 49 / 51 - 1 = 2.037, c span = 3.24
      {10, 12, 1.5, 1.6, 0, 39, 12},
      // x = 100 from 0.5 to 52: span 1.731, c = 101.13, c span = 175.1: 9 panels of 16
      {10.5802, 11.6562, 100.5534, 1.6061, 0.5, 52, 9 * 16},
      // a search gone to r = 1e9: the cap, 256 panels of 16
      {10, 12, 1e9, 1.6, 0, 39, 256 * 16},
      // the last week only: span 0.0206, fall 0.042: 8 nodes
      {10, 12, 1.5, 1.6, 38, 39, 8},
      // alpha far below beta: span 2.302, c = 11.8 + 1.8 * 4.001 / 1004 = 11.807 at the start,
      // 11.869 at the end, c span = 27.3: 2 panels of width 1.151, fall 13.7: 16 nodes
      {0.001, 1000, 12.8, 1.8, 4, 40, 2 * 16},
      // nothing to integrate
      {10, 12, 1.5, 1.6, 39, 39, 0}
    };
    for (double[] c : cases) {
      double[][] out = {new double[8], new double[8], new double[8]};
      int n = ParetoNbdLikelihood.nodes(c[0], c[1], c[2], c[3], c[4], c[5], out);
      assertThat(n).as("nodes for %s", java.util.Arrays.toString(c)).isEqualTo((int) c[6]);
      // the weights integrate 1 d tau: the length of the interval
      double length = 0;
      double m = Math.min(c[0], c[1]);
      for (int k = 0; k < n; k++) {
        length += Math.exp(out[1][k]);
        assertThat(out[0][k]).isBetween(c[4], c[5]);
        assertThat(out[2][k]).isCloseTo(Math.log(m + out[0][k]), within(1e-12));
      }
      assertThat(length).isCloseTo(c[5] - c[4], within(1e-13 * (1 + c[5])));
    }
  }
}
