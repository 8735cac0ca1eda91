package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import io.github.cxmetrics.stats.Interval;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collector;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of {@link Retention} and {@link CustomerChanges}, on random counts and customers. */
class RetentionPropertiesTest extends MergeableLaws<Retention, RetentionPropertiesTest.Customer> {
  /** One customer: present at the start of the period, at its end, or both. */
  record Customer(boolean atStart, boolean atEnd) {}

  @Override
  protected Gen<List<Customer>> inputs() {
    return lists()
        .of(integers().between(0, 3).map(k -> new Customer(k % 2 == 1, k >= 2)))
        .ofSizeBetween(0, 300);
  }

  /** A plain count of the customers, then the counts' factory. */
  @Override
  protected Retention of(List<Customer> input) {
    long start = input.stream().filter(Customer::atStart).count();
    long end = input.stream().filter(Customer::atEnd).count();
    long acquired = input.stream().filter(c -> c.atEnd() && !c.atStart()).count();
    return Retention.ofCounts(start, end, acquired);
  }

  @Override
  protected Retention empty() {
    return Retention.EMPTY;
  }

  @Override
  protected Optional<Collector<Customer, ?, Retention>> collector() {
    return Optional.of(Retention.toRetention(Customer::atStart, Customer::atEnd));
  }

  @Override
  protected Optional<Retention> roundTrip(Retention value) {
    return Optional.of(Retention.fromByteArray(value.toByteArray()));
  }

  /** Possible counts: retained in [0, S], acquired >= 0. */
  private static Gen<Retention> retentions() {
    return integers()
        .between(0, 10_000)
        .zip(
            integers().between(0, 10_000),
            integers().between(0, 10_000),
            (s, r, n) -> {
              long retained = Math.min(r, s);
              return Retention.ofCounts(s, retained + n, n);
            });
  }

  @Test
  void ratesStayInTheUnitIntervalAndSumToOne() {
    qt().forAll(retentions(), integers().between(50, 999))
        .checkAssert(
            (retention, permille) -> {
              if (retention.start() == 0) {
                return;
              }
              double level = permille / 1000.0;
              assertThat(retention.retentionRate()).isBetween(0.0, 1.0);
              assertThat(retention.churnRate()).isBetween(0.0, 1.0);
              assertThat(retention.retentionRate() + retention.churnRate())
                  .isCloseTo(1.0, within(1e-15));
              Interval interval = retention.retentionInterval(level);
              assertThat(interval.contains(retention.retentionRate())).isTrue();
              assertThat(interval.lower()).isBetween(0.0, 1.0);
              assertThat(interval.upper()).isBetween(0.0, 1.0);
            });
  }

  @Test
  void customerChangesPartitionBothSets() {
    Gen<List<Integer>> ids = lists().of(integers().between(0, 60)).ofSizeBetween(0, 80);
    qt().forAll(ids, ids)
        .checkAssert(
            (start, end) -> {
              CustomerChanges<Integer> changes = CustomerChanges.of(start, end);
              Set<Integer> startSet = new HashSet<>(start);
              Set<Integer> endSet = new HashSet<>(end);
              Set<Integer> union = new HashSet<>(changes.retained());
              union.addAll(changes.lost());
              assertThat(union).isEqualTo(startSet);
              Set<Integer> arrived = new HashSet<>(changes.retained());
              arrived.addAll(changes.acquired());
              assertThat(arrived).isEqualTo(endSet);
              Retention retention = changes.retention();
              assertThat(retention.start()).isEqualTo(startSet.size());
              assertThat(retention.end()).isEqualTo(endSet.size());
              assertThat(retention.retained() + retention.lost()).isEqualTo(startSet.size());
            });
  }
}
