package io.github.cxmetrics.drivers;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.laws.MergeableLaws;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collector;
import org.quicktheories.core.Gen;

/** The merge laws of {@link DriverMoments}: an outcome 0..10 and two drivers 1..5, some missing. */
class DriverMomentsPropertiesTest extends MergeableLaws<DriverMoments, int[]> {
  private static final List<String> DRIVERS = List.of("ease", "price");

  @Override
  protected Gen<List<int[]>> inputs() {
    // a rating of 0 stands for a missing answer
    Gen<int[]> response =
        integers()
            .between(0, 10)
            .zip(
                integers().between(0, 5),
                integers().between(0, 5),
                (y, a, b) -> new int[] {y, a, b});
    return lists().of(response).ofSizeBetween(0, 60);
  }

  @Override
  protected DriverMoments of(List<int[]> input) {
    DriverAccumulator accumulator = new DriverAccumulator(DRIVERS);
    for (int[] r : input) {
      accumulator.acceptWithMissing(r[0], r[1] == 0 ? null : r[1], r[2] == 0 ? null : r[2]);
    }
    return accumulator.snapshot();
  }

  @Override
  protected DriverMoments empty() {
    return DriverMoments.empty(DRIVERS);
  }

  @Override
  protected Optional<DriverMoments> roundTrip(DriverMoments value) {
    return Optional.of(DriverMoments.fromByteArray(value.toByteArray()));
  }

  @Override
  protected Optional<Collector<int[], ?, DriverMoments>> collector() {
    return Optional.of(
        DriverMoments.toDriverMoments(
            DRIVERS,
            r -> r[0],
            List.<Function<int[], Integer>>of(
                r -> r[1] == 0 ? null : r[1], r -> r[2] == 0 ? null : r[2])));
  }
}
