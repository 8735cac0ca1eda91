package io.github.cxmetrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.survey.Nps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownEdgesTest {
  record R(String key, int score) {}

  @Test
  void twoGroupsAreTestedAndOneGroupIsNot() {
    Breakdown<String, Nps> two =
        Breakdown.of(
            List.of(new R("a", 10), new R("a", 9), new R("b", 0), new R("b", 3)),
            R::key,
            Nps.toNps(R::score));
    List<GroupComparison<String>> rest = two.againstRest(Nps::merge, Comparison::of, 0.95);
    assertThat(rest).hasSize(2);
    // two groups: each against the other; the comparisons are mirror images
    assertThat(rest.get(0).comparison().difference())
        .isEqualTo(-rest.get(1).comparison().difference());
    assertThat(two.pairwise(Comparison::of, 0.95)).hasSize(1);
    Breakdown<String, Nps> one = Breakdown.of(List.of(new R("a", 10)), R::key, Nps.toNps(R::score));
    assertThat(one.againstRest(Nps::merge, Comparison::of, 0.95)).isEmpty();
    assertThat(one.pairwise(Comparison::of, 0.95)).isEmpty();
    assertThat(one.spread(Nps::score, Nps::count, Comparison::of, 0.95).range()).isZero();
  }

  @Test
  void spreadNeedsGroupsWithSize() {
    Breakdown<String, Nps> empty =
        Breakdown.of(List.of(new R("a", 10)), R::key, Nps.toNps(R::score));
    assertThatThrownBy(() -> empty.spread(Nps::score, m -> 0L, Comparison::of, 0.95))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the spread is undefined when every group has size 0");
  }

  @Test
  void latestPerRespondentNeedsRespondents() {
    record A(String who, Instant at, int score) {}
    List<A> answers =
        List.of(
            new A("x", Instant.parse("2024-01-01T00:00:00Z"), 9),
            new A("x", Instant.parse("2024-01-01T00:00:00Z"), 3),
            new A(null, Instant.parse("2024-01-02T00:00:00Z"), 9));
    assertThatThrownBy(
            () ->
                Trend.ofLatestPerRespondent(
                    answers, A::at, A::who, ZoneId.of("UTC"), PeriodUnit.DAY, Nps.toNps(A::score)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("record at index 2 has a null respondent");
    // on a tie of timestamps the later record in the input wins
    Trend<Nps> latest =
        Trend.ofLatestPerRespondent(
            answers.subList(0, 2),
            A::at,
            A::who,
            ZoneId.of("UTC"),
            PeriodUnit.DAY,
            Nps.toNps(A::score));
    assertThat(latest.periods().get(0).value()).isEqualTo(Nps.of(3));
    assertThatThrownBy(
            () -> Trend.of(answers, null, ZoneId.of("UTC"), PeriodUnit.DAY, Nps.toNps(A::score)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("time");
  }
}
