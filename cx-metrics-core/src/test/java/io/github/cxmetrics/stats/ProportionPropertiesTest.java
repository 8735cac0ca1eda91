package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of {@link Proportion}, on random trials. */
class ProportionPropertiesTest extends MergeableLaws<Proportion, Boolean> {
  @Override
  protected Gen<List<Boolean>> inputs() {
    return lists().of(booleans().all()).ofSizeBetween(0, 300);
  }

  @Override
  protected Proportion of(List<Boolean> input) {
    return Proportion.of(input.stream().filter(b -> b).count(), input.size());
  }

  @Override
  protected Proportion empty() {
    return Proportion.EMPTY;
  }

  @Test
  void scoreStaysInRangeAndTheIntervalContainsItAndWidensWithTheLevel() {
    qt().forAll(
            lists().of(booleans().all()).ofSizeBetween(1, 300),
            doubles().between(0.5, 0.99),
            doubles().between(0.5, 0.99))
        .checkAssert(
            (input, l1, l2) -> {
              Proportion p = of(input);
              Interval narrow = p.confidenceInterval(Math.min(l1, l2));
              Interval wide = p.confidenceInterval(Math.max(l1, l2));
              assertThat(p.score()).isBetween(0.0, 1.0);
              assertThat(narrow.contains(p.score())).isTrue();
              assertThat(wide.lower()).isBetween(0.0, narrow.lower());
              assertThat(wide.upper()).isBetween(narrow.upper(), 1.0);
              assertThat(p.testBasis().standardError()).isPositive();
            });
  }
}
