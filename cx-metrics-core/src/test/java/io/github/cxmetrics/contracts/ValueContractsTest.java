package io.github.cxmetrics.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.breakdown.Breakdown;
import io.github.cxmetrics.breakdown.Trend;
import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.retention.Cohort;
import io.github.cxmetrics.retention.CohortTable;
import io.github.cxmetrics.retention.EventRetention;
import io.github.cxmetrics.retention.Lifecycle;
import io.github.cxmetrics.retention.Retention;
import io.github.cxmetrics.retention.RetentionPeriods;
import io.github.cxmetrics.retention.RetentionTable;
import io.github.cxmetrics.retention.RevenueRetention;
import io.github.cxmetrics.retention.Stickiness;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingScale;
import io.github.cxmetrics.survey.WeightedNps;
import io.github.cxmetrics.value.PurchaseHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The value-object contract of every public value: equal to an equal value (and to itself), with
 * the same hash code; different from a value that differs in any one component; never equal to null
 * or another type; a {@code toString} that names its class.
 */
class ValueContractsTest {

  /** Checks the contract for {@code value}, an equal copy, and values differing in one part. */
  @SafeVarargs
  private static <T> void contract(Supplier<T> value, T... different) {
    T a = value.get();
    T b = value.get();
    assertThat(a).isEqualTo(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(null).isNotEqualTo(new Object());
    assertThat(a.toString()).startsWith(a.getClass().getSimpleName());
    for (T other : different) {
      assertThat(a).as("%s vs %s", a, other).isNotEqualTo(other);
      assertThat(other).isNotEqualTo(a);
      assertThat(a.hashCode()).as("hash of %s vs %s", a, other).isNotEqualTo(other.hashCode());
    }
  }

  @Test
  void surveyValues() {
    contract(
        () -> Nps.ofCounts(4, 3, 2),
        Nps.ofCounts(5, 3, 2),
        Nps.ofCounts(4, 4, 2),
        Nps.ofCounts(4, 3, 3));
    contract(
        () -> WeightedNps.of(new int[] {10, 7, 0}, new double[] {2, 1, 0.5}),
        WeightedNps.of(new int[] {10, 7, 0, 0}, new double[] {2, 1, 0.5, 0}),
        WeightedNps.of(new int[] {10, 7, 0}, new double[] {3, 1, 0.5}),
        WeightedNps.of(new int[] {10, 7, 0}, new double[] {2, 2, 0.5}),
        WeightedNps.of(new int[] {10, 7, 0}, new double[] {2, 1, 1.5}),
        WeightedNps.of(new int[] {10, 10, 0}, new double[] {1, 1, 0.5}));
    RatingScale five = RatingScale.ONE_TO_FIVE;
    contract(
        () -> Csat.definition(five, 4).ofCounts(1, 2, 3, 4, 5),
        Csat.definition(five, 5).ofCounts(1, 2, 3, 4, 5),
        Csat.definition(five, 4).ofCounts(1, 2, 3, 4, 6),
        Csat.definition(RatingScale.of(0, 4), 3).ofCounts(1, 2, 3, 4, 5));
    contract(
        () -> Ces.definition(five, EffortDirection.LOWER_IS_LESS_EFFORT).ofCounts(1, 2, 3, 4, 5),
        Ces.definition(five, EffortDirection.HIGHER_IS_LESS_EFFORT).ofCounts(1, 2, 3, 4, 5),
        Ces.definition(five, EffortDirection.LOWER_IS_LESS_EFFORT).ofCounts(2, 2, 3, 4, 5));
    assertThat(RatingScale.of(1, 5))
        .isEqualTo(RatingScale.ONE_TO_FIVE)
        .hasSameHashCodeAs(RatingScale.ONE_TO_FIVE)
        .isNotEqualTo(RatingScale.of(1, 6))
        .isNotEqualTo(RatingScale.of(0, 5));
    assertThat(RatingScale.of(1, 5).hashCode()).isNotEqualTo(RatingScale.of(1, 6).hashCode());
    assertThat(WeightedNps.EMPTY.isEmpty()).isTrue();
    assertThat(WeightedNps.of(new int[] {5}, new double[] {1}).isEmpty()).isFalse();
  }

  @Test
  void relationshipValues() {
    contract(
        () -> Retention.ofCounts(100, 105, 15),
        Retention.ofCounts(101, 105, 15),
        Retention.ofCounts(100, 106, 15),
        Retention.ofCounts(100, 105, 16));
    contract(
        () -> RevenueRetention.of(Map.of("a", 10.0, "b", 5.0), Map.of("a", 12.0, "c", 1.0)),
        RevenueRetention.of(Map.of("a", 11.0, "b", 5.0), Map.of("a", 12.0, "c", 1.0)),
        RevenueRetention.of(Map.of("a", 10.0, "b", 5.0), Map.of("a", 13.0, "c", 1.0)),
        RevenueRetention.of(Map.of("a", 10.0, "b", 5.0), Map.of("a", 12.0, "c", 2.0)),
        RevenueRetention.of(Map.of("a", 10.0, "b", 5.0), Map.of("a", 12.0, "b", 1.0, "c", 1.0)));
    assertThat(RevenueRetention.EMPTY.toString()).isEqualTo("RevenueRetention[starting=0.0]");
    assertThat(RevenueRetention.of(Map.of("a", 10.0), Map.of("a", 12.0)).toString())
        .isEqualTo("RevenueRetention[gross=1.0, net=1.2, starting=10.0]");
    record Visit(String who, LocalDate day) {}
    List<Visit> visits =
        List.of(
            new Visit("a", LocalDate.parse("2024-01-05")),
            new Visit("b", LocalDate.parse("2024-01-09")),
            new Visit("a", LocalDate.parse("2024-02-05")));
    LocalDate end = LocalDate.parse("2024-02-29");
    contract(
        () -> CohortTable.of(visits, Visit::who, Visit::day, PeriodUnit.MONTH, end),
        CohortTable.of(visits.subList(0, 2), Visit::who, Visit::day, PeriodUnit.MONTH, end),
        CohortTable.of(visits, Visit::who, Visit::day, PeriodUnit.MONTH, end.plusDays(1)),
        CohortTable.of(visits, Visit::who, Visit::day, PeriodUnit.QUARTER, end));
    CohortTable table = CohortTable.of(visits, Visit::who, Visit::day, PeriodUnit.MONTH, end);
    assertThat(table.unit()).isEqualTo(PeriodUnit.MONTH);
    assertThat(table.observedThrough()).isEqualTo(end);
    assertThat(table.toString())
        .isEqualTo("CohortTable[MONTH through 2024-02-29, 1 cohorts, 2 customers]");
    Cohort cohort = table.cohorts().get(0);
    contract(() -> table.cohorts().get(0), table.merge(table).cohorts().get(0));
    assertThat(cohort.toString()).isEqualTo("Cohort[start=2024-01-01, active=[2, 1]]");
    assertThat(cohort.retentionInterval(1, 0.95).contains(0.5)).isTrue();
  }

  @Test
  void eventRetentionValues() {
    record E(String who, Instant at) {}
    List<E> events =
        List.of(
            new E("a", Instant.parse("2024-01-01T10:00:00Z")),
            new E("b", Instant.parse("2024-01-01T11:00:00Z")),
            new E("a", Instant.parse("2024-01-02T10:00:00Z")),
            new E("b", Instant.parse("2024-01-03T10:00:00Z")));
    EventRetention<E> any = EventRetention.of(E::who, E::at);
    Instant end = Instant.parse("2024-01-04T00:00:00Z");
    RetentionPeriods days = RetentionPeriods.calendar(PeriodUnit.DAY, ZoneOffset.UTC);
    contract(
        () -> RetentionPeriods.calendar(PeriodUnit.DAY, ZoneOffset.UTC),
        RetentionPeriods.calendar(PeriodUnit.WEEK, ZoneOffset.UTC),
        RetentionPeriods.calendar(PeriodUnit.DAY, ZoneId.of("Europe/Paris")),
        RetentionPeriods.rolling(Duration.ofDays(1), PeriodUnit.DAY, ZoneOffset.UTC));
    assertThat(RetentionPeriods.rolling(Duration.ofDays(1), PeriodUnit.DAY, ZoneOffset.UTC))
        .hasToString("RetentionPeriods[rolling PT24H, cohorts by DAY in Z]");
    assertThat(days.window()).isEmpty();
    contract(
        () -> any.table(events, days, end),
        any.table(events.subList(0, 3), days, end),
        any.table(events, days, end.plusSeconds(1)),
        any.table(events, RetentionPeriods.calendar(PeriodUnit.WEEK, ZoneOffset.UTC), end),
        any.startingWith(e -> e.who().equals("a")).table(events, days, end));
    RetentionTable table = any.table(events, days, end);
    assertThat(table.periods()).isEqualTo(days);
    assertThat(table.observationEnd()).isEqualTo(end);
    assertThat(table)
        .hasToString(
            "RetentionTable[calendar DAY in Z to 2024-01-04T00:00:00Z, 1 cohorts, 2 customers]");
    contract(
        () -> any.table(events, days, end).cohorts().get(0),
        any.table(events.subList(0, 3), days, end).cohorts().get(0),
        any.table(events, days, end.plusSeconds(86_400)).cohorts().get(0));
    assertThat(table.cohorts().get(0))
        .hasToString(
            "Row[2024-01-01, 2 customers, observed [2, 2, 2], returned [2, 1, 1], or later [2, 2,"
                + " 1]]");
    contract(
        () -> any.stickiness(events, PeriodUnit.DAY, ZoneOffset.UTC, 3, end),
        any.stickiness(events.subList(0, 3), PeriodUnit.DAY, ZoneOffset.UTC, 3, end),
        any.stickiness(events, PeriodUnit.DAY, ZoneOffset.UTC, 2, end),
        any.stickiness(events, PeriodUnit.DAY, ZoneOffset.UTC, 3, end.plusSeconds(1)),
        any.stickiness(events, PeriodUnit.DAY, ZoneId.of("Asia/Tokyo"), 3, end));
    Stickiness sticky = any.stickiness(events, PeriodUnit.DAY, ZoneOffset.UTC, 3, end);
    assertThat(sticky.unit()).isEqualTo(PeriodUnit.DAY);
    assertThat(sticky.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(sticky.observationEnd()).isEqualTo(end);
    assertThat(sticky)
        .hasToString(
            "Stickiness[3 DAY from 2024-01-01 in Z to 2024-01-04T00:00:00Z, active in 1..3: [0, 2,"
                + " 0]]");
    contract(
        () -> any.lifecycle(events, PeriodUnit.DAY, ZoneOffset.UTC, end),
        any.lifecycle(events.subList(0, 3), PeriodUnit.DAY, ZoneOffset.UTC, end),
        any.lifecycle(events, PeriodUnit.DAY, ZoneOffset.UTC, end.plusSeconds(1)),
        any.lifecycle(events, PeriodUnit.WEEK, ZoneOffset.UTC, end),
        any.lifecycle(events, PeriodUnit.DAY, ZoneId.of("Asia/Tokyo"), end));
    Lifecycle lifecycle = any.lifecycle(events, PeriodUnit.DAY, ZoneOffset.UTC, end);
    assertThat(lifecycle.unit()).isEqualTo(PeriodUnit.DAY);
    assertThat(lifecycle.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(lifecycle.observationEnd()).isEqualTo(end);
    assertThat(lifecycle)
        .hasToString("Lifecycle[DAY in Z to 2024-01-04T00:00:00Z, 3 periods from 2024-01-01]");
  }

  @Test
  void journeyAndBreakdownValues() {
    List<String> stages = List.of("visit", "buy");
    contract(
        () -> Funnel.ofCounts(stages, 10, 3),
        Funnel.ofCounts(stages, 10, 4),
        Funnel.ofCounts(List.of("visit", "pay"), 10, 3));
    assertThat(Funnel.ofCounts(stages, 10, 3).stages()).containsExactly("visit", "buy");
    assertThatThrownBy(() -> Funnel.ofCounts(stages, 10, 3).reached("pay"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage pay is not one of [visit, buy]");
    record R(String key, int score, Instant at) {}
    List<R> records =
        List.of(
            new R("a", 9, Instant.parse("2024-01-01T10:00:00Z")),
            new R("b", 3, Instant.parse("2024-01-02T10:00:00Z")));
    contract(
        () -> Breakdown.of(records, R::key, Nps.toNps(R::score)),
        Breakdown.of(records.subList(0, 1), R::key, Nps.toNps(R::score)),
        Breakdown.of(records, r -> "all", Nps.toNps(R::score)));
    ZoneId utc = ZoneId.of("UTC");
    contract(
        () -> Trend.of(records, R::at, utc, PeriodUnit.DAY, Nps.toNps(R::score)),
        Trend.of(records, R::at, utc, PeriodUnit.MONTH, Nps.toNps(R::score)),
        Trend.of(records, R::at, ZoneId.of("Asia/Tokyo"), PeriodUnit.DAY, Nps.toNps(R::score)),
        Trend.of(records.subList(0, 1), R::at, utc, PeriodUnit.DAY, Nps.toNps(R::score)));
    Trend<Nps> trend = Trend.of(records, R::at, utc, PeriodUnit.DAY, Nps.toNps(R::score));
    assertThat(trend.unit()).isEqualTo(PeriodUnit.DAY);
    assertThat(trend.zone()).isEqualTo(utc);
    assertThat(trend.toString()).isEqualTo("Trend[DAY in UTC, 2 periods]");
  }

  record Sale(String who, LocalDate day, double amount) {}

  /** The history of one customer with a first and a repeat purchase. */
  private static PurchaseHistory history(
      String who, String first, String repeat, double repeatAmount, LocalDate end) {
    return PurchaseHistory.summarize(
            List.of(
                new Sale(who, LocalDate.parse(first), 5),
                new Sale(who, LocalDate.parse(repeat), repeatAmount)),
            Sale::who,
            Sale::day,
            Sale::amount,
            end,
            ChronoUnit.DAYS)
        .get(0);
  }

  @Test
  void purchaseHistories() {
    LocalDate end = LocalDate.parse("2024-03-31");
    PurchaseHistory base = history("a", "2024-01-01", "2024-01-08", 7, end);
    assertThat(base.firstPurchase()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(base.toString())
        .isEqualTo("PurchaseHistory[customer=a, x=1, t_x=7.0, T=90.0, repeatValue=7.0]");
    contract(
        () -> history("a", "2024-01-01", "2024-01-08", 7, end),
        history("b", "2024-01-01", "2024-01-08", 7, end), // customer
        history("a", "2024-01-02", "2024-01-08", 7, end), // first purchase and recency
        history("a", "2024-01-01", "2024-01-09", 7, end), // recency
        history("a", "2024-01-01", "2024-01-08", 8, end), // repeat value
        history("a", "2024-01-01", "2024-01-08", 7, end.plusDays(1)), // age
        history("a", "2024-01-01", "2024-01-01", 7, end)); // frequency
  }
}
