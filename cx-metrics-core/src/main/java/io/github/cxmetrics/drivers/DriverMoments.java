package io.github.cxmetrics.drivers;

import io.github.cxmetrics.internal.Encoding;
import io.github.cxmetrics.internal.Encoding.MetricId;
import io.github.cxmetrics.stats.Mergeable;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The co-moments of an outcome and {@code k} driver ratings over complete responses, kept as exact
 * integers: the number of responses {@code n}, the sum of each variable and the sum of the product
 * of every pair (and of each variable with itself). Integer ratings make every one of them an
 * integer, so values merge exactly: splitting the responses, counting the parts and merging gives
 * the very same numbers as one pass, in any order.
 *
 * <p>Variables are indexed {@code 0} for the outcome and {@code 1..k} for the drivers in the order
 * of {@link #drivers()}. From the co-moments, the covariance of variables {@code i} and {@code j}
 * is {@code (n S_ij - S_i S_j) / (n (n - 1))} and their correlation {@code (n S_ij - S_i S_j) /
 * sqrt((n S_ii - S_i^2)(n S_jj - S_j^2))}, each numerator computed exactly (as a big integer) and
 * rounded once.
 *
 * <p>Missing answers: the policy is complete cases. A response with a missing outcome or driver
 * rating is not in the co-moments; {@link DriverAccumulator#acceptWithMissing(Integer, Integer...)}
 * counts it in {@link #incomplete()}, so that nothing is dropped unreported. Sums overflow a {@code
 * long} only beyond about 10^16 responses of ratings up to 10; an overflow throws {@link
 * ArithmeticException}, never wraps.
 */
public final class DriverMoments implements Mergeable<DriverMoments> {
  private final List<String> drivers;
  private final long count;
  private final long incomplete;
  private final long[] sums;
  private final long[] products;

  DriverMoments(List<String> drivers, long count, long incomplete, long[] sums, long[] products) {
    this.drivers = drivers;
    this.count = count;
    this.incomplete = incomplete;
    this.sums = sums;
    this.products = products;
  }

  /**
   * Returns the empty co-moments of an outcome and named drivers.
   *
   * @param drivers the drivers' names, at least one, distinct and not null
   * @return the empty value
   * @throws NullPointerException if {@code drivers} or a name is null
   * @throws IllegalArgumentException if there is no driver or a name repeats, naming it
   */
  public static DriverMoments empty(List<String> drivers) {
    List<String> names = List.copyOf(drivers);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a driver analysis needs at least one driver");
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.subList(0, i).contains(names.get(i))) {
        throw new IllegalArgumentException("driver " + names.get(i) + " is named twice");
      }
    }
    int variables = names.size() + 1;
    return new DriverMoments(
        names, 0, 0, new long[variables], new long[variables * (variables + 1) / 2]);
  }

  /**
   * A collector of responses into co-moments, e.g. per segment with {@code Breakdown.of(responses,
   * Response::channel, DriverMoments.toDriverMoments(...))}; safe on parallel streams.
   *
   * @param <T> the type of the responses
   * @param drivers the drivers' names, at least one, distinct
   * @param outcome reads a response's outcome; null for a missing answer
   * @param ratings one reader per driver, in the order of {@code drivers}; null for a missing
   *     answer
   * @return the collector; a response with a missing answer is counted in {@link #incomplete()}
   * @throws NullPointerException if an argument or a reader is null
   * @throws IllegalArgumentException if there is not one reader per driver, or the names are
   *     invalid as in {@link #empty}
   */
  public static <T> Collector<T, ?, DriverMoments> toDriverMoments(
      List<String> drivers,
      Function<? super T, Integer> outcome,
      List<? extends Function<? super T, Integer>> ratings) {
    Objects.requireNonNull(outcome, "outcome");
    List<Function<? super T, Integer>> readers = readers(drivers, ratings);
    return Collector.of(
        () -> new DriverAccumulator(drivers),
        (accumulator, response) ->
            accumulator.acceptWithMissing(outcome.apply(response), row(readers, response)),
        DriverAccumulator::combine,
        DriverAccumulator::snapshot);
  }

  /** The rating readers, one per driver, checked. */
  static <T> List<Function<? super T, Integer>> readers(
      List<String> drivers, List<? extends Function<? super T, Integer>> ratings) {
    List<Function<? super T, Integer>> readers = List.copyOf(ratings);
    if (readers.size() != empty(drivers).drivers().size()) {
      throw new IllegalArgumentException(
          readers.size() + " rating readers for the " + drivers.size() + " drivers " + drivers);
    }
    return readers;
  }

  /** A response's ratings, null where an answer is missing. */
  static <T> Integer[] row(List<Function<? super T, Integer>> readers, T response) {
    Integer[] row = new Integer[readers.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = readers.get(i).apply(response);
    }
    return row;
  }

  /** Index of the pair (i, j), i <= j, in the packed upper triangle. */
  static int pair(int i, int j, int variables) {
    int lo = Math.min(i, j);
    int hi = Math.max(i, j);
    return lo * variables - lo * (lo - 1) / 2 + (hi - lo);
  }

  /** {@return the drivers' names, in variable order 1..k} */
  public List<String> drivers() {
    return drivers;
  }

  /** {@return the number of complete responses} */
  public long count() {
    return count;
  }

  /** {@return the responses left out for a missing answer} */
  public long incomplete() {
    return incomplete;
  }

  /** {@return whether no complete response was counted} */
  public boolean isEmpty() {
    return count == 0;
  }

  /**
   * Returns the sum of one variable over the complete responses.
   *
   * @param variable 0 for the outcome, {@code 1..k} for the drivers
   * @return the exact sum
   * @throws IndexOutOfBoundsException if the variable is out of range
   */
  public long sum(int variable) {
    return sums[Objects.checkIndex(variable, sums.length)];
  }

  /**
   * Returns the sum of the products of two variables over the complete responses.
   *
   * @param i a variable, 0 for the outcome
   * @param j a variable
   * @return the exact sum of products
   * @throws IndexOutOfBoundsException if a variable is out of range
   */
  public long sumOfProducts(int i, int j) {
    Objects.checkIndex(i, sums.length);
    Objects.checkIndex(j, sums.length);
    return products[pair(i, j, sums.length)];
  }

  DriverMoments withIncomplete(long left) {
    return new DriverMoments(drivers, count, left, sums, products);
  }

  /** {@return a copy of the packed sums of products, for an accumulator} */
  long[] products() {
    return products.clone();
  }

  /** {@code n S_ij - S_i S_j}, exactly. */
  BigInteger centredProduct(int i, int j) {
    return BigInteger.valueOf(count)
        .multiply(BigInteger.valueOf(sumOfProducts(i, j)))
        .subtract(BigInteger.valueOf(sums[i]).multiply(BigInteger.valueOf(sums[j])));
  }

  /**
   * Returns the mean of one variable.
   *
   * @param variable 0 for the outcome, {@code 1..k} for the drivers
   * @return {@code S_i / n}
   * @throws IllegalStateException if no response was counted
   * @throws IndexOutOfBoundsException if the variable is out of range
   */
  public double mean(int variable) {
    requireResponses(1);
    return (double) sum(variable) / count;
  }

  /**
   * Returns the sample covariance of two variables, {@code (n S_ij - S_i S_j) / (n (n - 1))}.
   *
   * @param i a variable
   * @param j a variable
   * @return the covariance; a variance when {@code i == j}
   * @throws IllegalStateException if fewer than two responses were counted
   * @throws IndexOutOfBoundsException if a variable is out of range
   */
  public double covariance(int i, int j) {
    Objects.checkIndex(i, sums.length);
    Objects.checkIndex(j, sums.length);
    requireResponses(2);
    return centredProduct(i, j).doubleValue() / ((double) count * (count - 1));
  }

  /**
   * Returns the Pearson correlation of two variables.
   *
   * @param i a variable
   * @param j a variable
   * @return the correlation, in [-1, 1]
   * @throws IllegalStateException if fewer than two responses were counted, or a variable is
   *     constant (its correlation is undefined), naming it
   * @throws IndexOutOfBoundsException if a variable is out of range
   */
  public double correlation(int i, int j) {
    Objects.checkIndex(i, sums.length);
    Objects.checkIndex(j, sums.length);
    requireResponses(2);
    BigInteger ii = centredProduct(i, i);
    BigInteger jj = centredProduct(j, j);
    requireVaries(i, ii);
    requireVaries(j, jj);
    double r = centredProduct(i, j).doubleValue() / Math.sqrt(ii.doubleValue() * jj.doubleValue());
    return Math.max(-1, Math.min(1, r));
  }

  void requireVaries(int variable, BigInteger centred) {
    if (centred.signum() == 0) {
      throw new IllegalStateException(
          (variable == 0 ? "the outcome" : "driver " + drivers.get(variable - 1))
              + " is constant over the "
              + count
              + " responses: its correlations are undefined");
    }
  }

  void requireResponses(int least) {
    if (count < least) {
      throw new IllegalStateException(
          "the co-moments hold " + count + " responses; at least " + least + " are needed");
    }
  }

  @Override
  public DriverMoments merge(DriverMoments other) {
    Objects.requireNonNull(other, "other");
    if (!drivers.equals(other.drivers)) {
      throw new IllegalArgumentException(
          "cannot merge co-moments of drivers " + drivers + " and " + other.drivers);
    }
    long[] s = sums.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.addExact(s[i], other.sums[i]);
    }
    long[] p = products.clone();
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.addExact(p[i], other.products[i]);
    }
    return new DriverMoments(
        drivers,
        Math.addExact(count, other.count),
        Math.addExact(incomplete, other.incomplete),
        s,
        p);
  }

  /**
   * Returns the versioned byte encoding (format version 2, metric id 7), so that co-moments can be
   * stored or shipped between processes and merged later: after the header, the number of drivers
   * {@code k} (4 bytes), each driver's name (a 4-byte UTF-8 length and the bytes), the complete and
   * the incomplete responses (8 bytes each), the {@code k + 1} sums, outcome first, and the sums of
   * products of the pairs {@code (i, j)}, {@code 0 <= i <= j <= k} in the order {@code (0, 0), (0,
   * 1), ..., (0, k), (1, 1), ...}, each a signed 8-byte integer; then the CRC-32C of all bytes
   * before it. Little-endian; the layout is documented in full with the other metrics' in the
   * {@code internal.Encoding} class of the library's sources.
   *
   * @return the encoding, {@code 4 + 4 + sum(4 + utf8 length of name) + 16 + 8 (k + 1) + 4 (k +
   *     1)(k + 2) + 4} bytes
   */
  public byte[] toByteArray() {
    int payload = 4 + 16 + 8 * (sums.length + products.length);
    for (String name : drivers) {
      payload += Encoding.stringLength(name);
    }
    ByteBuffer buffer = Encoding.writer(MetricId.DRIVER_MOMENTS, payload).putInt(drivers.size());
    drivers.forEach(name -> Encoding.putString(buffer, name));
    buffer.putLong(count).putLong(incomplete);
    for (long sum : sums) {
      buffer.putLong(sum);
    }
    for (long product : products) {
      buffer.putLong(product);
    }
    return Encoding.finish(buffer);
  }

  /**
   * Reads co-moments written by {@link #toByteArray()}.
   *
   * @param bytes the encoding
   * @return the co-moments, equal to the value written
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if {@code bytes} is not a driver co-moment encoding of a
   *     format version this library reads, is truncated, too long or damaged (checksum), or holds
   *     values no responses can give: no driver, a repeated name, a negative count, sums with no
   *     response, or a variable whose sum of squares is below {@code S_i^2 / n} (named)
   */
  public static DriverMoments fromByteArray(byte[] bytes) {
    ByteBuffer buffer = Encoding.reader(bytes, MetricId.DRIVER_MOMENTS);
    int k = Encoding.intValue(buffer, "number of drivers");
    if (k < 1 || k > buffer.remaining() / 4) {
      throw new IllegalArgumentException(
          "damaged DRIVER_MOMENTS encoding: " + k + " drivers in " + buffer.remaining() + " bytes");
    }
    String[] names = new String[k];
    for (int i = 0; i < k; i++) {
      names[i] = Encoding.string(buffer, "driver " + i);
    }
    DriverMoments shape;
    try {
      shape = empty(List.of(names));
    } catch (IllegalArgumentException e) {
      throw Encoding.invalid(MetricId.DRIVER_MOMENTS, e);
    }
    long n = Encoding.count(buffer, "complete responses");
    long left = Encoding.count(buffer, "incomplete responses");
    long[] s = new long[k + 1];
    for (int i = 0; i <= k; i++) {
      s[i] = Encoding.longValue(buffer, "sum of variable " + i);
    }
    long[] p = new long[s.length * (s.length + 1) / 2];
    for (int i = 0; i < p.length; i++) {
      p[i] = Encoding.longValue(buffer, "sum of products " + i);
    }
    Encoding.end(buffer, MetricId.DRIVER_MOMENTS);
    DriverMoments read = new DriverMoments(shape.drivers, n, left, s, p);
    if (n == 0 && !read.equals(shape.withIncomplete(left))) {
      throw new IllegalArgumentException(
          "damaged DRIVER_MOMENTS encoding: non-zero sums without a complete response");
    }
    for (int i = 0; i <= k; i++) {
      if (read.centredProduct(i, i).signum() < 0) {
        throw new IllegalArgumentException(
            "damaged DRIVER_MOMENTS encoding: the sums of variable "
                + i
                + " are impossible for "
                + n
                + " responses");
      }
    }
    return read;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DriverMoments other
        && count == other.count
        && incomplete == other.incomplete
        && drivers.equals(other.drivers)
        && Arrays.equals(sums, other.sums)
        && Arrays.equals(products, other.products);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        drivers, count, incomplete, Arrays.hashCode(sums), Arrays.hashCode(products));
  }

  /** Returns e.g. {@code DriverMoments[n=1200, drivers [ease, support, price], 35 incomplete]}. */
  @Override
  public String toString() {
    return "DriverMoments[n=" + count + ", drivers " + drivers + ", " + incomplete + " incomplete]";
  }
}
