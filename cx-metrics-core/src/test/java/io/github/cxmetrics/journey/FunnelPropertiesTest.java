package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of {@link Funnel}, on random customers and the furthest stage each reached. */
class FunnelPropertiesTest extends MergeableLaws<Funnel<String>, FunnelPropertiesTest.Customer> {
  private static final AtomicLong IDS = new AtomicLong();
  private static final List<String> STAGES = List.of("visit", "signup", "trial", "paid");

  /** One customer with a unique id and the stages it reached, in any order, with repeats. */
  record Customer(long id, List<Integer> reached) {}

  record Event(long customer, String stage) {}

  @Override
  protected Gen<List<Customer>> inputs() {
    return lists()
        .of(
            lists()
                .of(integers().between(0, 3))
                .ofSizeBetween(1, 4)
                .map(reached -> new Customer(IDS.incrementAndGet(), reached)))
        .ofSizeBetween(0, 80);
  }

  @Override
  protected Funnel<String> of(List<Customer> input) {
    List<Event> events = new ArrayList<>();
    for (Customer c : input) {
      for (int stage : c.reached()) {
        events.add(new Event(c.id(), STAGES.get(stage)));
      }
    }
    return Funnel.ofEvents(STAGES, events, Event::customer, Event::stage);
  }

  @Override
  protected Funnel<String> empty() {
    return Funnel.ofCounts(STAGES, 0, 0, 0, 0);
  }

  @Override
  protected Optional<Funnel<String>> roundTrip(Funnel<String> value) {
    return Optional.of(Funnel.fromByteArray(value.toByteArray()));
  }

  @Test
  void countsMatchAPlainFurthestStageCountAndConversionsMultiply() {
    qt().forAll(inputs())
        .checkAssert(
            input -> {
              long[] expected = new long[STAGES.size()];
              for (Customer c : input) {
                int furthest = c.reached().stream().mapToInt(Integer::intValue).max().orElseThrow();
                for (int s = 0; s <= furthest; s++) {
                  expected[s]++;
                }
              }
              Funnel<String> funnel = of(input);
              assertThat(funnel).isEqualTo(Funnel.ofCounts(STAGES, expected));
              for (int step = 0; step < funnel.steps(); step++) {
                assertThat(funnel.step(step))
                    .isEqualTo(
                        io.github.cxmetrics.stats.Proportion.of(
                            expected[step + 1], expected[step]));
              }
            });
  }
}
