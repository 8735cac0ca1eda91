package io.github.cxmetrics.spark;

import io.github.cxmetrics.drivers.DriverAccumulator;
import io.github.cxmetrics.drivers.DriverMoments;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.List;

/**
 * The aggregation buffer of a registered driver analysis: a {@link DriverAccumulator}; serialized
 * as the core's {@link DriverMoments} encoding, whose names give the drivers back.
 */
// Externalizable: the state is written by writeExternal as the core encoding, never by default
// serialization, so its fields need not be Serializable
@SuppressWarnings("serial")
public final class DriverBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  DriverAccumulator moments;

  /** Creates an empty buffer (used by deserialization, which then reads the drivers). */
  public DriverBuffer() {}

  DriverBuffer(List<String> drivers) {
    this.moments = new DriverAccumulator(drivers);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    Buffers.write(out, moments.snapshot().toByteArray(), 0);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    Buffers.nulls(in);
    DriverMoments value;
    try {
      value = DriverMoments.fromByteArray(Buffers.encoding(in));
    } catch (IllegalArgumentException e) {
      throw new IOException("damaged cx-metrics driver buffer", e);
    }
    moments = new DriverAccumulator(value.drivers()).add(value);
  }
}
