package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
  // 100 customers at the start, 105 at the end, 15 of them new: 90 retained, 10 lost
  private static final Retention QUARTER = Retention.ofCounts(100, 105, 15);

  @Test
  void ratesFromCountsByHand() {
    assertThat(QUARTER.retained()).isEqualTo(90);
    assertThat(QUARTER.lost()).isEqualTo(10);
    assertThat(QUARTER.retentionRate()).isEqualTo((105 - 15) / 100.0);
    assertThat(QUARTER.churnRate()).isEqualTo(10 / 100.0);
    assertThat(QUARTER.expectedLifetime()).isCloseTo(1 / 0.1, within(1e-12));
    assertThat(QUARTER.standardError()).isCloseTo(Math.sqrt(0.9 * 0.1 / 100), within(1e-15));
  }

  @Test
  void wilsonIntervalsMatchSciPy() {
    // SciPy 1.17.1: binomtest(90, 100).proportion_ci(0.95, method='wilson')
    Interval retention = QUARTER.retentionInterval(0.95);
    assertThat(retention.lower()).isCloseTo(0.8256343384950865, within(1e-12));
    assertThat(retention.upper()).isCloseTo(0.9447708629393249, within(1e-12));
    // binomtest(10, 100).proportion_ci(0.95, method='wilson')
    Interval churn = QUARTER.churnInterval(0.95);
    assertThat(churn.lower()).isCloseTo(0.05522913706067508, within(1e-12));
    assertThat(churn.upper()).isCloseTo(0.17436566150491345, within(1e-12));
  }

  @Test
  void rejectsImpossibleCountsNamingTheNumbers() {
    assertThatThrownBy(() -> Retention.ofCounts(10, 5, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acquired customers (6) cannot exceed customers at end (5)");
    assertThatThrownBy(() -> Retention.ofCounts(10, 20, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "retained customers, end - acquired = 20 - 5 = 15, cannot exceed customers at start (10)");
    assertThatThrownBy(() -> Retention.ofCounts(-1, 0, 0))
        .hasMessage("customers at start (-1) must be >= 0");
    assertThatThrownBy(() -> Retention.ofCounts(1, 0, -2))
        .hasMessage("acquired customers (-2) must be >= 0");
  }

  @Test
  void noStartingCustomersHasCountsButNoRates() {
    Retention launch = Retention.ofCounts(0, 40, 40);
    assertThat(launch.acquired()).isEqualTo(40);
    assertThat(launch.retained()).isZero();
    assertThatThrownBy(launch::retentionRate)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("retention is undefined with no customers at the start");
    assertThatThrownBy(launch::churnRate).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> launch.churnInterval(0.9)).isInstanceOf(IllegalStateException.class);
    assertThat(launch).hasToString("Retention[start=0, end=40, acquired=40]");
  }

  @Test
  void noChurnMeansAnInfiniteExpectedLifetime() {
    Retention loyal = Retention.ofCounts(50, 50, 0);
    assertThat(loyal.churnRate()).isZero();
    assertThat(loyal.expectedLifetime()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(loyal.retentionInterval(0.95).upper()).isEqualTo(1.0);
  }

  @Test
  void comparesTwoPeriodsByHand() {
    Retention previous = Retention.ofCounts(200, 190, 30); // 160 retained: 0.8
    Comparison comparison = Comparison.of(QUARTER, previous);
    assertThat(comparison.difference()).isCloseTo(0.9 - 0.8, within(1e-12));
    // Agresti-Caffo: 91 of 102 against 161 of 202
    double a = 91.0 / 102;
    double b = 161.0 / 202;
    assertThat(comparison.adjustedDifference()).isCloseTo(a - b, within(1e-12));
    double se = Math.sqrt(a * (1 - a) / 102 + b * (1 - b) / 202);
    assertThat(comparison.standardError()).isCloseTo(se, within(1e-12));
  }

  @Test
  void segmentsMergeByAddingCounts() {
    Retention web = Retention.ofCounts(60, 70, 12);
    Retention app = Retention.ofCounts(40, 35, 3);
    assertThat(web.merge(app)).isEqualTo(QUARTER);
    assertThat(Retention.EMPTY.merge(QUARTER)).isEqualTo(QUARTER);
    // the merged rate is the ratio of the summed counts, not the mean of the rates
    assertThat(web.merge(app).retentionRate())
        .isEqualTo((58.0 + 32.0) / 100)
        .isNotEqualTo((58.0 / 60 + 32.0 / 40) / 2);
  }

  @Test
  void customerChangesGiveExactCounts() {
    CustomerChanges<String> changes =
        CustomerChanges.of(List.of("ann", "bob", "cy", "dee"), List.of("bob", "dee", "eve", "bob"));
    assertThat(changes.retained()).containsExactlyInAnyOrder("bob", "dee");
    assertThat(changes.lost()).containsExactlyInAnyOrder("ann", "cy");
    assertThat(changes.acquired()).containsExactly("eve");
    assertThat(changes.retention()).isEqualTo(Retention.ofCounts(4, 3, 1));
    assertThatThrownBy(() -> changes.retained().add("zed"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> CustomerChanges.of(java.util.Arrays.asList("a", null), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("atStart contains a null customer");
  }

  @Test
  void collectsCustomerRecordsBySegment() {
    record Customer(String segment, boolean atStart, boolean atEnd) {}
    List<Customer> customers =
        List.of(
            new Customer("smb", true, true),
            new Customer("smb", true, false),
            new Customer("smb", false, true),
            new Customer("ent", true, true),
            new Customer("ent", false, false));
    java.util.stream.Collector<Customer, ?, Retention> retention =
        Retention.toRetention(Customer::atStart, Customer::atEnd);
    // smb: S = 2, E = 2, N = 1 (retained 1); ent: S = 1, E = 1, N = 0
    assertThat(customers.stream().filter(c -> c.segment().equals("smb")).collect(retention))
        .isEqualTo(Retention.ofCounts(2, 2, 1));
    assertThat(customers.parallelStream().collect(retention))
        .isEqualTo(Retention.ofCounts(3, 3, 1));
    io.github.cxmetrics.breakdown.Breakdown<String, Retention> bySegment =
        io.github.cxmetrics.breakdown.Breakdown.of(customers, Customer::segment, retention);
    assertThat(bySegment.group("ent")).contains(Retention.ofCounts(1, 1, 0));
    assertThat(bySegment.pairwise(0.95)).hasSize(1);
    assertThatThrownBy(() -> Retention.toRetention(null, c -> true)).hasMessage("atStart");
    assertThatThrownBy(() -> Retention.toRetention(c -> true, null)).hasMessage("atEnd");
  }

  @Test
  void isAnEstimateOfTheRetentionRate() {
    assertThat(QUARTER.score()).isEqualTo(QUARTER.retentionRate());
    assertThat(QUARTER.count()).isEqualTo(100);
    assertThat(QUARTER.isEmpty()).isFalse();
    assertThat(Retention.EMPTY.isEmpty()).isTrue();
    assertThat(QUARTER.confidenceInterval(0.9)).isEqualTo(QUARTER.retentionInterval(0.9));
    assertThat(QUARTER.unit()).isEqualTo(io.github.cxmetrics.stats.Unit.FRACTION);
    assertThat(QUARTER.testBasis().estimate()).isCloseTo(91.0 / 102, within(1e-15));
    assertThatThrownBy(() -> Retention.EMPTY.retentionInterval(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Retention.EMPTY.churnInterval(2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
