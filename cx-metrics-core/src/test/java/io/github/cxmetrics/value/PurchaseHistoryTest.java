package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {
  record Sale(String customer, LocalDate day, double amount) {}

  private static Sale sale(String customer, String day, double amount) {
    return new Sale(customer, LocalDate.parse(day), amount);
  }

  private static List<PurchaseHistory> summarize(List<Sale> sales, ChronoUnit unit) {
    return PurchaseHistory.summarize(
        sales, Sale::customer, Sale::day, Sale::amount, LocalDate.parse("2024-03-31"), unit);
  }

  @Test
  void sameDayPurchasesCountOnceAndHoldoutIsLeftOut() {
    List<PurchaseHistory> histories =
        summarize(
            List.of(
                sale("a", "2024-01-01", 10),
                sale("a", "2024-01-11", 5),
                sale("a", "2024-01-11", 7), // same day: one purchase of 12
                sale("a", "2024-03-01", 3),
                sale("a", "2024-04-02", 99), // after the calibration: holdout
                sale("b", "2024-03-31", 8),
                sale("c", "2024-05-01", 1)), // first bought after the calibration: no summary
            ChronoUnit.DAYS);
    assertThat(histories).hasSize(2);
    PurchaseHistory a = histories.get(0);
    assertThat(a.frequency()).isEqualTo(2);
    assertThat(a.recency()).isEqualTo(60.0); // Jan 1 to Mar 1, 2024 (leap year)
    assertThat(a.age()).isEqualTo(90.0); // Jan 1 to Mar 31
    assertThat(a.repeatValue()).isEqualTo(12 + 3.0);
    assertThat(a.averageRepeatValue()).hasValue(7.5);
    PurchaseHistory b = histories.get(1);
    assertThat(b.frequency()).isZero();
    assertThat(b.recency()).isZero();
    assertThat(b.age()).isZero();
    assertThat(b.averageRepeatValue()).isEmpty();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> summarize(List.of(sale("a", "2024-01-01", -1)), ChronoUnit.DAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount -1.0 of the transaction at index 0 must be finite and >= 0");
    assertThatThrownBy(() -> summarize(List.of(sale("a", "2024-01-01", 1)), ChronoUnit.MONTHS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit Months must be DAYS or WEEKS: other units have no fixed length in days");
    assertThatThrownBy(() -> summarize(List.of(new Sale("a", null, 1)), ChronoUnit.DAYS))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("transaction at index 0 has a null date");
    assertThat(summarize(List.of(), ChronoUnit.WEEKS)).isEmpty();
  }

  @Test
  void amountsAtTheEdgesOfTheirRange() {
    LocalDate end = LocalDate.parse("2024-01-31");
    List<PurchaseHistory> free =
        PurchaseHistory.summarize(
            List.of(new Sale("a", LocalDate.parse("2024-01-01"), 0), new Sale("a", end, 0)),
            Sale::customer,
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
                    Sale::customer,
                    Sale::day,
                    Sale::amount,
                    end,
                    ChronoUnit.DAYS))
        .hasMessage("amount Infinity of the transaction at index 0 must be finite and >= 0");
    assertThatThrownBy(
            () ->
                PurchaseHistory.summarize(
                    List.of(new Sale(null, end, 1)),
                    Sale::customer,
                    Sale::day,
                    Sale::amount,
                    end,
                    ChronoUnit.DAYS))
        .hasMessage("transaction at index 0 has a null customer");
  }
}
