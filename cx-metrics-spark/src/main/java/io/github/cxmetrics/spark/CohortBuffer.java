package io.github.cxmetrics.spark;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The aggregation buffer of registered cohorts: each customer of the group with the periods (their
 * indexes) in which they were active, and the number of records skipped for a null customer or
 * date. Merging unites each customer's periods, so a customer whose records are spread over
 * partitions counts once.
 */
// Externalizable: written field by field by writeExternal, never by default serialization
@SuppressWarnings("serial")
public final class CohortBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  Map<String, Set<Long>> periods = new HashMap<>();
  long nulls;

  /** Creates an empty buffer (also used by deserialization). */
  public CohortBuffer() {}

  void activeIn(String customer, long period) {
    periods.computeIfAbsent(customer, c -> new HashSet<>()).add(period);
  }

  void combine(CohortBuffer other) {
    other.periods.forEach((customer, active) -> active.forEach(p -> activeIn(customer, p)));
    nulls = Math.addExact(nulls, other.nulls);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(nulls);
    out.writeInt(periods.size());
    for (Map.Entry<String, Set<Long>> entry : periods.entrySet()) {
      Buffers.writeId(out, entry.getKey());
      out.writeInt(entry.getValue().size());
      for (long period : entry.getValue()) {
        out.writeLong(period);
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    nulls = Buffers.nulls(in);
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("damaged cx-metrics cohort buffer: " + size + " customers");
    }
    periods = new HashMap<>();
    for (int i = 0; i < size; i++) {
      String id = Buffers.readId(in, "cohort");
      int count = in.readInt();
      if (count <= 0) {
        throw new IOException("damaged cx-metrics cohort buffer: " + count + " periods");
      }
      Set<Long> active = new HashSet<>();
      for (int k = 0; k < count; k++) {
        active.add(in.readLong());
      }
      periods.put(id, active);
    }
  }
}
