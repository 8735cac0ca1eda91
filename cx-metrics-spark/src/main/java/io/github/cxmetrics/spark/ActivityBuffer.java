package io.github.cxmetrics.spark;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The aggregation buffer of the registered event-retention functions: each customer of the group
 * with the time of their earliest start event and the times of all their activity events
 * (microseconds since the epoch, 8 bytes an event), and the number of events skipped for a null
 * customer or time. Merging keeps the earlier start and joins the activity, so a customer whose
 * events are spread over partitions is counted once, on all of them.
 */
// Externalizable: written field by field by writeExternal, never by default serialization
@SuppressWarnings("serial")
public final class ActivityBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  /** The start of a customer without a start event. */
  static final long NO_START = Long.MAX_VALUE;

  /** The most activity events a buffer reads back for one customer. */
  private static final int MAX_EVENTS = Integer.MAX_VALUE - 8;

  Map<String, Customer> customers = new HashMap<>();
  long nulls;

  /** Creates an empty buffer (also used by deserialization). */
  public ActivityBuffer() {}

  /** One customer: the earliest start and the activity times. */
  static final class Customer {
    long start = NO_START;
    long[] activity = new long[4];
    int size;

    void active(long micros) {
      if (size == activity.length) {
        activity = Arrays.copyOf(activity, Math.multiplyExact(size, 2));
      }
      activity[size++] = micros;
    }
  }

  Customer customer(String id) {
    return customers.computeIfAbsent(id, c -> new Customer());
  }

  void combine(ActivityBuffer other) {
    other.customers.forEach(
        (id, theirs) -> {
          Customer mine = customer(id);
          mine.start = Math.min(mine.start, theirs.start);
          for (int i = 0; i < theirs.size; i++) {
            mine.active(theirs.activity[i]);
          }
        });
    nulls = Math.addExact(nulls, other.nulls);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(nulls);
    out.writeInt(customers.size());
    for (Map.Entry<String, Customer> entry : customers.entrySet()) {
      Buffers.writeId(out, entry.getKey());
      Customer c = entry.getValue();
      out.writeLong(c.start);
      out.writeInt(c.size);
      for (int i = 0; i < c.size; i++) {
        out.writeLong(c.activity[i]);
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    nulls = Buffers.nulls(in);
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("damaged cx-metrics activity buffer: " + size + " customers");
    }
    customers = new HashMap<>();
    for (int c = 0; c < size; c++) {
      Customer customer = customer(Buffers.readId(in, "activity"));
      customer.start = in.readLong();
      int events = in.readInt();
      if (events < 0 || events > MAX_EVENTS) {
        throw new IOException("damaged cx-metrics activity buffer: " + events + " events");
      }
      for (int i = 0; i < events; i++) {
        customer.active(in.readLong());
      }
    }
  }
}
