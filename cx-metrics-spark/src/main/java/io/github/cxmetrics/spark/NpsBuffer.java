package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.NpsAccumulator;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The aggregation buffer of {@code nps(score)}: an {@link NpsAccumulator} and the number of null
 * scores skipped; serialized as the core's {@link Nps} encoding.
 */
// Externalizable: the state is written by writeExternal as the core encoding, never by default
// serialization, so its fields need not be Serializable
@SuppressWarnings("serial")
public final class NpsBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  NpsAccumulator counts = new NpsAccumulator();
  long nulls;

  /** Creates an empty buffer (also used by deserialization). */
  public NpsBuffer() {}

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    Buffers.write(out, counts.snapshot().toByteArray(), nulls);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    nulls = Buffers.nulls(in);
    Nps value = Nps.fromByteArray(Buffers.encoding(in));
    counts = new NpsAccumulator();
    counts.add(value);
  }
}
