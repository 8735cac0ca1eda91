package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of ClickHouse's {@code windowFunnel} and Doris' {@code WINDOW_FUNNEL}
 * documentation, event for event; their levels (the number of steps a customer's best chain
 * reached) are the counts of the decided funnel: a customer at level {@code L} counts at stages 0
 * to {@code L - 1}.
 *
 * <p>Sources: ClickHouse, "Parametric aggregate functions", {@code windowFunnel}, example "Find out
 * how far the user user_id could get through the chain" (result: level 4), <a
 * href="https://clickhouse.com/docs/sql-reference/aggregate-functions/parametric-functions">clickhouse.com/docs</a>;
 * Apache Doris, "WINDOW_FUNNEL", examples 1 to 4 (default, deduplication, fixed and increase
 * modes), <a
 * href="https://doris.apache.org/docs/sql-manual/sql-functions/aggregate-functions/window-funnel">doris.apache.org/docs</a>.
 * Doris' deduplication example is reproduced by {@link FunnelOrder#STRICT} (its data break the
 * chain the same way: a repeated login between two steps), its fixed example by both ordered modes
 * once the event that matches no stage is left out (such events do not reach a funnel here, as in
 * Doris 4.1 and later).
 */
class WindowedFunnelReferenceTest {
  record Event(long user, String name, Instant time) {}

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }

  private static final List<String> DORIS_STAGES = List.of("登录", "访问", "下单", "付款");
  private static final Instant LATER = at("2022-06-01 00:00:00");

  /** Doris' example table: the rows of every example but the ones each example changes. */
  private static List<Event> dorisEvents(String... user100123) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < user100123.length; i += 2) {
      events.add(new Event(100123, user100123[i], at(user100123[i + 1])));
    }
    events.add(new Event(100125, "登录", at("2022-05-15 11:00:00")));
    events.add(new Event(100125, "访问", at("2022-05-15 11:01:00")));
    events.add(new Event(100125, "下单", at("2022-05-15 11:02:00")));
    events.add(new Event(100126, "登录", at("2022-05-15 12:00:00")));
    events.add(new Event(100126, "访问", at("2022-05-15 12:01:00")));
    events.add(new Event(100127, "登录", at("2022-05-15 11:30:00")));
    events.add(new Event(100127, "访问", at("2022-05-15 11:31:00")));
    return events;
  }

  private static long[] decided(WindowedFunnel<String> funnel, List<Event> events) {
    FunnelResult<String> result =
        funnel.count(events, Event::user, Event::name, Event::time, LATER);
    assertThat(result.inProgress()).isZero();
    Funnel<String> decided = result.decided();
    long[] counts = new long[decided.stages().size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = decided.reached(decided.stages().get(i));
    }
    return counts;
  }

  @Test
  void clickHouseDocumentationExample() {
    List<Event> trend =
        List.of(
            new Event(1, "1003", at("2019-01-29 10:00:00")),
            new Event(1, "1007", at("2019-01-31 09:00:00")),
            new Event(1, "1009", at("2019-01-30 08:00:00")),
            new Event(1, "1010", at("2019-02-01 08:00:00")));
    WindowedFunnel<String> funnel =
        WindowedFunnel.of(
            List.of("1003", "1009", "1007", "1010"),
            Duration.ofSeconds(6_048_000_000_000_000L),
            FunnelOrder.ORDERED);
    FunnelResult<String> result =
        funnel.count(trend, Event::user, Event::name, Event::time, at("2019-02-02 23:59:59"));
    // level 4, one user
    assertThat(result.decided().reached("1010")).isEqualTo(1);
    assertThat(result.decided().overallConversion()).isEqualTo(1.0);
  }

  @Test
  void dorisDefaultMode() {
    List<Event> events =
        dorisEvents(
            "登录", "2022-05-14 10:01:00",
            "访问", "2022-05-14 10:02:00",
            "下单", "2022-05-14 10:04:00",
            "付款", "2022-05-14 10:10:00");
    // levels 3, 3, 2, 2 with a 5-minute window: the payment of 100123 is 9 minutes after login
    WindowedFunnel<String> fiveMinutes =
        WindowedFunnel.of(DORIS_STAGES, Duration.ofSeconds(300), FunnelOrder.ORDERED);
    assertThat(decided(fiveMinutes, events)).containsExactly(4, 4, 2, 0);
  }

  @Test
  void dorisDeduplicationModeByTheStrictOrder() {
    List<Event> events =
        dorisEvents(
            "登录", "2022-05-14 10:01:00",
            "访问", "2022-05-14 10:02:00",
            "登录", "2022-05-14 10:03:00",
            "下单", "2022-05-14 10:04:00",
            "付款", "2022-05-14 10:10:00");
    // levels 2, 3, 2, 2: the second login ends 100123's chain after the visit
    WindowedFunnel<String> strict =
        WindowedFunnel.of(DORIS_STAGES, Duration.ofHours(1), FunnelOrder.STRICT);
    assertThat(decided(strict, events)).containsExactly(4, 4, 1, 0);
    // in the ordered mode (Doris' default) the first login's chain goes on to the payment
    WindowedFunnel<String> ordered =
        WindowedFunnel.of(DORIS_STAGES, Duration.ofHours(1), FunnelOrder.ORDERED);
    assertThat(decided(ordered, events)).containsExactly(4, 4, 2, 1);
  }

  @Test
  void dorisFixedMode() {
    // "登录 2" matches no stage: left out, as Doris 4.1 ignores it; levels 4, 3, 2, 2
    List<Event> events =
        dorisEvents(
            "登录", "2022-05-14 10:01:00",
            "访问", "2022-05-14 10:02:00",
            "下单", "2022-05-14 10:04:00",
            "付款", "2022-05-14 10:10:00");
    for (FunnelOrder order : List.of(FunnelOrder.STRICT, FunnelOrder.ORDERED)) {
      WindowedFunnel<String> funnel = WindowedFunnel.of(DORIS_STAGES, Duration.ofHours(1), order);
      assertThat(decided(funnel, events)).as("%s", order).containsExactly(4, 4, 2, 1);
    }
  }

  @Test
  void dorisIncreaseMode() {
    List<Event> events =
        dorisEvents(
            "登录", "2022-05-14 10:01:00",
            "访问", "2022-05-14 10:02:00",
            "下单", "2022-05-14 10:04:00",
            "付款", "2022-05-14 10:04:00");
    // levels 3, 3, 2, 2: the payment in the same second as the order does not advance
    WindowedFunnel<String> increasing =
        WindowedFunnel.of(DORIS_STAGES, Duration.ofHours(1), FunnelOrder.ORDERED)
            .withStrictlyIncreasingTimes();
    assertThat(decided(increasing, events)).containsExactly(4, 4, 2, 0);
    // without it, equal times advance (Doris' default mode): 100123 pays
    WindowedFunnel<String> ordered =
        WindowedFunnel.of(DORIS_STAGES, Duration.ofHours(1), FunnelOrder.ORDERED);
    assertThat(decided(ordered, events)).containsExactly(4, 4, 2, 1);
  }
}
