package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversionTimesTest {
  private static ConversionTimes of(Duration resolution, long... seconds) {
    ConversionTimes.Builder builder = new ConversionTimes.Builder(resolution);
    for (long s : seconds) {
      builder.add(Duration.ofSeconds(s));
    }
    return builder.build();
  }

  @Test
  void nearestRankQuantilesByHand() {
    // 10 times: 1 2 2 3 5 8 13 21 34 55 seconds
    ConversionTimes times = of(Duration.ofSeconds(1), 13, 2, 1, 55, 3, 2, 8, 5, 34, 21);
    assertThat(times.count()).isEqualTo(10);
    assertThat(times.quantile(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(times.quantile(0.1)).isEqualTo(Duration.ofSeconds(1)); // rank 1
    assertThat(times.quantile(0.25)).isEqualTo(Duration.ofSeconds(2)); // rank ceil(2.5) = 3
    assertThat(times.median()).isEqualTo(Duration.ofSeconds(5)); // rank 5
    assertThat(times.quantile(0.9)).isEqualTo(Duration.ofSeconds(34)); // rank 9
    assertThat(times.quantile(1)).isEqualTo(Duration.ofSeconds(55));
    // (1 + 2 + 2 + 3 + 5 + 8 + 13 + 21 + 34 + 55) / 10 = 14.4 s
    assertThat(times.mean()).isEqualTo(Duration.ofMillis(14_400));
    assertThat(times.countAtMost(Duration.ofSeconds(8))).isEqualTo(6);
    assertThat(times.countAtMost(Duration.ofMillis(1999))).isEqualTo(1);
    assertThat(times).hasToString("ConversionTimes[n=10, median=PT5S, resolution=PT1S]");
  }

  @Test
  void timesAreRoundedDownToTheResolution() {
    ConversionTimes minutes = of(Duration.ofMinutes(1), 59, 60, 119, 3600);
    // units 0, 1, 1, 60: 59 s is 0 minutes, 119 s is 1
    assertThat(minutes.quantile(0.25)).isEqualTo(Duration.ZERO);
    assertThat(minutes.quantile(0.5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(minutes.quantile(0.75)).isEqualTo(Duration.ofMinutes(1));
    assertThat(minutes.quantile(1)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void mergeAddsCountsAndRefusesAnotherResolution() {
    ConversionTimes a = of(Duration.ofSeconds(1), 1, 5, 5);
    ConversionTimes b = of(Duration.ofSeconds(1), 5, 9);
    ConversionTimes both = of(Duration.ofSeconds(1), 1, 5, 5, 5, 9);
    assertThat(a.merge(b)).isEqualTo(both).isEqualTo(b.merge(a)).hasSameHashCodeAs(both);
    assertThat(a.merge(ConversionTimes.empty(Duration.ofSeconds(1)))).isEqualTo(a);
    assertThat(both.median()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> a.merge(ConversionTimes.empty(Duration.ofMinutes(1))))
        .hasMessage(
            "cannot merge conversion times at resolution PT1S with times at resolution PT1M");
    assertThat(a).isNotEqualTo(b).isNotEqualTo(of(Duration.ofMinutes(1), 1, 5, 5));
  }

  @Test
  void emptyAndBadInput() {
    ConversionTimes empty = ConversionTimes.empty(Duration.ofSeconds(1));
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.count()).isZero();
    assertThat(empty.countAtMost(Duration.ofDays(1))).isZero();
    assertThat(empty).hasToString("ConversionTimes[n=0, resolution=PT1S]");
    assertThat(empty.resolution()).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(empty::median)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no conversion time was recorded");
    assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class);
    ConversionTimes one = of(Duration.ofSeconds(1), 3);
    assertThatThrownBy(() -> one.quantile(1.5)).hasMessage("p (1.5) must be in [0, 1]");
    assertThatThrownBy(() -> one.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConversionTimes.empty(Duration.ofSeconds(-1)))
        .hasMessage("resolution (PT-1S) must be positive");
    assertThat(one.isEmpty()).isFalse();
  }
}
