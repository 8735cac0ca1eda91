package io.github.cxmetrics.spark;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The aggregation buffer of a registered windowed funnel: each customer of the group with all their
 * events (stage code and time in microseconds since the epoch, 12 bytes an event), and the number
 * of events skipped for a null field. Merging joins each customer's events, so a customer whose
 * events are spread over partitions is judged once, on all of them.
 */
// Externalizable: written field by field by writeExternal, never by default serialization
@SuppressWarnings("serial")
public final class WindowedFunnelBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  /** The most events a buffer reads back for one customer. */
  private static final int MAX_EVENTS = Integer.MAX_VALUE - 8;

  Map<String, Events> customers = new HashMap<>();
  long nulls;

  /** Creates an empty buffer (also used by deserialization). */
  public WindowedFunnelBuffer() {}

  /** One customer's events, as two growing columns. */
  static final class Events {
    int[] codes = new int[4];
    long[] micros = new long[4];
    int size;

    void add(int code, long time) {
      if (size == codes.length) {
        int capacity = Math.multiplyExact(size, 2);
        codes = Arrays.copyOf(codes, capacity);
        micros = Arrays.copyOf(micros, capacity);
      }
      codes[size] = code;
      micros[size++] = time;
    }
  }

  void add(String customer, int code, long micros) {
    customers.computeIfAbsent(customer, c -> new Events()).add(code, micros);
  }

  void combine(WindowedFunnelBuffer other) {
    other.customers.forEach(
        (customer, events) -> {
          for (int i = 0; i < events.size; i++) {
            add(customer, events.codes[i], events.micros[i]);
          }
        });
    nulls = Math.addExact(nulls, other.nulls);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(nulls);
    out.writeInt(customers.size());
    for (Map.Entry<String, Events> entry : customers.entrySet()) {
      Buffers.writeId(out, entry.getKey());
      Events events = entry.getValue();
      out.writeInt(events.size);
      for (int i = 0; i < events.size; i++) {
        out.writeInt(events.codes[i]);
        out.writeLong(events.micros[i]);
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    nulls = Buffers.nulls(in);
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("damaged cx-metrics windowed funnel buffer: " + size + " customers");
    }
    customers = new HashMap<>();
    for (int c = 0; c < size; c++) {
      String id = Buffers.readId(in, "windowed funnel");
      int events = in.readInt();
      if (events < 0 || events > MAX_EVENTS) {
        throw new IOException("damaged cx-metrics windowed funnel buffer: " + events + " events");
      }
      for (int i = 0; i < events; i++) {
        int code = in.readInt();
        if (code < 0) {
          throw new IOException("damaged cx-metrics windowed funnel buffer: stage code " + code);
        }
        add(id, code, in.readLong());
      }
    }
  }
}
