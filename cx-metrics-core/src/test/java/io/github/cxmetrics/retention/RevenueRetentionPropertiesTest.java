package io.github.cxmetrics.retention;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.quicktheories.core.Gen;

/** The merge laws of {@link RevenueRetention}, on random customers with and without revenue. */
class RevenueRetentionPropertiesTest
    extends MergeableLaws<RevenueRetention, RevenueRetentionPropertiesTest.Customer> {
  private static final AtomicLong IDS = new AtomicLong();

  /** One customer with a unique id; a null revenue means absent at that end. */
  record Customer(long id, Double start, Double end) {}

  private static Double revenue(int code) {
    // absent, 0, a whole amount, or an amount with a fraction that binary cannot hold exactly
    return switch (code % 4) {
      case 0 -> null;
      case 1 -> 0.0;
      case 2 -> (double) (code * 7);
      default -> code * 0.1;
    };
  }

  @Override
  protected Gen<List<Customer>> inputs() {
    return lists()
        .of(
            integers()
                .between(0, 400)
                .zip(
                    integers().between(0, 400),
                    (s, e) -> new Customer(IDS.incrementAndGet(), revenue(s), revenue(e))))
        .ofSizeBetween(0, 60);
  }

  @Override
  protected RevenueRetention of(List<Customer> input) {
    Map<Long, Double> atStart = new HashMap<>();
    Map<Long, Double> atEnd = new HashMap<>();
    for (Customer c : input) {
      if (c.start() != null) {
        atStart.put(c.id(), c.start());
      }
      if (c.end() != null) {
        atEnd.put(c.id(), c.end());
      }
    }
    return RevenueRetention.of(atStart, atEnd);
  }

  @Override
  protected RevenueRetention empty() {
    return RevenueRetention.EMPTY;
  }
}
