package io.github.cxmetrics.internal;

/**
 * The one home of argument checks: each returns its argument when it is valid and otherwise throws
 * an {@link IllegalArgumentException} whose message names the value, in the form {@code "name
 * (value) must be ..."} (the form of Guava's {@code MathPreconditions}). Checks are NaN-safe: they
 * are written as {@code !(x >= 0)} so that NaN fails them.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code level} if it is a confidence level strictly between 0 and 1.
   *
   * @throws IllegalArgumentException if {@code level} is NaN or outside (0, 1)
   */
  public static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "confidence level (" + level + ") must be in the open interval (0, 1)");
    }
    return level;
  }

  /**
   * Returns {@code value} if it is finite and strictly positive.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double checkPositive(String name, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite and > 0");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and not negative.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double checkNonNegative(String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite and >= 0");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double checkFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is a probability in the closed interval [0, 1].
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double checkProbability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be in [0, 1]");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and strictly above {@code bound}.
   *
   * @throws IllegalArgumentException naming {@code name}, the value and the bound otherwise
   */
  public static double checkAbove(String name, double value, double bound) {
    if (!(value > bound && value < Double.POSITIVE_INFINITY)) {
      String limit =
          bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
      throw new IllegalArgumentException(name + " (" + value + ") must be finite and > " + limit);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is strictly between 0 and 1.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double checkOpenUnit(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be in (0, 1)");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is at least {@code minimum}.
   *
   * @throws IllegalArgumentException naming {@code name}, the value and the minimum otherwise
   */
  public static long checkAtLeast(String name, long value, long minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= " + minimum);
    }
    return value;
  }

  /**
   * Returns {@code count} if it is not negative.
   *
   * @throws IllegalArgumentException naming {@code name} if {@code count} is negative
   */
  public static long checkCount(String name, long count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + " (" + count + ") must be >= 0");
    }
    return count;
  }

  /**
   * Returns {@code weight} if it is finite and not negative.
   *
   * @throws IllegalArgumentException naming the weight and its index otherwise
   */
  public static double checkWeight(double weight, long index) {
    if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "weight " + weight + " at index " + index + " must be finite and >= 0");
    }
    return weight;
  }

  /**
   * Adds two counts, failing rather than wrapping around.
   *
   * @throws ArithmeticException naming both counts if the sum overflows a {@code long}
   */
  public static long addCounts(String what, long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw new ArithmeticException(
          what + " overflows a long: " + a + " + " + b + " > " + Long.MAX_VALUE);
    }
    return sum;
  }
}
