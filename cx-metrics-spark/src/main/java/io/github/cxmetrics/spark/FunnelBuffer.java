package io.github.cxmetrics.spark;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * The aggregation buffer of a registered funnel: each customer of the group with the furthest stage
 * (its index) of their events, and the number of events skipped for a null customer or stage.
 * Merging keeps each customer's furthest stage, so a customer whose events are spread over
 * partitions counts once.
 */
// Externalizable: written field by field by writeExternal, never by default serialization
@SuppressWarnings("serial")
public final class FunnelBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  Map<String, Integer> furthest = new HashMap<>();
  long nulls;

  /** Creates an empty buffer (also used by deserialization). */
  public FunnelBuffer() {}

  void reach(String customer, int stage) {
    furthest.merge(customer, stage, Math::max);
  }

  void combine(FunnelBuffer other) {
    other.furthest.forEach(this::reach);
    nulls = Math.addExact(nulls, other.nulls);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(nulls);
    out.writeInt(furthest.size());
    for (Map.Entry<String, Integer> entry : furthest.entrySet()) {
      Buffers.writeId(out, entry.getKey());
      out.writeInt(entry.getValue());
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    nulls = Buffers.nulls(in);
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("damaged cx-metrics funnel buffer: " + size + " customers");
    }
    furthest = new HashMap<>();
    for (int i = 0; i < size; i++) {
      String id = Buffers.readId(in, "funnel");
      int stage = in.readInt();
      if (stage < 0) {
        throw new IOException("damaged cx-metrics funnel buffer: stage " + stage);
      }
      furthest.put(id, stage);
    }
  }
}
