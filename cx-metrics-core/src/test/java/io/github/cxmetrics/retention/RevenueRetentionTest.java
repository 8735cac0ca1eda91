package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenueRetentionTest {
  // a expands 100 -> 120, b contracts 50 -> 40, c churns (30), d is new (70)
  private static final Map<String, Double> START = Map.of("a", 100.0, "b", 50.0, "c", 30.0);
  private static final Map<String, Double> END = Map.of("a", 120.0, "b", 40.0, "d", 70.0);

  @Test
  void grossAndNetRetentionByHand() {
    RevenueRetention revenue = RevenueRetention.of(START, END);
    assertThat(revenue.startingRevenue()).isEqualTo(180.0);
    // kept: min(100, 120) + min(50, 40) + 0 = 140
    assertThat(revenue.grossRevenueRetention()).isCloseTo(140.0 / 180, within(1e-15));
    // ended: 120 + 40 + 0 = 160
    assertThat(revenue.netRevenueRetention()).isCloseTo(160.0 / 180, within(1e-15));
    assertThat(revenue.endingRevenueOfStartingCustomers()).isEqualTo(160.0);
    assertThat(revenue.expansion()).isEqualTo(20.0);
    assertThat(revenue.contractionAndChurn()).isEqualTo(10.0 + 30.0);
    assertThat(revenue.churnedRevenue()).isEqualTo(30.0);
    assertThat(revenue.newRevenue()).isEqualTo(70.0);
  }

  @Test
  void expansionAboveLossesGivesNetRetentionAboveOne() {
    RevenueRetention revenue = RevenueRetention.of(Map.of(1, 10), Map.of(1, 25));
    assertThat(revenue.netRevenueRetention()).isEqualTo(2.5);
    assertThat(revenue.grossRevenueRetention()).isEqualTo(1.0);
  }

  @Test
  void disjointGroupsMergeExactly() {
    RevenueRetention left = RevenueRetention.of(Map.of("a", 100.0), Map.of("a", 120.0));
    RevenueRetention right =
        RevenueRetention.of(Map.of("b", 50.0, "c", 30.0), Map.of("b", 40.0, "d", 70.0));
    assertThat(left.merge(right)).isEqualTo(RevenueRetention.of(START, END));
    assertThat(RevenueRetention.EMPTY.merge(left)).isEqualTo(left);
  }

  @Test
  void rejectsBadRevenueAndHasNoRatesWithoutStartingRevenue() {
    assertThatThrownBy(() -> RevenueRetention.of(Map.of("a", -5.0), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revenue -5.0 of customer a in atStart must be finite and >= 0");
    assertThatThrownBy(() -> RevenueRetention.of(Map.of(), Map.of("z", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revenue NaN of customer z in atEnd must be finite and >= 0");
    RevenueRetention none = RevenueRetention.of(Map.of(), Map.of("n", 3.0));
    assertThat(none.newRevenue()).isEqualTo(3.0);
    assertThatThrownBy(none::netRevenueRetention)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("revenue retention is undefined with no starting revenue");
  }

  @Test
  void aCustomerLeftAtZeroRevenueHasChurned() {
    // b drops from 50 to 0: churned, like c (absent); a expands from 100 to 120
    RevenueRetention revenue =
        RevenueRetention.of(Map.of("a", 100.0, "b", 50.0, "c", 30.0), Map.of("a", 120.0, "b", 0.0));
    assertThat(revenue.churnedRevenue()).isEqualTo(50.0 + 30.0);
    assertThat(revenue.contractionAndChurn()).isEqualTo(50.0 + 30.0);
    assertThat(revenue.grossRevenueRetention()).isCloseTo(100.0 / 180, within(1e-15));
    assertThat(revenue.netRevenueRetention()).isCloseTo(120.0 / 180, within(1e-15));
    assertThat(revenue.expansion()).isEqualTo(20.0);
  }

  @Test
  void revenueAtTheEdgesOfItsRange() {
    RevenueRetention zero = RevenueRetention.of(Map.of("a", 0.0, "b", 10.0), Map.of("a", 0.0));
    assertThat(zero.grossRevenueRetention()).isZero();
    assertThat(zero.churnedRevenue()).isEqualTo(10.0);
    assertThatThrownBy(() -> RevenueRetention.of(Map.of("a", Double.POSITIVE_INFINITY), Map.of()))
        .hasMessage("revenue Infinity of customer a in atStart must be finite and >= 0");
  }
}
