package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnostics on {@link PoissonModel}, whose predictions are known by hand. */
class FitDiagnosticsTest {
  @Test
  void binsArePooledFromTheTopToExpectedCountsOfFive() {
    List<FrequencyBin> pooled =
        FitDiagnostics.pool(
            List.of(
                new FrequencyBin(0, 0, 48, 50),
                new FrequencyBin(1, 1, 22, 20),
                new FrequencyBin(2, 2, 5, 4),
                new FrequencyBin(3, 3, 2, 3),
                new FrequencyBin(4, Integer.MAX_VALUE, 1, 0.5)));
    // 4+ (0.5) joins 3 (3.5), which joins 2 (7.5)
    assertThat(pooled)
        .containsExactly(
            new FrequencyBin(0, 0, 48, 50),
            new FrequencyBin(1, 1, 22, 20),
            new FrequencyBin(2, Integer.MAX_VALUE, 8, 7.5));
    assertThat(pooled.get(2).label()).isEqualTo("2+");
    // a small first bin joins the one above it
    assertThat(
            FitDiagnostics.pool(
                List.of(
                    new FrequencyBin(0, 0, 1, 2),
                    new FrequencyBin(1, 1, 30, 30),
                    new FrequencyBin(2, 2, 41, 40))))
        .containsExactly(new FrequencyBin(0, 1, 31, 32), new FrequencyBin(2, 2, 41, 40));
    assertThat(new FrequencyBin(3, 4, 0, 0).label()).isEqualTo("3-4");
  }

