package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws of {@link FunnelResult} on random customers with random timestamped events, and the laws
 * between the orders and windows of {@link WindowedFunnel}.
 */
class FunnelResultPropertiesTest
    extends MergeableLaws<FunnelResult<String>, FunnelResultPropertiesTest.Customer> {
  private static final AtomicLong IDS = new AtomicLong();
  private static final List<String> STAGES = List.of("visit", "signup", "trial", "paid");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = T0.plus(Duration.ofHours(120));
  private static final WindowedFunnel<String> DAY =
      WindowedFunnel.of(STAGES, Duration.ofHours(24), FunnelOrder.ORDERED)
          .withStepWindow(1, Duration.ofHours(6))
          .excluding("cancel", 0);

  /** One customer with a unique id and its events: stage (4: cancel) and hour. */
  record Customer(long id, List<int[]> events) {}

  record Event(long customer, String stage, Instant time) {}

  /** Up to 6 events in the first 120 hours; {@code stages} of 4 exclude the cancel event. */
  private static Gen<List<Customer>> customers(int stages) {
    return lists()
        .of(
            lists()
                .of(
                    integers()
                        .between(0, stages - 1)
                        .zip(integers().between(0, 120), (s, t) -> new int[] {s, t}))
                .ofSizeBetween(1, 6)
                .map(events -> new Customer(IDS.incrementAndGet(), events)))
        .ofSizeBetween(0, 40);
  }

  private static List<Event> events(List<Customer> input) {
    List<Event> events = new ArrayList<>();
    for (Customer c : input) {
      for (int[] e : c.events()) {
        String stage = e[0] == 4 ? "cancel" : STAGES.get(e[0]);
        events.add(new Event(c.id(), stage, T0.plus(Duration.ofHours(e[1]))));
      }
    }
    return events;
  }

  private static FunnelResult<String> count(WindowedFunnel<String> funnel, List<Customer> input) {
    return funnel.count(events(input), Event::customer, Event::stage, Event::time, END);
  }

  private static long[] reached(Funnel<String> funnel) {
    return STAGES.stream().mapToLong(funnel::reached).toArray();
  }

  @Override
  protected Gen<List<Customer>> inputs() {
    return customers(5);
  }

  @Override
  protected FunnelResult<String> of(List<Customer> input) {
    return count(DAY, input);
  }

  @Override
  protected FunnelResult<String> empty() {
    return count(DAY, List.of());
  }

  @Test
  void everyCustomerIsDecidedInProgressOrNotStarted() {
    qt().forAll(inputs())
        .checkAssert(
            input -> {
              FunnelResult<String> result = of(input);
              Funnel<String> decided = result.decided();
              long customers = decided.reached("visit") + result.inProgress() + result.notStarted();
              assertThat(customers).isEqualTo(input.size());
              assertThat(result.all().reached("visit"))
                  .isEqualTo(decided.reached("visit") + result.inProgress());
              for (int step = 0; step < STAGES.size() - 1; step++) {
                // one conversion time per customer who took the step, in progress or not
                assertThat(result.conversionTimes(step).count())
                    .isEqualTo(result.all().reached(STAGES.get(step + 1)));
              }
            });
  }

  @Test
  void anyOrderConvertsAtLeastAsMuchAsOrderedAndOrderedAsStrict() {
    qt().forAll(customers(4), integers().between(1, 100))
        .checkAssert(
            (input, hours) -> {
              Duration window = Duration.ofHours(hours);
              long[] any =
                  reached(count(WindowedFunnel.of(STAGES, window, FunnelOrder.ANY), input).all());
              long[] ordered =
                  reached(
                      count(WindowedFunnel.of(STAGES, window, FunnelOrder.ORDERED), input).all());
              long[] strict =
                  reached(
                      count(WindowedFunnel.of(STAGES, window, FunnelOrder.STRICT), input).all());
              for (int s = 0; s < STAGES.size(); s++) {
                assertThat(any[s]).isGreaterThanOrEqualTo(ordered[s]);
                assertThat(ordered[s]).isGreaterThanOrEqualTo(strict[s]);
              }
            });
  }

  @Test
  void aWiderWindowNeverLowersConversion() {
    qt().forAll(customers(4), integers().between(1, 60), integers().between(0, 60))
        .checkAssert(
            (input, hours, more) -> {
              for (FunnelOrder order : FunnelOrder.values()) {
                long[] narrow =
                    reached(
                        count(WindowedFunnel.of(STAGES, Duration.ofHours(hours), order), input)
                            .all());
                long[] wide =
                    reached(
                        count(
                                WindowedFunnel.of(STAGES, Duration.ofHours(hours + more), order),
                                input)
                            .all());
                for (int s = 0; s < STAGES.size(); s++) {
                  assertThat(wide[s]).as("%s stage %s", order, s).isGreaterThanOrEqualTo(narrow[s]);
                }
              }
            });
  }

  @Test
  void anUnboundedAnyOrderFunnelIsTheFurthestStageFunnelWhenNoStageIsSkipped() {
    // Funnel.ofEvents credits every stage before a customer's furthest; the windowed funnel
    // credits stages taken. They agree for customers who took every stage up to their furthest.
    qt().forAll(customers(4))
        .checkAssert(
            input -> {
              List<Customer> gapless = new ArrayList<>();
              for (Customer c : input) {
                int furthest = c.events().stream().mapToInt(e -> e[0]).max().orElseThrow();
                List<int[]> events = new ArrayList<>(c.events());
                for (int s = 0; s <= furthest; s++) {
                  events.add(new int[] {s, 60});
                }
                gapless.add(new Customer(c.id(), events));
              }
              WindowedFunnel<String> unbounded =
                  WindowedFunnel.of(STAGES, Duration.ofDays(36_500), FunnelOrder.ANY);
              FunnelResult<String> result =
                  unbounded.count(
                      events(gapless),
                      Event::customer,
                      Event::stage,
                      Event::time,
                      END.plus(Duration.ofDays(40_000)));
              assertThat(result.decided())
                  .isEqualTo(
                      Funnel.ofEvents(STAGES, events(gapless), Event::customer, Event::stage));
            });
  }

  @Test
  void columnsGiveTheResultOfObjects() {
    qt().forAll(inputs(), integers().between(1, 100))
        .checkAssert(
            (input, hours) -> {
              for (FunnelOrder order : FunnelOrder.values()) {
                WindowedFunnel<String> funnel =
                    WindowedFunnel.of(STAGES, Duration.ofHours(hours), order);
                if (order != FunnelOrder.ANY) {
                  funnel = funnel.withStepWindow(0, Duration.ofHours(3)).excluding("cancel", 1);
                }
                List<Customer> kept = new ArrayList<>();
                for (Customer c : input) {
                  List<int[]> events = new ArrayList<>();
                  for (int[] e : c.events()) {
                    if (order != FunnelOrder.ANY || e[0] < 4) {
                      events.add(e);
                    }
                  }
                  kept.add(new Customer(c.id(), events));
                }
                List<Event> events = events(kept);
                int[] customer = new int[events.size()];
                int[] stage = new int[events.size()];
                long[] millis = new long[events.size()];
                java.util.Map<Long, Integer> index = new java.util.HashMap<>();
                for (int i = 0; i < events.size(); i++) {
                  Event e = events.get(i);
                  customer[i] = index.computeIfAbsent(e.customer(), id -> index.size());
                  stage[i] = e.stage().equals("cancel") ? STAGES.size() : STAGES.indexOf(e.stage());
                  millis[i] = e.time().toEpochMilli();
                }
                FunnelResult<String> byColumns =
                    funnel.count(index.size(), customer, stage, millis, END.toEpochMilli());
                assertThat(byColumns)
                    .as("%s", order)
                    .isEqualTo(
                        funnel.count(events, Event::customer, Event::stage, Event::time, END));
                // the same events interleaved (grouped by the counting sort, not read as runs)
                int n = events.size();
                int[] c2 = new int[n];
                int[] s2 = new int[n];
                long[] t2 = new long[n];
                java.util.Random shuffle = new java.util.Random(hours);
                int[] perm = java.util.stream.IntStream.range(0, n).toArray();
                for (int i = n - 1; i > 0; i--) {
                  int j = shuffle.nextInt(i + 1);
                  int swap = perm[i];
                  perm[i] = perm[j];
                  perm[j] = swap;
                }
                for (int i = 0; i < n; i++) {
                  c2[i] = customer[perm[i]];
                  s2[i] = stage[perm[i]];
                  t2[i] = millis[perm[i]];
                }
                assertThat(funnel.count(index.size(), c2, s2, t2, END.toEpochMilli()))
                    .as("%s, interleaved", order)
                    .isEqualTo(byColumns);
              }
            });
  }
}
