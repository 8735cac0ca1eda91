package io.github.cxmetrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.breakdown.ControlChart.Limits;
import io.github.cxmetrics.breakdown.ControlChart.Point;
import io.github.cxmetrics.breakdown.ControlChart.SegmentSignal;
import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import io.github.cxmetrics.stats.TestBasis;
import io.github.cxmetrics.stats.Unit;
import io.github.cxmetrics.survey.Nps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Control charts against Montgomery's p-chart, hand computations and Lucas and Saccucci's ARLs. */
class ControlChartTest {
  /** An estimate with a given score, count and standard error, for charts of known spread. */
  record Known(double score, long count, double standardError) implements Estimate {
    @Override
    public boolean isEmpty() {
      return count == 0;
    }

    @Override
    public Interval confidenceInterval(double level) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Unit unit() {
      return Unit.FRACTION;
    }

    @Override
    public TestBasis testBasis() {
      return new TestBasis(score, standardError);
    }
  }

  private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  private static <M> List<PeriodValue<M>> periods(List<M> values) {
    List<PeriodValue<M>> periods = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      periods.add(new PeriodValue<>(DAY.plusDays(i), values.get(i)));
    }
    return periods;
  }

  /**
   * D. C. Montgomery, Introduction to Statistical Quality Control, 6th ed. (Wiley 2009), Example
   * 7.1: nonconforming orange-juice cans in 30 samples of 50.
   */
  private static final int[] CANS = {
    12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12,
    7, 13, 9, 6
  };

  @Test
  void reproducesMontgomerysPChart() {
    List<Proportion> samples = new ArrayList<>();
    for (int d : CANS) {
      samples.add(Proportion.of(d, 50));
    }
    // phase I, every sample in the baseline: p-bar 0.2313, UCL 0.4102, LCL 0.0524 (published);
    // samples 15 and 23 are out of control
    Proportion all = samples.stream().reduce(Proportion::merge).orElseThrow();
    ControlChart chart = ControlChart.shewhart(periods(samples), all, 3);
    assertThat(chart.centre()).isCloseTo(0.2313, within(5e-5));
    Point first = chart.points().get(0);
    assertThat(first.upper()).isCloseTo(0.4102, within(5e-5));
    assertThat(first.lower()).isCloseTo(0.0524, within(5e-5));
    assertThat(chart.signals())
        .extracting(Point::period)
        .containsExactly(DAY.plusDays(14), DAY.plusDays(22));
    // revised limits without samples 15 and 23: 0.2150, 0.3893, 0.0407 (published); against them
    // sample 21 (0.40) is above the limit as well (0.40 > 0.3893, by hand)
    Proportion revised = Proportion.of(347 - 22 - 24, 1400);
    ControlChart again = ControlChart.shewhart(periods(samples), revised, 3);
    assertThat(again.centre()).isCloseTo(0.2150, within(5e-5));
    assertThat(again.points().get(0).upper()).isCloseTo(0.3893, within(5e-5));
    assertThat(again.points().get(0).lower()).isCloseTo(0.0407, within(5e-5));
    assertThat(again.signals())
        .extracting(Point::period)
        .containsExactly(DAY.plusDays(14), DAY.plusDays(20), DAY.plusDays(22));
  }

  @Test
  void varyingSampleSizesGiveVaryingLimitsAndATrendChartsItself() {
    // a monthly NPS: months of 100, 400 and 25 answers; the baseline is all three merged
    List<Nps> months =
        List.of(Nps.ofCounts(50, 30, 20), Nps.ofCounts(160, 140, 100), Nps.ofCounts(5, 5, 15));
    Nps all = months.get(0).merge(months.get(1)).merge(months.get(2));
    double sigma = all.standardError() * Math.sqrt(all.count());
    ControlChart chart = ControlChart.shewhart(periods(months), all, 3);
    for (int i = 0; i < 3; i++) {
      Point p = chart.points().get(i);
      double half = 3 * sigma / Math.sqrt(months.get(i).count());
      assertThat(p.upper()).isCloseTo(all.score() + half, within(1e-9));
      assertThat(p.lower()).isCloseTo(all.score() - half, within(1e-9));
      assertThat(p.standardError()).isCloseTo(half / 3, within(1e-12));
    }
    // the third month, NPS -40 on 25 answers, is below its wide limits
    assertThat(chart.signals()).extracting(Point::score).containsExactly(-40.0);
    // the same through a Trend of the answers, one month each
    List<Integer> answers = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    int[][] counts = {{50, 30, 20}, {160, 140, 100}, {5, 5, 15}};
    for (int m = 0; m < 3; m++) {
      Instant at = LocalDate.of(2026, m + 1, 10).atStartOfDay(ZoneOffset.UTC).toInstant();
      for (int k = 0; k < 3; k++) {
        for (int c = 0; c < counts[m][k]; c++) {
          answers.add(k == 0 ? 10 : k == 1 ? 7 : 2);
          times.add(at);
        }
      }
    }
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      index.add(i);
    }
    Trend<Nps> trend =
        Trend.of(index, times::get, ZoneOffset.UTC, PeriodUnit.MONTH, Nps.toNps(answers::get));
    ControlChart fromTrend = ControlChart.shewhart(trend, 3);
    assertThat(fromTrend.points())
        .extracting(Point::upper)
        .containsExactlyElementsOf(chart.points().stream().map(Point::upper).toList());
    assertThat(fromTrend.points().get(0).period()).isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void ewmaByHand() {
    // lambda 0.2, centre 0, one response of standard deviation 1 per period; scores 0.5, -0.2, 1:
    // z = 0.1, 0.04, 0.232; V = 0.04, 0.0656, 0.081984 (Montgomery's lambda / (2 - lambda) (1 -
    // (1 - lambda)^(2i)): 0.04, 0.0656, 0.081984)
    Known baseline = new Known(0, 1, 1);
    List<Known> scores = List.of(new Known(0.5, 1, 0), new Known(-0.2, 1, 0), new Known(1, 1, 0));
    ControlChart chart = ControlChart.ewma(periods(scores), baseline, 0.2, 3, Limits.EXACT);
    double[] z = {0.1, 0.04, 0.232};
    double[] v = {0.04, 0.0656, 0.081984};
    for (int i = 0; i < 3; i++) {
      Point p = chart.points().get(i);
      assertThat(p.statistic()).isCloseTo(z[i], within(1e-12));
      assertThat(p.upper()).isCloseTo(3 * Math.sqrt(v[i]), within(1e-12));
      assertThat(p.lower()).isCloseTo(-3 * Math.sqrt(v[i]), within(1e-12));
      assertThat(p.score()).isEqualTo(scores.get(i).score());
    }
    // steady state: lambda / (2 - lambda) = 1 / 9 from the first period
    ControlChart steady = ControlChart.ewma(periods(scores), baseline, 0.2, 3, Limits.STEADY_STATE);
    assertThat(steady.points()).allSatisfy(p -> assertThat(p.upper()).isCloseTo(1, within(1e-12)));
  }

  /** The run length of an EWMA with steady-state limits on N(shift, 1) data, from z_0 = 0. */
  private static int runLength(SplittableRandom random, double lambda, double width, double shift) {
    ControlChart.Ewma ewma = new ControlChart.Ewma(0, lambda, true);
    for (int t = 1; ; t++) {
      double z = ewma.next(shift + random.nextGaussian(), 1);
      if (Math.abs(z) > width * ewma.standardDeviation()) {
        return t;
      }
    }
  }

  @Test
  void averageRunLengthsMatchLucasAndSaccucci() {
    // J. M. Lucas and M. S. Saccucci, Technometrics 32(1), 1990, Table 3 (as Montgomery 2009,
    // Table 9.11 gives it): lambda 0.10 with L = 2.814 and lambda 0.40 with L = 3.054 have an
    // in-control ARL of 500; after a shift of 0.5 and 1 standard deviations, 31.3 and 10.3
    // (lambda 0.10), 71.2 and 14.3 (lambda 0.40). Each published ARL must lie inside the 99%
    // interval of the simulated mean run length.
    double[][] cases = {
      {0.10, 2.814, 0, 500}, {0.10, 2.814, 0.5, 31.3}, {0.10, 2.814, 1, 10.3},
      {0.40, 3.054, 0, 500}, {0.40, 3.054, 0.5, 71.2}, {0.40, 3.054, 1, 14.3}
    };
    SplittableRandom random = new SplittableRandom(19900201L);
    for (double[] c : cases) {
      int runs = 20_000;
      double sum = 0;
      double squares = 0;
      for (int r = 0; r < runs; r++) {
        int length = runLength(random, c[0], c[1], c[2]);
        sum += length;
        squares += (double) length * length;
      }
      double mean = sum / runs;
      double sd = Math.sqrt((squares - sum * sum / runs) / (runs - 1));
      double half = 2.5758293035489 * sd / Math.sqrt(runs);
      assertThat(c[3])
          .as("lambda %s, L %s, shift %s: simulated %s +- %s", c[0], c[1], c[2], mean, half)
          .isBetween(mean - half, mean + half);
    }
  }

  @Test
  void signalsAcrossSegmentsAreHolmAdjusted() {
    // three segments whose latest periods are 3.5, 2.2 and 0.5 standard errors above the centre:
    // scipy.stats.norm, 2 sf(z) = 4.6525815807105e-4, 0.02780689502699719, 0.6170750774519738;
    // Holm: 3 p1 = 1.3958e-3, max(that, 2 p2) = 0.0556138, max(that, p3) = 0.6170751
    Known baseline = new Known(0, 1, 1);
    Map<String, ControlChart> charts = new LinkedHashMap<>();
    charts.put("web", ControlChart.shewhart(periods(List.of(new Known(3.5, 1, 0))), baseline, 3));
    charts.put("app", ControlChart.shewhart(periods(List.of(new Known(2.2, 1, 0))), baseline, 3));
    charts.put("store", ControlChart.shewhart(periods(List.of(new Known(0.5, 1, 0))), baseline, 3));
    List<SegmentSignal<String>> signals = ControlChart.latestAcrossSegments(charts, 0.95);
    assertThat(signals).extracting(SegmentSignal::segment).containsExactly("web", "app", "store");
    assertThat(signals.get(0).pValue()).isCloseTo(4.6525815807105e-4, within(1e-15));
    assertThat(signals.get(0).adjustedPValue()).isCloseTo(3 * 4.6525815807105e-4, within(1e-15));
    assertThat(signals.get(1).adjustedPValue()).isCloseTo(2 * 0.02780689502699719, within(1e-14));
    assertThat(signals.get(2).adjustedPValue()).isCloseTo(0.6170750774519738, within(1e-14));
    // unadjusted, the app segment would signal at 95%; adjusted, only the web one does
    assertThat(signals.get(1).pValue()).isLessThan(0.05);
    assertThat(signals).extracting(SegmentSignal::signal).containsExactly(true, false, false);
  }

  @Test
  void badInputIsNamed() {
    Known baseline = new Known(0, 1, 1);
    List<PeriodValue<Known>> one = periods(List.of(new Known(1, 1, 0)));
    assertThatThrownBy(() -> ControlChart.shewhart(one, baseline, 0))
        .hasMessage("width (0.0) must be finite and > 0");
    assertThatThrownBy(() -> ControlChart.ewma(one, baseline, 1.5, 3, Limits.EXACT))
        .hasMessage("lambda (1.5) must be in (0, 1]");
    assertThatThrownBy(() -> ControlChart.ewma(one, baseline, 0, 3, Limits.EXACT))
        .hasMessage("lambda (0.0) must be in (0, 1]");
    assertThatThrownBy(() -> ControlChart.shewhart(one, new Known(0, 0, 0), 3))
        .hasMessage("the baseline is empty");
    assertThatThrownBy(
            () -> ControlChart.shewhart(periods(List.of(new Known(1, 0, 0))), baseline, 3))
        .hasMessage("the period from 2026-01-01 has no response to chart");
    Trend<Nps> empty =
        Trend.of(
            List.<Integer>of(), i -> Instant.EPOCH, ZoneOffset.UTC, PeriodUnit.DAY, Nps.toNps());
    assertThatThrownBy(() -> ControlChart.shewhart(empty, 3))
        .hasMessage("the trend has no period to chart");
    assertThatThrownBy(
            () ->
                ControlChart.latestAcrossSegments(
                    Map.of("a", ControlChart.shewhart(List.<PeriodValue<Known>>of(), baseline, 3)),
                    0.95))
        .hasMessage("the chart of a has no period");
  }

  @Test
  void limitsHoldTheCentreAndAnEwmaOfLambdaOneIsTheShewhartChart() {
    qt().forAll(
            integers().between(1, 40),
            doubles().between(0.05, 1),
            doubles().between(0.5, 4),
            integers().between(0, 1_000_000))
        .checkAssert(
            (length, lambda, width, seed) -> {
              SplittableRandom random = new SplittableRandom(seed);
              List<Proportion> samples = new ArrayList<>();
              for (int i = 0; i < length; i++) {
                int n = 1 + random.nextInt(200);
                samples.add(Proportion.of(random.nextInt(n + 1), n));
              }
              Proportion baseline = Proportion.of(30, 100);
              ControlChart exact =
                  ControlChart.ewma(periods(samples), baseline, lambda, width, Limits.EXACT);
              ControlChart shewhart = ControlChart.shewhart(periods(samples), baseline, width);
              ControlChart one =
                  ControlChart.ewma(periods(samples), baseline, 1, width, Limits.EXACT);
              for (int i = 0; i < length; i++) {
                Point p = exact.points().get(i);
                assertThat(p.lower()).isLessThan(p.centre());
                assertThat(p.upper()).isGreaterThan(p.centre());
                assertThat(p.signal())
                    .isEqualTo(p.statistic() < p.lower() || p.statistic() > p.upper());
                Point s = shewhart.points().get(i);
                Point o = one.points().get(i);
                assertThat(o.statistic()).isCloseTo(s.statistic(), within(1e-12));
                assertThat(o.upper()).isCloseTo(s.upper(), within(1e-12));
              }
            });
  }
}
