package io.github.cxmetrics.retention;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who stayed, who left and who arrived over a period, from the customers active at its start and at
 * its end (identifiers of any type with a proper {@code equals} and {@code hashCode}).
 *
 * <p>Retained customers are those in both sets, lost customers those only at the start, acquired
 * customers those only at the end; {@link #retention()} gives the exact counts {@code S = |start|},
 * {@code E = |end|}, {@code N = |acquired|}.
 *
 * <p>Identifiers are compared with {@code equals}, so both collections must hold identifiers of the
 * same type: {@code of(List.of(1), List.of(1L))} compares an {@code Integer} with a {@code Long},
 * finds no customer in both, and reports customer 1 as lost and customer 1L as acquired. Convert
 * identifiers to one type (e.g. {@code String} or {@code Long}) before calling.
 *
 * @param <T> the type of the customer identifiers
 */
public final class CustomerChanges<T> {
  private final Set<T> retained;
  private final Set<T> lost;
  private final Set<T> acquired;

  private CustomerChanges(Set<T> retained, Set<T> lost, Set<T> acquired) {
    this.retained = Collections.unmodifiableSet(retained);
    this.lost = Collections.unmodifiableSet(lost);
    this.acquired = Collections.unmodifiableSet(acquired);
  }

  /**
   * Compares the customers active at the start and at the end of a period. Duplicates within either
   * collection count once.
   *
   * @param <T> the type of the customer identifiers
   * @param atStart the customers active at the start
   * @param atEnd the customers active at the end
   * @return the changes
   * @throws NullPointerException if a collection or an identifier is null, naming which
   */
  public static <T> CustomerChanges<T> of(
      Collection<? extends T> atStart, Collection<? extends T> atEnd) {
    Set<T> start = distinct(atStart, "atStart");
    Set<T> end = distinct(atEnd, "atEnd");
    Set<T> retained = new HashSet<>();
    Set<T> lost = new HashSet<>();
    for (T customer : start) {
      (end.contains(customer) ? retained : lost).add(customer);
    }
    Set<T> acquired = new HashSet<>();
    for (T customer : end) {
      if (!start.contains(customer)) {
        acquired.add(customer);
      }
    }
    return new CustomerChanges<>(retained, lost, acquired);
  }

  private static <T> Set<T> distinct(Collection<? extends T> customers, String name) {
    Objects.requireNonNull(customers, name);
    Set<T> set = new HashSet<>(Math.max(16, customers.size() * 4 / 3 + 1));
    for (T customer : customers) {
      if (customer == null) {
        throw new NullPointerException(name + " contains a null customer");
      }
      set.add(customer);
    }
    return set;
  }

  /** {@return the customers active at both the start and the end, unmodifiable} */
  public Set<T> retained() {
    return retained;
  }

  /** {@return the customers active at the start but not at the end, unmodifiable} */
  public Set<T> lost() {
    return lost;
  }

  /** {@return the customers active at the end but not at the start, unmodifiable} */
  public Set<T> acquired() {
    return acquired;
  }

  /** {@return the counts of the period: start, end and acquired customers} */
  public Retention retention() {
    long start = (long) retained.size() + lost.size();
    long end = (long) retained.size() + acquired.size();
    return Retention.ofCounts(start, end, acquired.size());
  }
}
