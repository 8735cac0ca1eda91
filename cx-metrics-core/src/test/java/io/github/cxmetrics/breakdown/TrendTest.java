package io.github.cxmetrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.survey.Nps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {
  record Answer(String who, Instant at, int score) {}

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Answer answer(String who, String at, int score) {
    return new Answer(who, Instant.parse(at), score);
  }

  private static final List<Answer> ANSWERS =
      List.of(
          answer("a", "2024-01-10T09:00:00Z", 10),
          answer("b", "2024-01-31T23:30:00Z", 3), // 2024-02-01 00:30 in Paris: February
          answer("c", "2024-02-14T12:00:00Z", 9),
          answer("a", "2024-02-20T12:00:00Z", 6), // a answers again
          answer("d", "2024-04-02T12:00:00Z", 8)); // no answer in March

  private static Trend<Nps> monthly() {
    return Trend.of(ANSWERS, Answer::at, PARIS, PeriodUnit.MONTH, Nps.toNps(Answer::score));
  }

  @Test
  void groupsByLocalCalendarPeriod() {
    List<PeriodValue<Nps>> periods = monthly().periods();
    assertThat(periods)
        .extracting(PeriodValue::start)
        .containsExactly(
            LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-02-01"),
            LocalDate.parse("2024-04-01"));
    assertThat(periods.get(0).value()).isEqualTo(Nps.of(10));
    assertThat(periods.get(1).value()).isEqualTo(Nps.of(3, 9, 6));
    // in UTC the 23:30 answer stays in January
    Trend<Nps> utc =
        Trend.of(ANSWERS, Answer::at, ZoneId.of("UTC"), PeriodUnit.MONTH, Nps.toNps(Answer::score));
    assertThat(utc.periods().get(0).value()).isEqualTo(Nps.of(10, 3));
  }

  @Test
  void changesCompareConsecutiveCalendarPeriodsOnly() {
    List<PeriodChange> changes = monthly().changes(Comparison::of);
    // January -> February only: March has no answers, so there is no March -> April change
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).from()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(changes.get(0).to()).isEqualTo(LocalDate.parse("2024-02-01"));
    assertThat(changes.get(0).change()).isEqualTo(Comparison.of(Nps.of(3, 9, 6), Nps.of(10)));
    assertThat(monthly().changes()).isEqualTo(changes);
    assertThat(monthly().rolling(2)).isEqualTo(monthly().rolling(2, Nps::merge));
    // adjusted-Wald test (Lewis & Sauro): January, one promoter: n~ = 4, p~ = 1.75/4, d~ = 0.75/4,
    // adjusted NPS 25, SE 100 sqrt((p~ + d~ - (p~ - d~)^2) / 4) = 37.5. February, 1 promoter and
    // 2 detractors of 3: n~ = 6, p~ = 1.75/6, d~ = 2.75/6, adjusted NPS -100/6.
    double p = 1.75 / 6;
    double d = 2.75 / 6;
    double february = 100 * Math.sqrt((p + d - (p - d) * (p - d)) / 6);
    double z = (-100.0 / 6 - 25) / Math.hypot(37.5, february);
    assertThat(changes.get(0).change().z())
        .isCloseTo(z, org.assertj.core.data.Offset.offset(1e-12));
    // |z| = 0.816: one answer against three is no evidence of a change
    assertThat(changes.get(0).isSignificant(0.95)).isFalse();
    assertThat(changes.get(0).change().difference())
        .isCloseTo(-100.0 / 3 - 100, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void rollingWindowsMergePresentPeriods() {
    List<PeriodValue<Nps>> windows = monthly().rolling(3, Nps::merge);
    assertThat(windows).hasSize(3);
    assertThat(windows.get(1).value()).isEqualTo(Nps.of(10, 3, 9, 6));
    // April's window covers February to April
    assertThat(windows.get(2).value()).isEqualTo(Nps.of(3, 9, 6, 8));
    assertThatThrownBy(() -> monthly().rolling(0, Nps::merge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window (0) must be >= 1");
  }

  @Test
  void latestResponseOfEachRespondent() {
    Trend<Nps> latest =
        Trend.ofLatestPerRespondent(
            ANSWERS, Answer::at, Answer::who, PARIS, PeriodUnit.MONTH, Nps.toNps(Answer::score));
    // a's January 10 answer is replaced by the February 20 one
    assertThat(latest.periods())
        .extracting(PeriodValue::start)
        .containsExactly(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-04-01"));
    assertThat(latest.periods().get(0).value()).isEqualTo(Nps.of(3, 9, 6));
  }

  @Test
  void rejectsNullTimestamps() {
    List<Answer> broken = new ArrayList<>(ANSWERS);
    broken.add(new Answer("e", null, 5));
    assertThatThrownBy(
            () -> Trend.of(broken, Answer::at, PARIS, PeriodUnit.DAY, Nps.toNps(Answer::score)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("record at index 5 has a null timestamp");
  }

  @Test
  void periodsMergeToTheWholeAndRegroupingChangesNothing() {
    qt().forAll(
            lists().of(integers().between(0, 10)).ofSizeBetween(0, 150),
            lists().of(integers().between(0, 400 * 24)).ofSizeBetween(150, 150))
        .checkAssert(
            (scores, hours) -> {
              List<Answer> answers = new ArrayList<>();
              for (int i = 0; i < scores.size(); i++) {
                answers.add(
                    new Answer(
                        "r" + i,
                        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * hours.get(i)),
                        scores.get(i)));
              }
              Nps all = Nps.of(scores.stream().mapToInt(Integer::intValue).toArray());
              for (PeriodUnit unit : PeriodUnit.values()) {
                Trend<Nps> trend =
                    Trend.of(answers, Answer::at, PARIS, unit, Nps.toNps(Answer::score));
                Nps merged =
                    trend.periods().stream().map(PeriodValue::value).reduce(Nps.EMPTY, Nps::merge);
                assertThat(merged).isEqualTo(all);
                assertThat(trend.rolling(1, Nps::merge)).isEqualTo(trend.periods());
                // a window longer than the whole span ends with everything
                List<PeriodValue<Nps>> widest = trend.rolling(100_000, Nps::merge);
                if (!widest.isEmpty()) {
                  assertThat(widest.get(widest.size() - 1).value()).isEqualTo(all);
                }
              }
            });
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
