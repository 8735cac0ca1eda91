package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelTest {
  private static final List<String> STAGES = List.of("visit", "signup", "trial", "paid");
  private static final Funnel<String> FUNNEL = Funnel.ofCounts(STAGES, 1000, 400, 100, 50);

  @Test
  void conversionsByHand() {
    assertThat(FUNNEL.steps()).isEqualTo(3);
    assertThat(FUNNEL.stepConversion(0)).isEqualTo(400 / 1000.0);
    assertThat(FUNNEL.stepConversion(1)).isEqualTo(100 / 400.0);
    assertThat(FUNNEL.stepConversion(2)).isEqualTo(50 / 100.0);
    assertThat(FUNNEL.dropOff(1)).isEqualTo(300 / 400.0);
    assertThat(FUNNEL.overallConversion()).isEqualTo(50 / 1000.0);
    assertThat(FUNNEL.bottleneck()).isEqualTo(1);
    assertThat(FUNNEL.reached("trial")).isEqualTo(100);
    assertThat(FUNNEL).hasToString("Funnel[visit=1000, signup=400, trial=100, paid=50]");
  }

  @Test
  void stepIntervalMatchesSciPy() {
    // SciPy 1.17.1: binomtest(400, 1000).proportion_ci(0.95, method='wilson')
    Interval interval = FUNNEL.stepInterval(0, 0.95);
    assertThat(interval.lower()).isCloseTo(0.37007478121137727, within(1e-12));
    assertThat(interval.upper()).isCloseTo(0.4306905704857338, within(1e-12));
  }

  @Test
  void journeyStagesAndEvents() {
    record Event(String customer, JourneyStage stage) {}
    List<Event> events =
        List.of(
            new Event("a", JourneyStage.AWARENESS),
            new Event("a", JourneyStage.PURCHASE),
            new Event("b", JourneyStage.INTEREST),
            new Event("c", JourneyStage.ADVOCACY),
            new Event("b", JourneyStage.AWARENESS),
            new Event("d", JourneyStage.AWARENESS));
    Funnel<JourneyStage> funnel =
        Funnel.ofEvents(List.of(JourneyStage.values()), events, Event::customer, Event::stage);
    // furthest stages: a PURCHASE, b INTEREST, c ADVOCACY, d AWARENESS
    assertThat(funnel).isEqualTo(Funnel.ofJourneyCounts(4, 3, 2, 2, 1, 1));
  }

  @Test
  void rejectsImpossibleFunnels() {
    assertThatThrownBy(() -> Funnel.ofCounts(STAGES, 100, 120, 10, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage signup has 120 customers, more than the 100 at visit before it");
    assertThatThrownBy(() -> Funnel.ofCounts(STAGES, 100, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts has 2 entries for 4 stages [visit, signup, trial, paid]");
    assertThatThrownBy(() -> Funnel.ofCounts(List.of("a", "a"), 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stages must be distinct: [a, a]");
    assertThatThrownBy(() -> Funnel.ofCounts(List.of("a"), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Funnel.ofCounts(STAGES, 10, -1, 0, 0))
        .hasMessage("customers at stage signup (-1) must be >= 0");
    record Event(String customer, String stage) {}
    assertThatThrownBy(
            () ->
                Funnel.ofEvents(
                    STAGES, List.of(new Event("x", "refund")), Event::customer, Event::stage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event at index 0 names stage refund, not one of [visit, signup, trial, paid]");
  }

  @Test
  void emptyStagesHaveNoConversion() {
    Funnel<String> empty = Funnel.ofCounts(STAGES, 10, 0, 0, 0);
    assertThat(empty.stepConversion(0)).isZero();
    assertThatThrownBy(() -> empty.stepConversion(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("conversion from signup is undefined: no customer reached it");
    assertThat(empty.bottleneck()).isZero();
    assertThatThrownBy(() -> FUNNEL.stepConversion(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void comparesAndMergesFunnelsStepByStep() {
    Funnel<String> other = Funnel.ofCounts(STAGES, 500, 250, 50, 40);
    List<Comparison> steps = Funnel.compare(FUNNEL, other);
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).difference()).isCloseTo(0.4 - 0.5, within(1e-15));
    // Agresti-Caffo: one success and one failure added to each step
    double a = 401.0 / 1002;
    double b = 251.0 / 502;
    assertThat(steps.get(0).adjustedDifference()).isCloseTo(a - b, within(1e-15));
    assertThat(steps.get(0).standardError())
        .isCloseTo(Math.sqrt(a * (1 - a) / 1002 + b * (1 - b) / 502), within(1e-15));
    assertThat(FUNNEL.merge(other)).isEqualTo(Funnel.ofCounts(STAGES, 1500, 650, 150, 90));
    assertThatThrownBy(() -> FUNNEL.merge(Funnel.ofCounts(List.of("x", "y"), 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("funnels over different stages: [visit, signup, trial, paid] and [x, y]");
  }

  @Test
  void stepConversionsMultiplyToTheOverallConversion() {
    qt().forAll(lists().of(integers().between(1, 1000)).ofSizeBetween(2, 8))
        .checkAssert(
            drops -> {
              // non-increasing positive counts
              long[] counts = new long[drops.size()];
              counts[0] = 1_000_000;
              for (int i = 1; i < counts.length; i++) {
                counts[i] = Math.max(1, counts[i - 1] * drops.get(i) / 1000);
              }
              List<Integer> stages = new java.util.ArrayList<>();
              for (int i = 0; i < counts.length; i++) {
                stages.add(i);
              }
              Funnel<Integer> funnel = Funnel.ofCounts(stages, counts);
              double product = 1;
              for (int step = 0; step < funnel.steps(); step++) {
                double c = funnel.stepConversion(step);
                assertThat(c).isBetween(0.0, 1.0);
                assertThat(funnel.dropOff(step)).isCloseTo(1 - c, within(1e-15));
                product *= c;
              }
              assertThat(product).isCloseTo(funnel.overallConversion(), within(1e-12));
              assertThat(funnel.merge(funnel).overallConversion())
                  .isCloseTo(funnel.overallConversion(), within(1e-15));
            });
  }

  @Test
  void aNullStageIsNamedWithItsIndex() {
    java.util.List<String> stages = java.util.Arrays.asList("visit", null, "paid");
    assertThatThrownBy(() -> Funnel.ofCounts(stages, 3, 2, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("stage at index 1 of [visit, null, paid] is null");
  }

  @Test
  void tiesGoToTheFirstStepAndEmptyStepsAreSkipped() {
    Funnel<String> tie = Funnel.ofCounts(List.of("a", "b", "c"), 100, 50, 25);
    assertThat(tie.bottleneck()).isZero();
    assertThat(tie.reached("a")).isEqualTo(100);
    Funnel<String> stuck = Funnel.ofCounts(List.of("a", "b", "c", "d"), 10, 5, 0, 0);
    // step 2 (c -> d) has nobody entering: skipped; step 1 converts 0
    assertThat(stuck.bottleneck()).isEqualTo(1);
    Funnel<String> none = Funnel.ofCounts(List.of("a", "b"), 0, 0);
    assertThatThrownBy(none::bottleneck).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(none::overallConversion).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> none.dropOff(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> none.stepInterval(0, 0.95)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void comparingFunnelsOverDifferentStagesFails() {
    assertThatThrownBy(
            () ->
                Funnel.compare(
                    Funnel.ofCounts(List.of("a", "b"), 2, 1),
                    Funnel.ofCounts(List.of("a", "c"), 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("funnels over different stages: [a, b] and [a, c]");
  }

  @Test
  void eventsWithNullsNameTheirIndex() {
    record E(String who, String stage) {}
    assertThatThrownBy(
            () ->
                Funnel.ofEvents(
                    List.of("a", "b"),
                    List.of(new E("x", "a"), new E("y", null)),
                    E::who,
                    E::stage))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("event at index 1 has a null stage");
    assertThat(Funnel.ofEvents(List.of("a", "b"), List.<E>of(), E::who, E::stage))
        .isEqualTo(Funnel.ofCounts(List.of("a", "b"), 0, 0));
  }
}
