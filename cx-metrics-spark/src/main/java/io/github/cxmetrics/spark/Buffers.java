package io.github.cxmetrics.spark;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

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