  @Test
  void frequencyTableOfAPoissonModel() {
    // 100 customers of age 1 with 0, 1 and 2+ repeat purchases 40, 35 and 25 times; lambda = 1:
    // expected 100 e^-1, 100 e^-1 and 100 (1 - 2 e^-1)
    int[] x = new int[100];
    Arrays.fill(x, 40, 75, 1);
    Arrays.fill(x, 75, 100, 3);
    double[] tx = new double[100];
    Arrays.fill(tx, 40, 100, 0.5);
    double[] ages = new double[100];
    Arrays.fill(ages, 1);
    FrequencyTable table =
        FitDiagnostics.frequencies(
            PoissonModel.fit(1, 0.01, -100, 100), CustomerSummaries.of(x, tx, ages), 3);
    double e = 100 * Math.exp(-1);
    assertThat(table.bins()).extracting(FrequencyBin::observed).containsExactly(40L, 35L, 25L);
    assertThat(table.bins().get(0).expected()).isCloseTo(e, within(1e-10));
    assertThat(table.bins().get(1).expected()).isCloseTo(e, within(1e-10));
    assertThat(table.bins().get(2).expected()).isCloseTo(100 - 2 * e, within(1e-10));
    double chiSquare =
        (40 - e) * (40 - e) / e
            + (35 - e) * (35 - e) / e
            + 1.424111765711533 * 1.424111765711533 / (100 - 2 * e);
    assertThat(table.chiSquare()).isCloseTo(chiSquare, within(1e-10));
    assertThat(table.degreesOfFreedom()).isEqualTo(1); // 3 bins - 1 - 1 parameter
    // SciPy: scipy.stats.chi2.sf(0.44410154368468757, 1)
    assertThat(table.pValue()).isCloseTo(0.5051494293336625, within(1e-12));
    FrequencyTable two =
        FitDiagnostics.frequencies(
            PoissonModel.fit(1, 0.01, -100, 100), CustomerSummaries.of(x, tx, ages), 2);
    assertThat(two.degreesOfFreedom()).isZero();
    assertThatThrownBy(two::pValue)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the chi-square test needs at least 1 degree of freedom: 2 pooled bins leave 0 after"
                + " the parameters; ask for more bins or pool less");
    assertThatThrownBy(
            () ->
                FitDiagnostics.frequencies(
                    PoissonModel.fit(1, 0.01, -100, 100), CustomerSummaries.of(x, tx, ages), 1))
        .hasMessageContaining("number of bins");
  }

  @Test
  void conditionalExpectationsAndErrorsOfAPoissonModel() {
    // the split of CalibrationHoldoutTest: Ann (x = 1) bought twice in the 29-day holdout, Bob
    // (x = 0) never; with lambda = 0.1 a day every customer is predicted 2.9 purchases
    CalibrationHoldout data = CalibrationHoldoutTest.split(ChronoUnit.DAYS);
    ModelFit<PoissonModel> model = PoissonModel.fit(0.1, 0.01, -1, 2);
    List<ConditionalExpectation> rows = FitDiagnostics.conditionalExpectations(model, data, 3);
    assertThat(rows.get(0).customers()).isEqualTo(1);
    assertThat(rows.get(0).actual()).isZero();
    assertThat(rows.get(0).expected()).isCloseTo(2.9, within(1e-12));
    assertThat(rows.get(1).actual()).isEqualTo(2);
    assertThat(rows.get(2).customers()).isZero();
    assertThat(rows.get(2).actual()).isNaN();
    HoldoutErrors errors = FitDiagnostics.holdoutErrors(model, data);
    assertThat(errors.meanAbsoluteError()).isCloseTo((0.9 + 2.9) / 2, within(1e-12));
    assertThat(errors.rootMeanSquaredError())
        .isCloseTo(Math.sqrt((0.81 + 8.41) / 2), within(1e-12));
    assertThat(errors.correlation()).isNaN(); // the predictions do not vary
    assertThat(errors.totalPredicted()).isCloseTo(5.8, within(1e-12));
    assertThat(errors.totalActual()).isEqualTo(2);
    assertThat(errors.percentError()).isCloseTo(190, within(1e-9));
  }

  @Test
  void trackingSumsEachCustomerFromItsFirstPurchase() {
    // Ann joined on Jan 1 (day 0), Bob on Jan 29 (day 28); lambda = 0.1 a day: by the end of day d
    // the base is expected to have made 0.1 d + 0.1 (d - 28) repeat purchases (the second from
    // day 28 on)
    CalibrationHoldout data = CalibrationHoldoutTest.split(ChronoUnit.DAYS);
    List<TrackingPeriod> days = FitDiagnostics.tracking(PoissonModel.fit(0.1, 0.01, -1, 2), data);
    assertThat(days).hasSize(60);
    assertThat(days.get(0).start()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(days.get(0).end()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(days.get(0).cumulativeExpected()).isZero();
    assertThat(days.get(20).cumulativeExpected()).isCloseTo(2.0, within(1e-12));
    assertThat(days.get(40).cumulativeExpected()).isCloseTo(4.0 + 1.2, within(1e-12));
    assertThat(days.get(40).expected()).isCloseTo(0.2, within(1e-12));
    assertThat(days.get(14).actual()).isEqualTo(1);
    assertThat(days.get(59).cumulativeActual()).isEqualTo(3);
    assertThat(days.get(30).holdout()).isFalse(); // Jan 31
    assertThat(days.get(31).holdout()).isTrue(); // Feb 1
    List<TrackingPeriod> weeks =
        FitDiagnostics.tracking(
            PoissonModel.fit(0.1, 0.01, -1, 2), CalibrationHoldoutTest.split(ChronoUnit.WEEKS));
    assertThat(weeks).hasSize(9);
    // the last week is Feb 26 to Feb 29 (4 days); lambda is now 0.1 a week, so by its end (day
    // 59) the base expects 0.1 (59 + 31) / 7
    assertThat(weeks.get(8).start()).isEqualTo(LocalDate.of(2024, 2, 26));
    assertThat(weeks.get(8).end()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(weeks.get(8).cumulativeExpected()).isCloseTo(0.1 * 90 / 7, within(1e-12));
    // Jan 29 to Feb 4 straddles the calibration end: it counts as calibration
    assertThat(weeks.get(4).holdout()).isFalse();
    assertThat(weeks.get(5).holdout()).isTrue();
  }

  @Test
  void emptyBasesAndNullsAreRefused() {
    assertThatThrownBy(
            () ->
                FitDiagnostics.frequencies(
                    PoissonModel.fit(1, 0.01, -1, 1),
                    CustomerSummaries.of(new int[0], new double[0], new double[0]),
                    3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the diagnostics of a fit need customers: there are none");
    CalibrationHoldout data = CalibrationHoldoutTest.split(ChronoUnit.DAYS);
    assertThatThrownBy(() -> FitDiagnostics.holdoutErrors(null, data))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("fit");
    assertThatThrownBy(
            () -> FitDiagnostics.conditionalExpectations(PoissonModel.fit(1, 1, -1, 2), null, 3))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("data");
  }

  @Test
  void aFitInAnotherTimeUnitThanTheDataIsRefused() {
    CalibrationHoldout days = CalibrationHoldoutTest.split(ChronoUnit.DAYS);
    ModelFit<PoissonModel> weekly = PoissonModel.fit(0.7, 0.01, -1, 2, ChronoUnit.WEEKS);
    String message =
        "the fit is in Weeks but the data are in Days: fit the model to summaries in the data's"
            + " unit";
    assertThatThrownBy(() -> FitDiagnostics.holdoutErrors(weekly, days)).hasMessage(message);
    assertThatThrownBy(() -> FitDiagnostics.tracking(weekly, days)).hasMessage(message);
    assertThatThrownBy(() -> FitDiagnostics.conditionalExpectations(weekly, days, 3))
        .hasMessage(message);
    assertThatThrownBy(
            () -> FitDiagnostics.frequencies(weekly, CustomerSummaries.of(days.calibration()), 3))
        .hasMessage(message);
    // the same unit, or a fit that does not know its unit, passes
    assertThat(
            FitDiagnostics.holdoutErrors(PoissonModel.fit(0.1, 0.01, -1, 2, ChronoUnit.DAYS), days)
                .customers())
        .isEqualTo(2);
    // a real fit records the unit of the histories it was fitted to
    assertThat(BgNbd.fit(Cdnow.calibration()).timeUnit()).contains(ChronoUnit.WEEKS);
    assertThat(BgNbd.fit(BgNbdReferenceTest.publishedSummary()).timeUnit()).isEmpty();
    assertThat(CustomerSummaries.of(days.calibration()).unit()).contains(ChronoUnit.DAYS);
    assertThat(CustomerSummaries.of(days.calibration()).grouped().unit()).contains(ChronoUnit.DAYS);
    List<PurchaseHistory> mixed =
        List.of(
            days.calibration().get(0),
            CalibrationHoldoutTest.split(ChronoUnit.WEEKS).calibration().get(1));
    assertThatThrownBy(() -> CustomerSummaries.of(mixed))
        .hasMessage(
            "the history at index 1 is in Weeks, the first in Days: summaries must share one"
                + " time unit");
  }
}
