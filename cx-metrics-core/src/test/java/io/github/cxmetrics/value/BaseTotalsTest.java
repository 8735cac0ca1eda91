package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link CustomerSummaries#grouped()} and the expected purchases of a whole base. */
class BaseTotalsTest {
  @Test
  void groupingMergesIdenticalRowsInFirstAppearanceOrder() {
    CustomerSummaries rows =
        CustomerSummaries.of(
            new int[] {2, 0, 2, 1, 0, 2},
            new double[] {5, 0, 5, 3, 0, 6},
            new double[] {10, 8, 10, 10, 8, 10});
    CustomerSummaries grouped = rows.grouped();
    assertThat(grouped.size()).isEqualTo(4);
    assertThat(grouped.customers()).isEqualTo(6);
    // (2, 5, 10) twice, (0, 0, 8) twice, (1, 3, 10) once, (2, 6, 10) once
    assertThat(grouped.frequency(0)).isEqualTo(2);
    assertThat(grouped.count(0)).isEqualTo(2);
    assertThat(grouped.age(1)).isEqualTo(8);
    assertThat(grouped.count(1)).isEqualTo(2);
    assertThat(grouped.recency(2)).isEqualTo(3);
    assertThat(grouped.count(2)).isEqualTo(1);
    assertThat(grouped.recency(3)).isEqualTo(6);
    BgNbd model = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    assertThat(model.logLikelihood(grouped)).isCloseTo(model.logLikelihood(rows), within(1e-10));
    // counts add up when rows with counts are grouped again
    CustomerSummaries counted =
        CustomerSummaries.ofCounts(
            new int[] {1, 1}, new double[] {2, 2}, new double[] {4, 4}, new long[] {3, 5});
    assertThat(counted.grouped().size()).isEqualTo(1);
    assertThat(counted.grouped().count(0)).isEqualTo(8);
    // nothing to merge: the same value
    CustomerSummaries distinct =
        CustomerSummaries.of(new int[] {0, 1}, new double[] {0, 1}, new double[] {2, 2});
    assertThat(distinct.grouped()).isSameAs(distinct);
  }

  @Test
  void theBaseTotalIsTheSumOverItsCustomers() {
    BgNbd model = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    CustomerSummaries cdnow = CustomerSummaries.of(Cdnow.calibration());
    double rowByRow = 0;
    for (int i = 0; i < cdnow.size(); i++) {
      rowByRow +=
          model.conditionalExpectedPurchases(
              39, cdnow.frequency(i), cdnow.recency(i), cdnow.age(i));
    }
    assertThat(model.conditionalExpectedPurchases(39, cdnow)).isCloseTo(rowByRow, within(1e-9));
    assertThat(model.conditionalExpectedPurchases(39, cdnow.grouped()))
        .isCloseTo(rowByRow, within(1e-9));
    assertThat(model.conditionalExpectedPurchases(0, cdnow)).isZero();
    // the interface's default, row by row with counts: a Poisson model predicts lambda t each
    CustomerSummaries counted =
        CustomerSummaries.ofCounts(
            new int[] {1, 0}, new double[] {2, 0}, new double[] {4, 4}, new long[] {3, 5});
    assertThat(new PoissonModel(0.5).conditionalExpectedPurchases(2, counted)).isEqualTo(8);
    assertThatThrownBy(() -> model.conditionalExpectedPurchases(-1, cdnow))
        .hasMessageContaining("time -1.0");
    assertThatThrownBy(() -> model.conditionalExpectedPurchases(1, (CustomerSummaries) null))
        .isInstanceOf(NullPointerException.class);
  }
}
