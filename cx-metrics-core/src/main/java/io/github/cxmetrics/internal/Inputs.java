package io.github.cxmetrics.internal;

import java.util.Objects;
import java.util.function.ObjLongConsumer;

/** Iteration over boxed inputs that refuses nulls, naming where they were. */
public final class Inputs {
  private Inputs() {}

  /**
   * Returns a field read from an input item, refusing null.
   *
   * @param value the field's value
   * @param item what the items are, e.g. "record"
   * @param index the item's index
   * @param field the field's name
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null, e.g. "record at index 3 has a null
   *     customer"
   */
  public static <V> V field(V value, String item, long index, String field) {
    if (value == null) {
      throw new NullPointerException(item + " at index " + index + " has a null " + field);
    }
    return value;
  }

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
