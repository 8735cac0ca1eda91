package io.github.cxmetrics.retention;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.quicktheories.core.Gen;

/** Random customers with timestamped "signup", "buy" and "view" events, for property tests. */
final class RandomEvents {
  private RandomEvents() {}

  private static final AtomicLong IDS = new AtomicLong();
  private static final String[] NAMES = {"signup", "buy", "view"};

  /** The observation end of every generated event: a Wednesday mid-afternoon in Berlin. */
  static final Instant END = Instant.parse("2024-04-10T13:17:00Z");

  /** The span before {@link #END} that events fall in: 120 days, over the March DST change. */
  static final long SPAN_MINUTES = 120L * 24 * 60;

  record Event(long customer, String name, Instant at) {}

  /** One customer with a unique id and its events. */
  record Customer(long id, List<Event> events) {}

  static final EventRetention<Event> SIGNUP_THEN_BUY =
      EventRetention.of(Event::customer, Event::at)
          .startingWith(e -> e.name().equals("signup"))
          .activeWhen(e -> e.name().equals("buy"));

  static final EventRetention<Event> ANY = EventRetention.of(Event::customer, Event::at);

  static Gen<Customer> customer() {
    Gen<int[]> event =
        integers()
            .between(0, NAMES.length - 1)
            .zip(integers().between(0, (int) SPAN_MINUTES), (n, m) -> new int[] {n, m});
    return lists()
        .of(event)
        .ofSizeBetween(1, 8)
        .map(
            list -> {
              long id = IDS.incrementAndGet();
              List<Event> events = new ArrayList<>();
              for (int[] e : list) {
                events.add(new Event(id, NAMES[e[0]], END.minusSeconds(60L * e[1])));
              }
              return new Customer(id, events);
            });
  }

  static Gen<List<Customer>> customers() {
    return lists().of(customer()).ofSizeBetween(0, 30);
  }

  static List<Event> events(List<Customer> customers) {
    List<Event> all = new ArrayList<>();
    customers.forEach(c -> all.addAll(c.events()));
    return all;
  }
}
