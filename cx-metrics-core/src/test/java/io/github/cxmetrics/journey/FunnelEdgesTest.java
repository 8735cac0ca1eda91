package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelEdgesTest {
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
