package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NewtonTest {
  private static final String[] NAMES = {"u", "v"};

  /** -(u - 2)^2 - 3 (v - 1/2)^2 + (u - 2)(v - 1/2): concave, maximum 0 at (2, 1/2). */
  static double quadratic(double[] p, double[] g, double[][] h) {
    double du = p[0] - 2;
    double dv = p[1] - 0.5;
    g[0] = -2 * du + dv;
    g[1] = -6 * dv + du;
    h[0][0] = -2;
    h[1][1] = -6;
    h[0][1] = 1;
    h[1][0] = 1;
    return -du * du - 3 * dv * dv + du * dv;
  }

  @Test
  void findsTheMaximumOfAConcaveFunction() {
    Newton.Result result =
        Newton.maximize("quadratic", NAMES, NewtonTest::quadratic, new double[] {30, 0.001});
    assertThat(result.params()[0]).isCloseTo(2, within(1e-9));
    assertThat(result.params()[1]).isCloseTo(0.5, within(1e-9));
    assertThat(result.logLikelihood()).isCloseTo(0, within(1e-15));
    assertThat(result.iterations()).isBetween(1, 60);
    assertThat(result.hessian()[0][1]).isEqualTo(1);
  }

  @Test
  void refusesALikelihoodWithoutAnInteriorMaximum() {
    // ln u + ln v grows without bound
    Newton.Objective growing =
        (p, g, h) -> {
          for (int i = 0; i < 2; i++) {
            g[i] = 1 / p[i];
            h[i][i] = -1 / (p[i] * p[i]);
          }
          h[0][1] = 0;
          h[1][0] = 0;
          return Math.log(p[0]) + Math.log(p[1]);
        };
    assertThatThrownBy(() -> Newton.maximize("growing", NAMES, growing, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "the data cannot identify the growing model: its likelihood grows without bound as u"
                + " runs to infinity");
  }

  @Test
  void refusesAnUndefinedStartOrCurvature() {
    assertThatThrownBy(
            () -> Newton.maximize("nan", NAMES, (p, g, h) -> Double.NaN, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nan log-likelihood is NaN at the start [1.0, 2.0]");
    Newton.Objective flatNan =
        (p, g, h) -> {
          g[0] = 1;
          g[1] = 1;
          h[0][0] = Double.NaN;
          h[1][1] = Double.NaN;
          return 0;
        };
    assertThatThrownBy(() -> Newton.maximize("broken", NAMES, flatNan, new double[] {1, 2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "broken fit: the curvature of the log-likelihood is not finite at (u = 1.0, v = 2.0)");
  }

  @Test
  void choleskyAndInverse() {
    double[][] a = {{4, 2}, {2, 3}};
    double[][] l = Newton.cholesky(a, 0);
    assertThat(l[0][0]).isEqualTo(2);
    assertThat(l[1][0]).isEqualTo(1);
    assertThat(l[1][1]).isCloseTo(Math.sqrt(2), within(1e-15));
    // inverse of [[4, 2], [2, 3]] is [[3, -2], [-2, 4]] / 8
    double[][] inverse = Newton.inverse(a);
    assertThat(inverse[0]).containsExactly(new double[] {3 / 8.0, -2 / 8.0}, within(1e-15));
    assertThat(inverse[1]).containsExactly(new double[] {-2 / 8.0, 4 / 8.0}, within(1e-15));
    assertThat(Newton.inverse(new double[][] {{1, 2}, {2, 1}})).isNull();
    assertThat(Newton.cholesky(new double[][] {{1, 2}, {2, 1}}, 3)).isNotNull();
  }
}
