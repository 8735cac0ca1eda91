package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW validation of Fader, Hardie and Lee (2005, section 5): fit on the 39 weeks to
 * 1997-09-30, predict the 39 weeks to 1998-06-30.
 *
 * <p>Observed figures: the BTYD walkthrough's cumulative repeat transactions in weeks 20 to 25 on
 * this data are 1359, 1414, 1484, 1517, 1573, 1672 (P. S. Fader, B. G. S. Hardie and D. McCarthy,
 * "Buy 'Til You Die - A Walkthrough", BTYD R package vignette). Every other figure comes from
 * {@code src/test/reference/cdnow_validation.py}, which splits the raw transactions with its own
 * code and evaluates the paper's closed forms with SciPy (equation 8 for the histogram, equation 9
 * with {@code hyp2f1} for tracking, equation 10 with {@code hyp2f1} for conditional expectations)
 * at the library's estimates, passed at full precision: r = 0.2425945224301583, alpha =
 * 4.413602019013535, a = 0.7929220172256879, b = 2.4259067768266904.
 */
class FitDiagnosticsReferenceTest {
  private static CalibrationHoldout data;
  private static ModelFit<BgNbd> fit;

  @BeforeAll
  static void split() {
    data =
        CalibrationHoldout.of(
            Cdnow.transactions(),
            Cdnow.Transaction::customer,
            Cdnow.Transaction::date,
            Cdnow.Transaction::amount,
            Cdnow.CALIBRATION_END,
            LocalDate.of(1998, 6, 30),
            ChronoUnit.WEEKS);
    fit = BgNbd.fit(data.calibration());
  }

  @Test
  void theSplitIsThePapers() {
    assertThat(data.customers()).hasSize(2357);
    assertThat(data.holdoutLength()).isEqualTo(39);
    assertThat(data.customersFirstSeenInHoldout()).isZero();
    assertThat(data.transactionsAfterObservationEnd()).isZero();
    assertThat(fit.estimates())
        .containsExactly(
            new double[] {
              0.2425945224301583, 4.413602019013535, 0.7929220172256879, 2.4259067768266904
            },
            within(1e-9));
  }

  @Test
  void frequencyHistogramAndChiSquare() {
    FrequencyTable table =
        FitDiagnostics.frequencies(fit, CustomerSummaries.of(data.calibration()), 8);
    long[] observed = {1411, 439, 214, 100, 62, 38, 29, 64};
    double[] expected = {
      1407.6843465907898, 460.3234630422321, 192.4614139620121, 101.16419622683242,
      59.84707879785905, 38.1197054689313, 25.54910801421895, 71.8506878971093
    };
    assertThat(table.bins()).hasSize(8);
    for (int k = 0; k < 8; k++) {
      FrequencyBin bin = table.bins().get(k);
      assertThat(bin.observed()).as("observed %s", bin.label()).isEqualTo(observed[k]);
      assertThat(bin.expected())
          .as("expected %s", bin.label())
          .isCloseTo(expected[k], within(1e-7));
    }
    assertThat(table.bins().get(7).label()).isEqualTo("7+");
    assertThat(table.pooled()).isEqualTo(table.bins()); // every bin expects at least 5
    assertThat(table.chiSquare()).isCloseTo(4.821108022425517, within(1e-8));
    assertThat(table.degreesOfFreedom()).isEqualTo(3);
    assertThat(table.pValue()).isCloseTo(0.1853750478134534, within(1e-9));
  }

  @Test
  void conditionalExpectationsByFrequency() {
    List<ConditionalExpectation> rows = FitDiagnostics.conditionalExpectations(fit, data, 8);
    long[] customers = {1411, 439, 214, 100, 62, 38, 29, 64};
    double[] actual = {
      0.23671155209071582,
      0.6970387243735763,
      1.3925233644859814,
      1.56,
      2.532258064516129,
      2.9473684210526314,
      3.8620689655172415,
      6.359375
    };
    double[] expected = {
      0.22508732611461899, 0.5231311733631298, 1.0441341216782505, 1.5202795129713982,
      2.1638657993334287, 2.65384588491738, 3.5040422987036037, 6.157190507877415
    };
    for (int k = 0; k < 8; k++) {
      ConditionalExpectation row = rows.get(k);
      assertThat(row.from()).isEqualTo(k);
      assertThat(row.customers()).isEqualTo(customers[k]);
      assertThat(row.actual()).isCloseTo(actual[k], within(1e-12));
      assertThat(row.expected()).isCloseTo(expected[k], within(1e-9));
    }
    assertThat(rows.get(7).to()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void holdoutErrors() {
    HoldoutErrors errors = FitDiagnostics.holdoutErrors(fit, data);
    assertThat(errors.customers()).isEqualTo(2357);
    assertThat(errors.meanAbsoluteError()).isCloseTo(0.7854542366060733, within(1e-9));
    assertThat(errors.rootMeanSquaredError()).isCloseTo(1.6079820107439944, within(1e-9));
    assertThat(errors.correlation()).isCloseTo(0.6256474513478185, within(1e-9));
    assertThat(errors.totalPredicted()).isCloseTo(1653.4086979425072, within(1e-6));
    assertThat(errors.totalActual()).isEqualTo(1882);
    assertThat(errors.percentError())
        .isCloseTo(100 * (1653.4086979425072 - 1882) / 1882, within(1e-6));
  }

  @Test
  void weeklyAndCumulativeTracking() {
    List<TrackingPeriod> weeks = FitDiagnostics.tracking(fit, data);
    assertThat(weeks).hasSize(78);
    assertThat(weeks.get(0).start()).isEqualTo(LocalDate.of(1997, 1, 1));
    assertThat(weeks.get(77).end()).isEqualTo(LocalDate.of(1998, 6, 30));
    assertThat(weeks.stream().filter(TrackingPeriod::holdout)).hasSize(39);
    // BTYD walkthrough, weeks 20 to 25
    long[] published = {1359, 1414, 1484, 1517, 1573, 1672};
    for (int w = 20; w <= 25; w++) {
      assertThat(weeks.get(w - 1).cumulativeActual()).as("week %s", w).isEqualTo(published[w - 20]);
    }
    int[] week = {1, 20, 21, 22, 23, 24, 25, 39, 40, 78};
    long[] cumulative = {0, 1359, 1414, 1484, 1517, 1573, 1672, 2457, 2507, 4339};
    double[] expected = {
      3.2087878769604257, 1301.6025176169144, 1376.764907533125, 1450.0662717661849,
      1521.627598877538, 1591.5569159110632, 1659.9512159799235, 2493.9568899770584,
      2546.619666028427, 4160.609211909641
    };
    for (int i = 0; i < week.length; i++) {
      TrackingPeriod period = weeks.get(week[i] - 1);
      assertThat(period.cumulativeActual()).as("week %s", week[i]).isEqualTo(cumulative[i]);
      assertThat(period.cumulativeExpected())
          .as("week %s", week[i])
          .isCloseTo(expected[i], within(1e-7));
    }
    double sum = 0;
    for (TrackingPeriod period : weeks) {
      sum += period.expected();
    }
    assertThat(sum).isCloseTo(weeks.get(77).cumulativeExpected(), within(1e-8));
  }
}
