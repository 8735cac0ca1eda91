package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationHoldoutTest {
  record Purchase(String customer, LocalDate day, double amount) {}

  static final LocalDate CALIBRATION_END = LocalDate.of(2024, 1, 31);
  static final LocalDate OBSERVATION_END = LocalDate.of(2024, 2, 29);

  /**
   * Ann buys on Jan 1 (twice), Jan 15, Feb 5 (twice), Feb 20 and Mar 10; Bob on Jan 29 only; Cy on
   * Feb 10 and 12, in the holdout only.
   */
  static List<Purchase> log() {
    return List.of(
        new Purchase("ann", LocalDate.of(2024, 1, 1), 10),
        new Purchase("bob", LocalDate.of(2024, 1, 29), 8),
        new Purchase("ann", LocalDate.of(2024, 1, 1), 5),
        new Purchase("ann", LocalDate.of(2024, 1, 15), 20),
        new Purchase("cy", LocalDate.of(2024, 2, 10), 6),
        new Purchase("ann", LocalDate.of(2024, 2, 5), 7),
        new Purchase("ann", LocalDate.of(2024, 2, 5), 3),
        new Purchase("cy", LocalDate.of(2024, 2, 12), 1),
        new Purchase("ann", LocalDate.of(2024, 2, 20), 4),
        new Purchase("ann", LocalDate.of(2024, 3, 10), 9));
  }

  static CalibrationHoldout split(ChronoUnit unit) {
    return split(log(), CALIBRATION_END, OBSERVATION_END, unit);
  }

  static CalibrationHoldout split(
      List<Purchase> log, LocalDate calibrationEnd, LocalDate observationEnd, ChronoUnit unit) {
    return CalibrationHoldout.of(
        log,
        Purchase::customer,
        Purchase::day,
        Purchase::amount,
        calibrationEnd,
        observationEnd,
        unit);
  }

  @Test
  void splitsEachCustomerAtTheCalibrationEnd() {
    CalibrationHoldout data = split(ChronoUnit.DAYS);
    assertThat(data.customers()).hasSize(2);
    HoldoutHistory ann = data.customers().get(0);
    // calibration: Jan 1 and Jan 15, so x = 1, t_x = 14 days, T = Jan 1 to Jan 31 = 30 days
    assertThat(ann.calibration().customer()).isEqualTo("ann");
    assertThat(ann.calibration().frequency()).isEqualTo(1);
    assertThat(ann.calibration().recency()).isEqualTo(14);
    assertThat(ann.calibration().age()).isEqualTo(30);
    assertThat(ann.calibration().repeatValue()).isEqualTo(20);
    // holdout: Feb 5 (7 + 3) and Feb 20 (4); Mar 10 is after the observation end
    assertThat(ann.holdoutPurchases()).isEqualTo(2);
    assertThat(ann.holdoutValue()).isEqualTo(14);
    HoldoutHistory bob = data.customers().get(1);
    assertThat(bob.calibration().age()).isEqualTo(2);
    assertThat(bob.holdoutPurchases()).isZero();
    assertThat(bob.holdoutValue()).isZero();
    assertThat(data.customersFirstSeenInHoldout()).isEqualTo(1); // Cy
    assertThat(data.transactionsAfterObservationEnd()).isEqualTo(1);
    assertThat(data.holdoutLength()).isEqualTo(29); // Jan 31 to Feb 29, 2024
    assertThat(data.calibration())
        .containsExactly(ann.calibration(), bob.calibration())
        .isEqualTo(
            PurchaseHistory.summarize(
                log(),
                Purchase::customer,
                Purchase::day,
                Purchase::amount,
                CALIBRATION_END,
                ChronoUnit.DAYS));
    assertThat(data.firstPurchases())
        .containsExactly(
            Map.entry(LocalDate.of(2024, 1, 1), 1L), Map.entry(LocalDate.of(2024, 1, 29), 1L));
    assertThat(data.toString())
        .isEqualTo(
            "CalibrationHoldout[2 customers, calibration to 2024-01-31, holdout to 2024-02-29"
                + " (29.0 days), 1 first seen in the holdout]");
  }

  @Test
  void repeatPurchasesPerPeriodCountTheBaseOnly() {
    // Ann's repeat purchase days are Jan 15, Feb 5 and Feb 20: days 14, 35 and 50 from Jan 1;
    // Cy's purchases are not the base's
    long[] days = split(ChronoUnit.DAYS).repeatPurchasesPerPeriod();
    assertThat(days).hasSize(60); // Jan 1 to Feb 29
    assertThat(days[14]).isEqualTo(1);
    assertThat(days[35]).isEqualTo(1);
    assertThat(days[50]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(days).sum()).isEqualTo(3);
    CalibrationHoldout weeks = split(ChronoUnit.WEEKS);
    assertThat(weeks.holdoutLength()).isEqualTo(29 / 7.0);
    assertThat(weeks.customers().get(0).calibration().age()).isEqualTo(30 / 7.0);
    // 60 days make 8 whole weeks and one of 4 days; days 14, 35, 50 are in weeks 2, 5 and 7
    assertThat(weeks.repeatPurchasesPerPeriod()).containsExactly(0, 0, 1, 0, 0, 1, 0, 1, 0);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> split(log(), CALIBRATION_END, CALIBRATION_END, ChronoUnit.DAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the observation end 2024-01-31 must be after the calibration end 2024-01-31: the"
                + " holdout period would be empty");
    assertThatThrownBy(() -> split(log(), OBSERVATION_END, CALIBRATION_END, ChronoUnit.DAYS))
        .hasMessageStartingWith("the observation end 2024-01-31 must be after");
    assertThatThrownBy(() -> split(ChronoUnit.MONTHS))
        .hasMessageContaining("unit Months must be DAYS or WEEKS");
    List<Purchase> negative =
        List.of(
            new Purchase("ann", LocalDate.of(2024, 1, 1), 10),
            new Purchase("ann", LocalDate.of(2024, 2, 1), -1));
    assertThatThrownBy(() -> split(negative, CALIBRATION_END, OBSERVATION_END, ChronoUnit.DAYS))
        .hasMessage("amount -1.0 of the transaction at index 1 must be finite and >= 0");
    List<Purchase> noDay = java.util.Arrays.asList(new Purchase("ann", null, 1));
    assertThatThrownBy(() -> split(noDay, CALIBRATION_END, OBSERVATION_END, ChronoUnit.DAYS))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("index 0");
    assertThatThrownBy(() -> split(log(), CALIBRATION_END, null, ChronoUnit.DAYS))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("observationEnd");
    assertThatThrownBy(() -> new HoldoutHistory(null, 0, 0))
        .isInstanceOf(NullPointerException.class);
    PurchaseHistory ann = split(ChronoUnit.DAYS).customers().get(0).calibration();
    assertThatThrownBy(() -> new HoldoutHistory(ann, -1, 0))
        .hasMessageContaining("holdout purchases");
    assertThatThrownBy(() -> new HoldoutHistory(ann, 0, Double.NaN))
        .hasMessageContaining("holdout value (NaN)");
  }

  @Test
  void aLogWithNothingInTheCalibrationPeriodHasAnEmptyBase() {
    CalibrationHoldout data =
        split(
            List.of(new Purchase("cy", LocalDate.of(2024, 2, 10), 6)),
            CALIBRATION_END,
            OBSERVATION_END,
            ChronoUnit.DAYS);
    assertThat(data.customers()).isEmpty();
    assertThat(data.customersFirstSeenInHoldout()).isEqualTo(1);
    assertThat(data.repeatPurchasesPerPeriod()).isEmpty();
    assertThatThrownBy(() -> FitDiagnostics.tracking(PoissonModel.fit(1, 1, -1, 1), data))
        .hasMessage("the diagnostics of a fit need customers: there are none");
  }
}
