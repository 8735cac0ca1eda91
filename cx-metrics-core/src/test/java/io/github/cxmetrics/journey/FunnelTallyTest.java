package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tally's tick-to-unit conversion and the conversion-time builder's dense mode. */
class FunnelTallyTest {

  @Test
  void unitsAreTheFloorQuotientAtAndAroundEveryMultiple() {
    // the reciprocal estimate must give exactly floorDiv(ticks, ticksPerUnit), checked against
    // Math.floorDiv on every value up to 3 million and around multiples far out
    long[][] cases = {
      {1, 1_000}, // milliseconds counted in seconds
      {1, 1_000_000}, // milliseconds counted in 1000-second units
      {1, 3_600_000}, // milliseconds counted in hours
      {1_000_000, 1_000_000_000L}, // ticks of 1 ms given in nanoseconds, counted in seconds
      {1, 7}
    };
    for (long[] c : cases) {
      Duration tick = Duration.ofNanos(c[0]);
      Duration resolution = Duration.ofNanos(c[1]);
      long perUnit = c[1] / c[0];
      FunnelResult.Tally tally = new FunnelResult.Tally(2, resolution, tick, Long.MAX_VALUE);
      for (long t = 0; t < 3_000_000; t++) {
        assertThat(tally.units(t)).isEqualTo(Math.floorDiv(t, perUnit));
      }
      for (long q : new long[] {1L << 20, 1L << 30, (1L << 40) + 3, (1L << 52) / perUnit - 1}) {
        for (long d = -2; d <= 2; d++) {
          long t = q * perUnit + d;
          assertThat(tally.units(t)).as("%d / %d", t, perUnit).isEqualTo(Math.floorDiv(t, perUnit));
        }
      }
      qt().forAll(longs().between(0, Long.MAX_VALUE))
          .checkAssert(t -> assertThat(tally.units(t)).isEqualTo(Math.floorDiv(t, perUnit)));
    }
  }

  @Test
  void theDenseBuilderCountsWhatTheTableCounts() {
    // a bound of 20,000 units; more than DENSE_AFTER distinct units move the builder to its array,
    // and units above the bound (which a funnel never gives) still go to the table; a count of 0
    // leaves no entry in either
    qt().withExamples(30)
        .forAll(
            lists().of(integers().between(0, 25_000)).ofSizeBetween(0, 6_000),
            integers().between(0, 20))
        .checkAssert(
            (units, repeat) -> {
              ConversionTimes.Builder dense =
                  new ConversionTimes.Builder(Duration.ofSeconds(1), 20_000);
              ConversionTimes.Builder table = new ConversionTimes.Builder(Duration.ofSeconds(1));
              for (int u : units) {
                dense.addOne(u);
                table.add(u, 1);
              }
              dense.add(7, repeat);
              table.add(7, repeat);
              assertThat(dense.build()).isEqualTo(table.build());
            });
    List<Integer> many = java.util.stream.IntStream.range(0, 10_000).boxed().toList();
    ConversionTimes.Builder dense = new ConversionTimes.Builder(Duration.ofSeconds(1), 20_000);
    many.forEach(dense::addOne);
    ConversionTimes times = dense.build();
    assertThat(times.count()).isEqualTo(10_000);
    assertThat(times.median()).isEqualTo(Duration.ofSeconds(4_999));
  }
}
