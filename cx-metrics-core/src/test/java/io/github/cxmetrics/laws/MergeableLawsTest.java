package io.github.cxmetrics.laws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.stats.Mergeable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The harness catches values that break its laws, so that passing it means something. */
class MergeableLawsTest {
  /** The sum of the inputs, kept only up to 100: merge is neither exact nor split-invariant. */
  record Capped(int total) implements Mergeable<Capped> {
    @Override
    public Capped merge(Capped other) {
      return new Capped(Math.min(100, total + other.total));
    }
  }

  /** The last input: merge is not commutative. */
  record Last(int value) implements Mergeable<Last> {
    @Override
    public Last merge(Last other) {
      return other.value == 0 ? this : other;
    }
  }

  private static final class CappedLaws extends MergeableLaws<Capped, Integer> {
    @Override
    protected Gen<List<Integer>> inputs() {
      return lists().of(integers().between(0, 60)).ofSizeBetween(0, 10);
    }

    @Override
    protected Capped of(List<Integer> input) {
      return new Capped(input.stream().mapToInt(Integer::intValue).sum());
    }

    @Override
    protected Capped empty() {
      return new Capped(0);
    }
  }

  private static final class LastLaws extends MergeableLaws<Last, Integer> {
    @Override
    protected Gen<List<Integer>> inputs() {
      return lists().of(integers().between(1, 9)).ofSizeBetween(0, 5);
    }

    @Override
    protected Last of(List<Integer> input) {
      return new Last(input.isEmpty() ? 0 : input.get(input.size() - 1));
    }

    @Override
    protected Last empty() {
      return new Last(0);
    }
  }

  @Test
  void aValueThatLosesCountsFailsTheSplitLaw() {
    assertThatThrownBy(() -> new CappedLaws().splittingTheInputNeverChangesTheResult())
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aNonCommutativeMergeFailsTheMergeLaw() {
    assertThatThrownBy(() -> new LastLaws().mergeIsAssociativeAndCommutative())
        .isInstanceOf(AssertionError.class);
  }
}
