package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW sample (test resources {@code cdnow/}, see its README): the 39-week calibration summary
 * built from the raw transactions must match the published per-customer summary of Fader, Hardie
 * &amp; Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), for every one
 * of its 2,357 customers, to the two decimals it was published with.
 */
class PurchaseHistoryReferenceTest {
  @Test
  void calibrationSummaryMatchesThePublishedFile() {
    List<PurchaseHistory> summaries = Cdnow.calibration();
    Map<Object, PurchaseHistory> byCustomer = new HashMap<>();
    summaries.forEach(s -> byCustomer.put(s.customer(), s));

    List<String> published = Cdnow.lines("/cdnow/cdnow_customers_summary_with_transactions.csv");
    assertThat(published.get(0)).isEqualTo("ID,x,t_x,T,zbar");
    assertThat(published).hasSize(2357 + 1);
    // every CDNOW customer first bought in the first quarter of 1997, inside the calibration
    assertThat(summaries).hasSize(2357);
    for (String row : published.subList(1, published.size())) {
      String[] f = row.split(",");
      PurchaseHistory history = byCustomer.get(Integer.parseInt(f[0]));
      assertThat(history).as("customer %s", f[0]).isNotNull();
      assertThat(history.frequency()).as("x of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
      assertThat(history.recency())
          .as("t_x of %s", f[0])
          .isCloseTo(Double.parseDouble(f[2]), within(0.005 + 1e-9));
      assertThat(history.age())
          .as("T of %s", f[0])
          .isCloseTo(Double.parseDouble(f[3]), within(0.005 + 1e-9));
      assertThat(history.averageRepeatValue().orElse(0))
          .as("zbar of %s", f[0])
          .isCloseTo(Double.parseDouble(f[4]), within(0.005 + 1e-9));
    }
  }

  @Test
  void firstCustomerByHand() {
    // customer 1 bought on 1997-01-01, 01-18, 08-02 and 12-12; the last is after the calibration
    PurchaseHistory first = Cdnow.calibration().get(0);
    assertThat(first.customer()).isEqualTo(1);
    assertThat(first.frequency()).isEqualTo(2);
    assertThat(first.recency()).isEqualTo(213 / 7.0); // Jan 1 to Aug 2
    assertThat(first.age()).isEqualTo(272 / 7.0); // Jan 1 to Sep 30
    assertThat(first.averageRepeatValue()).hasValue((29.73 + 14.96) / 2);
  }
}
