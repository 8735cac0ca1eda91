package io.github.cxmetrics.internal;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * The byte encoding of aggregates, shared by every metric's {@code toByteArray} and {@code
 * fromByteArray}.
 *
 * <p>Layout, little-endian throughout:
 *
 * <pre>
 * offset 0  format version, 1 byte (currently 2)
 * offset 1  metric id, 1 byte (see {@link MetricId})
 * offset 2  reserved, 2 bytes, 0
 * offset 4  the metric's payload, as its class documents
 * last 4    CRC-32C of every byte before it, as a 4-byte integer
 * </pre>
 *
 * <p>Payload elements: counts are 8-byte signed integers and must be {@code >= 0}; integers are 4
 * bytes; a string is a 4-byte length followed by that many bytes of UTF-8. An exact sum (a
 * non-negative {@link BigInteger} {@code s}) is, in version 2, a 4-byte count {@code Z} of zero
 * bytes below its lowest non-zero byte, a 4-byte length {@code L} and the {@code L} bytes of {@code
 * s / 2^(8 Z)}, least significant first ({@code Z = L = 0} for 0), so that a sum scaled by {@code
 * 2^2176} takes the bytes of its significant bits only; in version 1 it is the 4-byte length {@code
 * L} and {@code L} bytes of {@code s} itself. A buffer must end exactly where its payload ends.
 *
 * <p>Payloads, by metric id, the same in versions 1 and 2 but for the form of the exact sums
 * (offsets from the start of the buffer; {@code k} is the number of scale points or stages):
 *
 * <table>
 *   <caption>Payloads</caption>
 *   <tr><th>id</th><th>metric</th><th>offset</th><th>field</th></tr>
 *   <tr><td>1</td><td>NPS</td><td>4, 12, 20</td><td>promoters, passives, detractors: counts</td></tr>
 *   <tr><td>2</td><td>weighted NPS</td><td>4</td><td>answers: count</td></tr>
 *   <tr><td></td><td></td><td>12, then each after the last</td>
 *       <td>sums of the promoters', passives' and detractors' weights and of the squared weights:
 *       exact sums scaled by {@code 2^2176}</td></tr>
 *   <tr><td>3</td><td>CSAT</td><td>4, 8, 12</td>
 *       <td>scale minimum, scale maximum, {@code satisfiedFrom}: integers</td></tr>
 *   <tr><td></td><td></td><td>16 + 8j</td><td>count of rating {@code min + j}, j = 0..k-1</td></tr>
 *   <tr><td>4</td><td>CES</td><td>4, 8, 12</td>
 *       <td>scale minimum, scale maximum, direction (0 lower is less effort, 1 higher): integers</td></tr>
 *   <tr><td></td><td></td><td>16 + 8j</td><td>count of rating {@code min + j}, j = 0..k-1</td></tr>
 *   <tr><td>5</td><td>retention</td><td>4, 12, 20</td>
 *       <td>customers at start, at end, acquired: counts</td></tr>
 *   <tr><td>6</td><td>funnel</td><td>4</td><td>number of stages {@code k}: integer</td></tr>
 *   <tr><td></td><td></td><td>8, then each after the last</td>
 *       <td>each stage's name: string; then the {@code k} counts reached</td></tr>
 *   <tr><td>7</td><td>driver co-moments</td><td>4</td><td>number of drivers {@code k}: integer</td></tr>
 *   <tr><td></td><td></td><td>8, then each after the last</td>
 *       <td>each driver's name: string; complete responses, incomplete responses: counts; the
 *       {@code k + 1} sums (outcome first): signed 8-byte integers; the sums of products of the
 *       pairs {@code (i, j)}, {@code 0 <= i <= j <= k}, {@code i} then {@code j} ascending: signed
 *       8-byte integers</td></tr>
 * </table>
 *
 * <p>Versions: {@link #reader} accepts the versions in {@link #READABLE} and leaves the version it
 * read at offset 0 of the buffer ({@link #version(ByteBuffer)}), so a payload reader can read a v2
 * layout beside the v1 one, by branching on it; writers always write {@link #VERSION}. The golden
 * files of each version stay in the test resources ({@code golden/v1}, {@code golden/v2}), written
 * by a script from this documentation, so every later library still reads them.
 *
 * <p>Reading never returns a wrong number from a foreign or damaged buffer: a wrong version, metric
 * id or reserved field, a short or long buffer, a negative count or length, or a payload its metric
 * rejects all throw {@link IllegalArgumentException}.
 */
public final class Encoding {
  /** The current format version. */
  public static final byte VERSION = 2;

  /** The format versions this library reads. */
  public static final Set<Integer> READABLE = Set.of(1, 2);

  /** The header length in bytes. */
  public static final int HEADER = 4;

  /** The checksum length in bytes. */
  public static final int CHECKSUM = 4;

  /** The largest length accepted for an exact sum or a string, in bytes. */
  private static final int MAX_LENGTH = 1 << 20;

  /** The metric ids of the format. */
  public enum MetricId {
    /** {@code io.github.cxmetrics.survey.Nps}. */
    NPS(1),
    /** {@code io.github.cxmetrics.survey.WeightedNps}. */
    WEIGHTED_NPS(2),
    /** {@code io.github.cxmetrics.survey.Csat}. */
    CSAT(3),
    /** {@code io.github.cxmetrics.survey.Ces}. */
    CES(4),
    /** {@code io.github.cxmetrics.retention.Retention}. */
    RETENTION(5),
    /** {@code io.github.cxmetrics.journey.Funnel}. */
    FUNNEL(6),
    /** {@code io.github.cxmetrics.drivers.DriverMoments}. */
    DRIVER_MOMENTS(7);

    private final int id;

    MetricId(int id) {
      this.id = id;
    }

    /** {@return the id byte} */
    public int id() {
      return id;
    }

    static String nameOf(int id) {
      for (MetricId metric : values()) {
        if (metric.id == id) {
          return metric.name();
        }
      }
      return "unknown";
    }
  }

  private Encoding() {}

  /**
   * Returns a little-endian buffer of {@code HEADER + payload + CHECKSUM} bytes with the header
   * written; the caller writes the payload and then calls {@link #finish}.
   *
   * @param metric the metric id
   * @param payload the payload length in bytes
   * @return the buffer, positioned after the header
   */
  public static ByteBuffer writer(MetricId metric, int payload) {
    ByteBuffer buffer =
        ByteBuffer.allocate(HEADER + payload + CHECKSUM).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(VERSION).put((byte) metric.id).putShort((short) 0);
    return buffer;
  }

  /**
   * Appends the checksum of everything written and returns the encoding.
   *
   * @param buffer a buffer from {@link #writer}, with its payload written
   * @return the encoding
   * @throws IllegalStateException if the payload does not fill the buffer up to the checksum
   */
  public static byte[] finish(ByteBuffer buffer) {
    if (buffer.remaining() != CHECKSUM) {
      throw new IllegalStateException(
          "payload length mismatch: " + (buffer.remaining() - CHECKSUM) + " bytes unwritten");
    }
    buffer.putInt(checksum(buffer.array(), buffer.position()));
    return buffer.array();
  }

  private static int checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /**
   * Returns the encoding of a payload made of counts only, written in order.
   *
   * @param metric the metric id
   * @param counts the counts, each {@code >= 0}
   * @return the encoding
   */
  public static byte[] ofCounts(MetricId metric, long... counts) {
    ByteBuffer buffer = writer(metric, 8 * counts.length);
    for (long count : counts) {
      buffer.putLong(count);
    }
    return finish(buffer);
  }

  /**
   * Reads a payload made of counts only, one per name, checking that nothing follows them.
   *
   * @param bytes the encoding
   * @param metric the expected metric id
   * @param names the counts' names, in order, for messages
   * @return the counts
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException as {@link #reader}, or if the payload is short or long or a
   *     count is negative
   */
  public static long[] readCounts(byte[] bytes, MetricId metric, String... names) {
    ByteBuffer buffer = reader(bytes, metric);
    long[] counts = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      counts[i] = count(buffer, names[i]);
    }
    end(buffer, metric);
    return counts;
  }

  /**
   * Checks the checksum and header of {@code bytes} and returns a little-endian buffer positioned
   * after the header and limited to the payload.
   *
   * @param bytes the encoding
   * @param metric the expected metric id
   * @return the buffer
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if the buffer is too short, its checksum does not match, or
   *     its version, metric id or reserved field is not the expected one, naming what was found
   */
  public static ByteBuffer reader(byte[] bytes, MetricId metric) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < HEADER + CHECKSUM) {
      throw new IllegalArgumentException(
          "not a cx-metrics encoding: "
              + bytes.length
              + " bytes, shorter than a header and a checksum");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int payloadEnd = bytes.length - CHECKSUM;
    if (buffer.getInt(payloadEnd) != checksum(bytes, payloadEnd)) {
      throw new IllegalArgumentException(
          "not a cx-metrics encoding, or a damaged one: the checksum does not match");
    }
    buffer.limit(payloadEnd);
    int version = buffer.get();
    int id = buffer.get() & 0xFF;
    short reserved = buffer.getShort();
    if (!READABLE.contains(version)) {
      throw new IllegalArgumentException(
          "unsupported cx-metrics encoding version "
              + version
              + "; this library reads versions "
              + new TreeSet<>(READABLE));
    }
    if (id != metric.id) {
      throw new IllegalArgumentException(
          "not a "
              + metric
              + " encoding: metric id "
              + id
              + " ("
              + MetricId.nameOf(id)
              + "), expected "
              + metric.id);
    }
    if (reserved != 0) {
      throw new IllegalArgumentException(
          "damaged " + metric + " encoding: reserved bytes are " + reserved + ", not 0");
    }
    return buffer;
  }

  /**
   * Returns the format version of a buffer from {@link #reader}, for payload readers that read more
   * than one version.
   *
   * @param buffer a buffer returned by {@link #reader}
   * @return its format version, one of {@link #READABLE}
   */
  public static int version(ByteBuffer buffer) {
    return buffer.get(0);
  }

  /**
   * Reads a count, which must be {@code >= 0}.
   *
   * @param buffer the buffer
   * @param what the count's name, for messages
   * @return the count
   * @throws IllegalArgumentException if the buffer is too short or the count negative
   */
  public static long count(ByteBuffer buffer, String what) {
    long value = longValue(buffer, what);
    if (value < 0) {
      throw new IllegalArgumentException("damaged encoding: " + what + " is " + value + " < 0");
    }
    return value;
  }

  /**
   * Reads a 4-byte integer.
   *
   * @param buffer the buffer
   * @param what the integer's name, for messages
   * @return the integer
   * @throws IllegalArgumentException if the buffer is too short
   */
  public static int intValue(ByteBuffer buffer, String what) {
    try {
      return buffer.getInt();
    } catch (BufferUnderflowException e) {
      throw truncated(buffer, what);
    }
  }

  /**
   * Reads a signed 8-byte integer.
   *
   * @param buffer the buffer
   * @param what the integer's name, for messages
   * @return the integer
   * @throws IllegalArgumentException if the buffer is too short
   */
  public static long longValue(ByteBuffer buffer, String what) {
    try {
      return buffer.getLong();
    } catch (BufferUnderflowException e) {
      throw truncated(buffer, what);
    }
  }

  /**
   * Returns the encoded length of an exact sum, in the current version.
   *
   * @param value a non-negative integer
   * @return {@code 8 + } the length of its significant bytes
   */
  public static int exactLength(BigInteger value) {
    return 8 + magnitude(value.shiftRight(8 * zeroBytes(value))).length;
  }

  /** The number of zero bytes below the lowest non-zero byte of {@code value}; 0 for 0. */
  private static int zeroBytes(BigInteger value) {
    return value.signum() == 0 ? 0 : value.getLowestSetBit() / 8;
  }

  /**
   * Writes an exact sum in the current version: the count of its low zero bytes, the length of the
   * rest, then the rest, least significant byte first.
   *
   * @param buffer the buffer
   * @param value a non-negative integer
   */
  public static void putExact(ByteBuffer buffer, BigInteger value) {
    int zeros = zeroBytes(value);
    byte[] magnitude = magnitude(value.shiftRight(8 * zeros));
    buffer.putInt(zeros).putInt(magnitude.length);
    for (int i = magnitude.length - 1; i >= 0; i--) {
      buffer.put(magnitude[i]);
    }
  }

  private static byte[] magnitude(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] bytes = value.toByteArray();
    // drop the sign byte that toByteArray adds when the top bit is set
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  /**
   * Reads an exact sum, in the form of the buffer's version.
   *
   * @param buffer the buffer
   * @param what the sum's name, for messages
   * @return the non-negative integer
   * @throws IllegalArgumentException if a count or length is negative or too large or the buffer
   *     too short
   */
  public static BigInteger exact(ByteBuffer buffer, String what) {
    int zeros = 0;
    if (version(buffer) >= 2) {
      zeros = intValue(buffer, what + " zero bytes");
      if (zeros < 0 || zeros > MAX_LENGTH) {
        throw new IllegalArgumentException(
            "damaged encoding: " + what + " has " + zeros + " zero bytes");
      }
    }
    int length = length(buffer, what);
    byte[] bigEndian = new byte[length + 1];
    for (int i = length; i >= 1; i--) {
      bigEndian[i] = buffer.get();
    }
    return new BigInteger(bigEndian).shiftLeft(8 * zeros);
  }

  /**
   * Returns the encoded length of a string.
   *
   * @param value a string
   * @return {@code 4 + } its UTF-8 length
   */
  public static int stringLength(String value) {
    return 4 + value.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Writes a string: its UTF-8 length, then its UTF-8 bytes.
   *
   * @param buffer the buffer
   * @param value a string
   */
  public static void putString(ByteBuffer buffer, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    buffer.putInt(utf8.length).put(utf8);
  }

  /**
   * Reads a string.
   *
   * @param buffer the buffer
   * @param what the string's name, for messages
   * @return the string
   * @throws IllegalArgumentException if the length is bad, the buffer too short or the bytes not
   *     UTF-8
   */
  public static String string(ByteBuffer buffer, String what) {
    int length = length(buffer, what);
    ByteBuffer slice = buffer.slice().limit(length);
    buffer.position(buffer.position() + length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(slice)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("damaged encoding: " + what + " is not UTF-8", e);
    }
  }

  private static int length(ByteBuffer buffer, String what) {
    int length = intValue(buffer, what + " length");
    if (length < 0 || length > MAX_LENGTH || length > buffer.remaining()) {
      throw new IllegalArgumentException(
          "damaged encoding: "
              + what
              + " length "
              + length
              + " with "
              + buffer.remaining()
              + " bytes left");
    }
    return length;
  }

  /**
   * Checks that the buffer was read to its end.
   *
   * @param buffer the buffer
   * @param metric the metric, for messages
   * @throws IllegalArgumentException if bytes are left over
   */
  public static void end(ByteBuffer buffer, MetricId metric) {
    if (buffer.hasRemaining()) {
      throw new IllegalArgumentException(
          "damaged " + metric + " encoding: " + buffer.remaining() + " bytes after the payload");
    }
  }

  /**
   * Wraps a metric's own rejection of decoded values, naming the encoding.
   *
   * @param metric the metric
   * @param cause the rejection
   * @return the exception to throw
   */
  public static IllegalArgumentException invalid(MetricId metric, RuntimeException cause) {
    return new IllegalArgumentException(
        "damaged " + metric + " encoding: " + cause.getMessage(), cause);
  }

  private static IllegalArgumentException truncated(ByteBuffer buffer, String what) {
    return new IllegalArgumentException(
        "truncated encoding: "
            + (buffer.limit() + CHECKSUM)
            + " bytes end before "
            + what
            + " at offset "
            + buffer.position());
  }
}
