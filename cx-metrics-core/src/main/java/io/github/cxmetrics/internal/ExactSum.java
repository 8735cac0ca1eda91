package io.github.cxmetrics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact, order-independent sum of non-negative finite doubles and of their exact squares.
 *
 * <p>Every finite double is {@code m * 2^e} with an integer {@code m < 2^53} and {@code e >=
 * -1074}; its square is {@code m^2 * 2^(2e)} with {@code 2e >= -2148}. The sum is kept as a fixed
 * point number {@code sum * 2^BIAS} in 32-bit limbs held in {@code long}s (a "long accumulator"),
 * so no addition ever rounds: the result does not depend on the order of the additions or on how
 * the input was split, which is what makes weighted aggregates merge exactly. Each limb receives
 * less than 2^32 per addition and is normalised (carries propagated) before it could overflow. Only
 * the limbs between the lowest and the highest one touched are held (a few for weights of similar
 * size), so a sum costs tens of bytes, not the 1,120 of the whole range.
 *
 * <p>Not thread safe.
 */
public final class ExactSum {
  /** The scale: the sum is held as the integer {@code sum * 2^BIAS}. */
  public static final int BIAS = 2176;

  private static final int LIMB_BITS = 32;
  private static final long LIMB_MASK = 0xFFFF_FFFFL;
  // squares reach 2^(2 * 1024 + BIAS); 2^63 additions add 63 bits; 5 limbs per addition
  private static final int LIMBS = (2 * 1024 + BIAS + 64) / LIMB_BITS + 6;
  private static final int NORMALIZE_EVERY = 1 << 30;
  private static final BigInteger FIVE_POW_BIAS = BigInteger.valueOf(5).pow(BIAS);

  /** The limbs from limb number {@code low} up; empty until the first addition. */
  private long[] limbs = new long[0];

  private int low;
  private int pending;

  /** {@return the limbs held, for tests of the footprint} */
  int heldLimbs() {
    return limbs.length;
  }

  /** Makes {@link #limbs} cover limb numbers {@code from} (inclusive) to {@code to} (exclusive). */
  private void cover(int from, int to) {
    if (limbs.length == 0) {
      low = from;
      limbs = new long[to - from + 2];
      return;
    }
    int newLow = Math.min(low, from);
    int newHigh = Math.max(low + limbs.length, to);
    if (newLow == low && newHigh == low + limbs.length) {
      return;
    }
    long[] grown = new long[newHigh - newLow + 2];
    System.arraycopy(limbs, 0, grown, low - newLow, limbs.length);
    limbs = grown;
    low = newLow;
  }

  /**
   * Adds {@code x}, which the caller has checked to be finite and {@code >= 0}.
   *
   * @param x a finite, non-negative double
   */
  public void add(double x) {
    long bits = Double.doubleToRawLongBits(x);
    addShifted(0, significand(bits), exponent(bits) + BIAS);
  }

  /**
   * Adds the exact square of {@code x}, which the caller has checked to be finite.
   *
   * @param x a finite double
   */
  public void addSquare(double x) {
    long bits = Double.doubleToRawLongBits(x);
    long m = significand(bits);
    addShifted(Math.multiplyHigh(m, m), m * m, 2 * exponent(bits) + BIAS);
  }

  /**
   * Adds {@code value * 2^exponent} for a non-negative {@code value}: the flush of a partial sum a
   * kernel kept in a {@code long}.
   *
   * @param value a non-negative integer
   * @param exponent the power of two of its unit, from {@code -2 * 1074} up to {@code 2 * 1023}
   */
  public void addLong(long value, int exponent) {
    addShifted(0, value, exponent + BIAS);
  }

  /** The integer significand {@code m} of a finite double {@code m * 2^e}, below 2^53. */
  private static long significand(long bits) {
    long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
    return (bits & 0x7FF0_0000_0000_0000L) == 0 ? fraction : fraction | 1L << 52;
  }

  /** The exponent {@code e} of a finite double {@code m * 2^e}, from -1074 (subnormals) up. */
  private static int exponent(long bits) {
    int biased = (int) (bits >>> 52) & 0x7FF;
    return Math.max(biased, 1) - 1075;
  }

  /** Adds the unsigned 128-bit integer {@code high:low} times {@code 2^position}. */
  private void addShifted(long high, long low, int position) {
    int number = position >>> 5;
    if (number < this.low || number + 5 > this.low + limbs.length) {
      cover(number, number + 5);
    }
    int limb = number - this.low;
    int shift = position & 31;
    long w0 = low << shift;
    long w1 = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
    long w2 = shift == 0 ? 0 : high >>> (64 - shift);
    limbs[limb] += w0 & LIMB_MASK;
    limbs[limb + 1] += w0 >>> 32;
    limbs[limb + 2] += w1 & LIMB_MASK;
    limbs[limb + 3] += w1 >>> 32;
    limbs[limb + 4] += w2;
    if (++pending == NORMALIZE_EVERY) {
      normalize();
    }
  }

