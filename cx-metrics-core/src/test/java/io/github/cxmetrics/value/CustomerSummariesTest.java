package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {
  @Test
  void rowsWithCountsAreChecked() {
    int[] x = {0, 2};
    double[] tx = {0, 3};
    double[] t = {5, 6};
    CustomerSummaries rows = CustomerSummaries.ofCounts(x, tx, t, new long[] {4, 0});
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.customers()).isEqualTo(4);
    assertThat(rows.count(0)).isEqualTo(4);
    assertThat(rows.count(1)).isZero();
    assertThat(CustomerSummaries.of(x, tx, t).count(1)).isEqualTo(1);
    assertThat(CustomerSummaries.of(x, tx, t).customers()).isEqualTo(2);
    assertThatThrownBy(() -> rows.count(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> CustomerSummaries.ofCounts(x, tx, t, new long[] {1, -1}))
        .hasMessage("count -1 of the row at index 1 must be >= 0");
    assertThatThrownBy(() -> CustomerSummaries.ofCounts(x, tx, t, new long[] {1}))
        .hasMessage("counts must have the length of the other columns, 2, not 1");
    assertThatThrownBy(() -> CustomerSummaries.ofCounts(x, tx, t, new long[] {Long.MAX_VALUE, 1}))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> CustomerSummaries.ofCounts(x, tx, t, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("counts");
  }

  /** Groups identical rows of {@code base} into rows with counts, in order of first appearance. */
  static CustomerSummaries compress(CustomerSummaries base) {
    Map<List<Double>, long[]> rows = new LinkedHashMap<>();
    for (int i = 0; i < base.size(); i++) {
      List<Double> key = List.of((double) base.frequency(i), base.recency(i), base.age(i));
      rows.computeIfAbsent(key, k -> new long[1])[0]++;
    }
    int n = rows.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    long[] counts = new long[n];
    int i = 0;
    for (Map.Entry<List<Double>, long[]> row : rows.entrySet()) {
      x[i] = row.getKey().get(0).intValue();
      tx[i] = row.getKey().get(1);
      t[i] = row.getKey().get(2);
      counts[i] = row.getValue()[0];
      i++;
    }
    return CustomerSummaries.ofCounts(x, tx, t, counts);
  }

  @Test
  void groupingIdenticalCustomersChangesNoEstimate() {
    CustomerSummaries each = BgNbdReferenceTest.publishedSummary();
    CustomerSummaries grouped = compress(each);
    assertThat(grouped.size()).isLessThan(each.size());
    assertThat(grouped.customers()).isEqualTo(2357);
    ModelFit<BgNbd> one = BgNbd.fit(each);
    ModelFit<BgNbd> rows = BgNbd.fit(grouped);
    assertThat(rows.customers()).isEqualTo(2357);
    assertThat(rows.logLikelihood()).isCloseTo(one.logLikelihood(), within(1e-8));
    for (int p = 0; p < 4; p++) {
      assertThat(rows.estimates()[p]).isCloseTo(one.estimates()[p], within(1e-9));
      assertThat(rows.standardErrors()[p]).isCloseTo(one.standardErrors()[p], within(1e-9));
    }
  }

  @Test
  void aRowWithACountIsThatManyCustomers() {
    BgNbd model = BgNbd.of(0.4, 3, 1.2, 2.5);
    qt().forAll(
            lists().of(BgNbdPropertiesTest.customers()).ofSizeBetween(0, 20),
            lists().of(integers().between(0, 4)).ofSize(20))
        .checkAssert(
            (list, multiplicities) -> {
              List<double[]> expanded = new ArrayList<>();
              long[] counts = new long[list.size()];
              for (int i = 0; i < list.size(); i++) {
                counts[i] = multiplicities.get(i);
                for (int k = 0; k < counts[i]; k++) {
                  expanded.add(list.get(i));
                }
              }
              CustomerSummaries columns = BgNbdPropertiesTest.columns(list);
              int n = list.size();
              double[] tx = new double[n];
              double[] t = new double[n];
              int[] x = new int[n];
              for (int i = 0; i < n; i++) {
                x[i] = columns.frequency(i);
                tx[i] = columns.recency(i);
                t[i] = columns.age(i);
              }
              CustomerSummaries rows = CustomerSummaries.ofCounts(x, tx, t, counts);
              double one = model.logLikelihood(BgNbdPropertiesTest.columns(expanded));
              assertThat(rows.customers()).isEqualTo(expanded.size());
              assertThat(model.logLikelihood(rows))
                  .isCloseTo(one, within(1e-12 * (1 + Math.abs(one))));
            });
  }
}
