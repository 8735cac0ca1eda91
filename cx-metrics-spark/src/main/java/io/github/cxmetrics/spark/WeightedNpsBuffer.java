package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.WeightedNps;
import io.github.cxmetrics.survey.WeightedNpsAccumulator;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The aggregation buffer of {@code weighted_nps(score, weight)}: the value read back from a partial
 * aggregate, the accumulator of the rows reduced since, and the number of rows skipped for a null;
 * serialized as the core's {@link WeightedNps} encoding, with its exact weight sums.
 */
// Externalizable: the state is written by writeExternal as the core encoding, never by default
// serialization, so its fields need not be Serializable
@SuppressWarnings("serial")
public final class WeightedNpsBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;

  WeightedNps base = WeightedNps.EMPTY;
  WeightedNpsAccumulator pending = new WeightedNpsAccumulator();
  long nulls;

  /** Creates an empty buffer (also used by deserialization). */
  public WeightedNpsBuffer() {}

  WeightedNps value() {
    return base.merge(pending.snapshot());
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    Buffers.write(out, value().toByteArray(), nulls);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    nulls = Buffers.nulls(in);
    base = WeightedNps.fromByteArray(Buffers.encoding(in));
    pending = new WeightedNpsAccumulator();
  }
}