  /** Adds everything {@code other} holds. */
  public void add(ExactSum other) {
    normalize();
    other.normalize();
    if (other.limbs.length == 0) {
      return;
    }
    cover(other.low, other.low + other.limbs.length);
    for (int k = 0; k < other.limbs.length; k++) {
      limbs[other.low - low + k] += other.limbs[k];
    }
    pending = 1;
  }

  /**
   * Adds a sum given as {@link #scaled()} returns it: the exact sum times {@code 2^BIAS}.
   *
   * @param scaled a non-negative integer
   * @throws ArithmeticException if {@code scaled} is negative or beyond the range this sum holds
   *     (sums of squares of doubles, added up to {@code 2^63} times), naming its size; nothing is
   *     added then
   */
  public void addScaled(BigInteger scaled) {
    int bits = scaled.bitLength();
    if (scaled.signum() < 0 || bits > (LIMBS - 2) * LIMB_BITS) {
      throw new ArithmeticException(
          "an exact sum of "
              + bits
              + " bits"
              + (scaled.signum() < 0 ? ", negative," : "")
              + " does not fit an accumulator of "
              + (LIMBS - 2) * LIMB_BITS
              + " bits");
    }
    normalize();
    if (bits == 0) {
      return;
    }
    int count = (bits + LIMB_BITS - 1) / LIMB_BITS;
    cover(0, count);
    for (int k = 0; k < count; k++) {
      limbs[k - low] += scaled.shiftRight(k * LIMB_BITS).longValue() & LIMB_MASK;
    }
    pending = 1;
  }

  private void normalize() {
    long carry = 0;
    for (int k = 0; k < limbs.length; k++) {
      long v = limbs[k] + carry;
      limbs[k] = v & LIMB_MASK;
      carry = v >>> 32;
    }
    while (carry != 0) {
      int top = low + limbs.length;
      cover(top, top + 1);
      limbs[top - low] = carry & LIMB_MASK;
      carry >>>= 32;
    }
    pending = 0;
  }

  /** Returns the exact sum times {@code 2^BIAS}. */
  public BigInteger scaled() {
    normalize();
    BigInteger result = BigInteger.ZERO;
    for (int k = limbs.length - 1; k >= 0; k--) {
      result = result.shiftLeft(LIMB_BITS).or(BigInteger.valueOf(limbs[k]));
    }
    return result.shiftLeft(low * LIMB_BITS);
  }

  /**
   * Returns {@code scaled * 2^-BIAS} rounded to the nearest double (ties to even), or positive
   * infinity if it exceeds the double range.
   *
   * @param scaled a non-negative integer
   */
  public static double toDouble(BigInteger scaled) {
    int length = scaled.bitLength();
    if (length == 0) {
      return 0.0;
    }
    int exponent = length - 1 - BIAS;
    if (exponent > Double.MAX_EXPONENT) {
      return Double.POSITIVE_INFINITY;
    }
    if (exponent < Double.MIN_EXPONENT) {
      // subnormal result: exact decimal expansion, m * 5^BIAS / 10^BIAS, correctly rounded
      return new BigDecimal(scaled.multiply(FIVE_POW_BIAS), BIAS).doubleValue();
    }
    // keep 55 bits: 53 for the significand, one rounding bit and one sticky bit, so that the
    // single rounding of the long-to-double conversion is the correct one
    int drop = Math.max(0, length - 55);
    long top = scaled.shiftRight(drop).longValue();
    if (drop > 0 && scaled.getLowestSetBit() < drop) {
      top |= 1;
    }
    return Math.scalb((double) top, drop - BIAS);
  }

  /**
   * Returns {@code a / b} for two positive integers as a double with a relative error of a few
   * units in the last place, whatever their sizes.
   */
  public static double ratio(BigInteger a, BigInteger b) {
    return ratio(a, b, 0);
  }

  /**
   * Returns {@code a / b * 2^exponent} for two positive integers, as {@link #ratio(BigInteger,
   * BigInteger)}; the power of two is applied before rounding to the double range, so a quotient
   * far outside that range still gives a finite result when the product is inside it.
   */
  public static double ratio(BigInteger a, BigInteger b, int exponent) {
    int shiftA = Math.max(0, a.bitLength() - 62);
    int shiftB = Math.max(0, b.bitLength() - 62);
    double topA = a.shiftRight(shiftA).longValue();
    double topB = b.shiftRight(shiftB).longValue();
    return Math.scalb(topA / topB, shiftA - shiftB + exponent);
  }
}
