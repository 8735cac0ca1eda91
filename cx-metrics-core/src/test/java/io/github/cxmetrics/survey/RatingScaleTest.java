package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingScaleTest {

  @Test
  void ratingScaleBoundaries() {
    assertThat(RatingScale.of(1, RatingScale.MAX_POINTS).points())
        .isEqualTo(RatingScale.MAX_POINTS);
    assertThatThrownBy(() -> RatingScale.of(0, RatingScale.MAX_POINTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rating scale [0, 1001] has more than 1001 points");
    assertThatThrownBy(() -> RatingScale.of(3, 3))
        .hasMessage("rating scale [3, 3] must have min < max");
    assertThat(RatingScale.of(Integer.MAX_VALUE - 1, Integer.MAX_VALUE).points()).isEqualTo(2);
    assertThatThrownBy(() -> RatingScale.of(Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
