package io.github.cxmetrics.internal;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * What a counting kernel says of a value outside its range: the name of one input value, the range
 * it must lie in, and an optional hint, as in {@code "rating 7 at index 3 is outside the rating
 * scale [1, 5]; for 1..7 ratings use RatingScale.ONE_TO_SEVEN"}.
 */
public final class ValueRange {
  private final String item;
  private final String range;
  private final LongFunction<String> hint;

  private ValueRange(String item, String range, LongFunction<String> hint) {
    this.item = Objects.requireNonNull(item, "item");
    this.range = Objects.requireNonNull(range, "range");
    this.hint = Objects.requireNonNull(hint, "hint");
  }

  /**
   * Returns a range whose messages read {@code "<item> <value> at index <i> is outside <range>"}.
   *
   * @param item the name of one value, e.g. {@code "response"}
   * @param range the description of the range, e.g. {@code "the NPS scale [0, 10]"}
   */
  public static ValueRange of(String item, String range) {
    return new ValueRange(item, range, value -> "");
  }

  /**
   * As {@link #of}, with {@code hint} appended to each message: it maps the offending value to a
   * suffix such as {@code "; for 1..7 ratings use RatingScale.ONE_TO_SEVEN"}, or to {@code ""}.
   */
  public static ValueRange of(String item, String range, LongFunction<String> hint) {
    return new ValueRange(item, range, hint);
  }

  /** The exception for {@code value} at {@code index}, naming both, the range and the hint. */
  public IllegalArgumentException outside(long value, long index) {
    return new IllegalArgumentException(
        item + " " + value + " at index " + index + " is outside " + range + hint.apply(value));
  }

  /** Returns the description of the range. */
  @Override
  public String toString() {
    return range;
  }
}
