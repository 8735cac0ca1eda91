package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.laws.MergeableLaws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of {@link ConversionTimes}, and its quantiles against a sorted list. */
class ConversionTimesPropertiesTest extends MergeableLaws<ConversionTimes, Long> {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Override
  protected Gen<List<Long>> inputs() {
    return lists().of(longs().between(0, 5_000)).ofSizeBetween(0, 60);
  }

  @Override
  protected ConversionTimes of(List<Long> input) {
    ConversionTimes.Builder builder = new ConversionTimes.Builder(SECOND);
    input.forEach(millis -> builder.add(Duration.ofMillis(millis)));
    return builder.build();
  }

  @Override
  protected ConversionTimes empty() {
    return ConversionTimes.empty(SECOND);
  }

  @Test
  void quantilesAreOrderStatisticsOfTheTimesInWholeSeconds() {
    qt().forAll(inputs(), doubles().between(0, 1))
        .checkAssert(
            (input, p) -> {
              if (input.isEmpty()) {
                return;
              }
              List<Long> seconds = new ArrayList<>();
              input.forEach(millis -> seconds.add(millis / 1000));
              Collections.sort(seconds);
              int rank = (int) Math.max(1, Math.ceil(p * seconds.size()));
              ConversionTimes times = of(input);
              assertThat(times.quantile(p)).isEqualTo(Duration.ofSeconds(seconds.get(rank - 1)));
              assertThat(times.countAtMost(times.quantile(p))).isGreaterThanOrEqualTo(rank);
              long sum = seconds.stream().mapToLong(Long::longValue).sum();
              assertThat(times.mean()).isEqualTo(Duration.ofSeconds(sum).dividedBy(seconds.size()));
            });
  }
}
