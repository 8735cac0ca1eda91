package io.github.cxmetrics.drivers;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collector;
import org.quicktheories.core.Gen;

/**
 * The merge laws of {@link DriverBootstrap}: keyed responses (a key, an outcome 0..10 and two
 * drivers 1..5, some missing), in the default 1,000 groups, so that a split of the responses gives
 * the groups of one pass.
 */
class DriverBootstrapPropertiesTest extends MergeableLaws<DriverBootstrap, int[]> {
  private static final List<String> DRIVERS = List.of("ease", "price");

  @Override
  protected Gen<List<int[]>> inputs() {
    // a rating of 0 stands for a missing answer
    Gen<int[]> response =
        integers()
            .between(0, 1_000_000)
            .zip(
                integers().between(0, 10),
                integers().between(0, 5),
                integers().between(0, 5),
                (key, y, a, b) -> new int[] {key, y, a, b});
    return lists().of(response).ofSizeBetween(0, 40);
  }

  @Override
  protected DriverBootstrap of(List<int[]> input) {
    DriverBootstrapAccumulator accumulator = new DriverBootstrapAccumulator(DRIVERS);
    for (int[] r : input) {
      accumulator.acceptWithMissing(r[0], r[1], r[2] == 0 ? null : r[2], r[3] == 0 ? null : r[3]);
    }
    return accumulator.snapshot();
  }

  @Override
  protected DriverBootstrap empty() {
    return DriverBootstrap.empty(DRIVERS);
  }

  @Override
  protected Optional<Collector<int[], ?, DriverBootstrap>> collector() {
    return Optional.of(
        DriverBootstrap.toDriverBootstrap(
            DRIVERS,
            r -> r[0],
            r -> r[1],
            List.<Function<int[], Integer>>of(
                r -> r[2] == 0 ? null : r[2], r -> r[3] == 0 ? null : r[3])));
  }
}
