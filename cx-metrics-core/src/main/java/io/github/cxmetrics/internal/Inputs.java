package io.github.cxmetrics.internal;

import java.util.Objects;
import java.util.function.ObjLongConsumer;

/** Iteration over boxed inputs that refuses nulls, naming where they were. */
public final class Inputs {
  private Inputs() {}

  /**
   * Passes each element of {@code items} with its index to {@code action}.
   *
   * @throws NullPointerException naming {@code parameter} if {@code items} is null, or naming the
   *     index of the first null element ({@code "responses contains null at index 3"})
   */
  public static <T> void forEachIndexed(
      Iterable<T> items, String parameter, ObjLongConsumer<? super T> action) {
    Objects.requireNonNull(items, parameter);
    long index = 0;
    for (T item : items) {
      if (item == null) {
        throw new NullPointerException(parameter + " contains null at index " + index);
      }
      action.accept(item, index++);
    }
  }
}
