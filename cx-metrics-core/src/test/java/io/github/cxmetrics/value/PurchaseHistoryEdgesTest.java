package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseHistoryEdgesTest {
  record Sale(String who, LocalDate day, double amount) {}

  @Test
  void amountsAtTheEdgesOfTheirRange() {
    LocalDate end = LocalDate.parse("2024-01-31");
    List<PurchaseHistory> free =
        PurchaseHistory.summarize(
            List.of(new Sale("a", LocalDate.parse("2024-01-01"), 0), new Sale("a", end, 0)),
            Sale::who,
            Sale::day,
            Sale::amount,
            end,
            ChronoUnit.WEEKS);
    assertThat(free.get(0).averageRepeatValue()).hasValue(0.0);
    assertThat(free.get(0).recency()).isEqualTo(30 / 7.0);
    assertThatThrownBy(
            () ->
                PurchaseHistory.summarize(
                    List.of(new Sale("a", end, Double.POSITIVE_INFINITY)),
                    Sale::who,
                    Sale::day,
                    Sale::amount,
                    end,
                    ChronoUnit.DAYS))
        .hasMessage("amount Infinity of the transaction at index 0 must be finite and >= 0");
    assertThatThrownBy(
            () ->
                PurchaseHistory.summarize(
                    List.of(new Sale(null, end, 1)),
                    Sale::who,
                    Sale::day,
                    Sale::amount,
                    end,
                    ChronoUnit.DAYS))
        .hasMessage("transaction at index 0 has a null customer");
  }
}
