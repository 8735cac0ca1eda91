package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionEdgesTest {
  @Test
  void revenueAtTheEdgesOfItsRange() {
    RevenueRetention zero = RevenueRetention.of(Map.of("a", 0.0, "b", 10.0), Map.of("a", 0.0));
    assertThat(zero.grossRevenueRetention()).isZero();
    assertThat(zero.churnedRevenue()).isEqualTo(10.0);
    assertThatThrownBy(() -> RevenueRetention.of(Map.of("a", Double.POSITIVE_INFINITY), Map.of()))
        .hasMessage("revenue Infinity of customer a in atStart must be finite and >= 0");
  }

  @Test
  void churnConversionsRejectBadPeriods() {
    assertThatThrownBy(() -> ChurnRates.compound(0.5, 0))
        .hasMessage("periods (0.0) must be finite and > 0");
    assertThatThrownBy(() -> ChurnRates.compound(0.5, Double.POSITIVE_INFINITY))
        .hasMessage("periods (Infinity) must be finite and > 0");
    assertThatThrownBy(() -> ChurnRates.perPeriod(-0.1, 2))
        .hasMessage("churn rate (-0.1) must be in [0, 1]");
  }
}
