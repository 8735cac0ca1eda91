package io.github.cxmetrics.spark;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reading and writing a core encoding inside a buffer's Java serialization. */
final class Buffers {
  private Buffers() {}

  static void write(ObjectOutput out, byte[] encoding, long nulls) throws IOException {
    out.writeLong(nulls);
    out.writeInt(encoding.length);
    out.write(encoding);
  }

  /** Reads what {@link #write} wrote; the caller reads the null count first with {@link #nulls}. */
  static byte[] encoding(ObjectInput in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (1 << 24)) {
      throw new IOException("damaged cx-metrics buffer: encoding length " + length);
    }
    byte[] encoding = new byte[length];
    in.readFully(encoding);
    return encoding;
  }

  /**
   * Returns an input value as the integer it is, or fails the query naming the function, the
   * argument and the value. Spark passes every numeric column to the functions as a double, so an
   * integral double or decimal ({@code 9.0}) is its integer, and anything else ({@code 10.99},
   * {@code NaN}) is refused rather than truncated.
   *
   * @param function the SQL function, for the message
   * @param argument the argument's name, for the message
   * @param value the value
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @param scale the scale, as the message names it ("the NPS scale [0, 10]")
   * @return the value as an int
   * @throws IllegalArgumentException if the value is not a whole number in [min, max]
   */
  static int onScale(
      String function, String argument, double value, int min, int max, String scale) {
    if (value != Math.rint(value)) {
      throw new IllegalArgumentException(
          function
              + ": "
              + argument
              + " "
              + value
              + " is not a whole number; "
              + scale
              + " holds the integers from "
              + min
              + " to "
              + max);
    }
    if (value < min || value > max) {
      String shown = Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
      throw new IllegalArgumentException(
          function + ": " + argument + " " + shown + " is outside " + scale);
    }
    return (int) value;
  }

  /** The longest customer identifier a buffer writes, in UTF-8 bytes. */
  static final int MAX_ID_BYTES = 1 << 16;

  /** Writes a customer identifier as its UTF-8 length and bytes. */
  static void writeId(ObjectOutput out, String id) throws IOException {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_ID_BYTES) {
      throw new IOException(
          "customer identifier of " + bytes.length + " bytes: at most " + MAX_ID_BYTES);
    }
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads what {@link #writeId} wrote; {@code buffer} names the buffer in a message. */
  static String readId(ObjectInput in, String buffer) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_ID_BYTES) {
      throw new IOException(
          "damaged cx-metrics " + buffer + " buffer: identifier length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** An instant in whole microseconds since the epoch, Spark's timestamp (finer parts dropped). */
  static long micros(Instant time) {
    return Math.addExact(
        Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
  }

  /** The instant of {@link #micros}. */
  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "confidence level (" + level + ") must be in the open interval (0, 1)");
    }
    return level;
  }

  static long nulls(ObjectInput in) throws IOException {
    long nulls = in.readLong();
    if (nulls < 0) {
      throw new IOException("damaged cx-metrics buffer: null count " + nulls);
    }
    return nulls;
  }
}
