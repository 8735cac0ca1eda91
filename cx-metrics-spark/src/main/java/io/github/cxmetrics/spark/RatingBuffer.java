package io.github.cxmetrics.spark;

import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.CesAccumulator;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.CsatAccumulator;
import io.github.cxmetrics.survey.EffortDirection;
import io.github.cxmetrics.survey.RatingScale;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The aggregation buffer of {@code csat(rating)} and {@code ces(rating)}: the core's accumulator
 * ({@link CsatAccumulator} or {@link CesAccumulator}) and the number of null ratings skipped;
 * serialized as the core's encoding of its value ({@link Csat} or {@link Ces}), preceded by a byte
 * telling which.
 */
// Externalizable: the state is written by writeExternal as the core encoding, never by default
// serialization, so its fields need not be Serializable
@SuppressWarnings("serial")
public final class RatingBuffer implements Externalizable {
  private static final long serialVersionUID = 1L;
  private static final byte CSAT = 1;
  private static final byte CES = 2;

  CsatAccumulator csat;
  CesAccumulator ces;
  long nulls;

  /** Creates an empty buffer (for deserialization). */
  public RatingBuffer() {}

  static RatingBuffer csat(RatingScale scale, int satisfiedFrom) {
    RatingBuffer buffer = new RatingBuffer();
    buffer.csat = Csat.definition(scale, satisfiedFrom).accumulator();
    return buffer;
  }

  static RatingBuffer ces(RatingScale scale, EffortDirection direction) {
    RatingBuffer buffer = new RatingBuffer();
    buffer.ces = Ces.definition(scale, direction).accumulator();
    return buffer;
  }

  void accept(int rating) {
    if (csat != null) {
      csat.accept(rating);
    } else {
      ces.accept(rating);
    }
  }

  void combine(RatingBuffer other) {
    if (csat != null) {
      csat.combine(other.csat);
    } else {
      ces.combine(other.ces);
    }
    nulls = Math.addExact(nulls, other.nulls);
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeByte(csat != null ? CSAT : CES);
    byte[] encoding = csat != null ? csat.snapshot().toByteArray() : ces.snapshot().toByteArray();
    Buffers.write(out, encoding, nulls);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    byte kind = in.readByte();
    nulls = Buffers.nulls(in);
    byte[] encoding = Buffers.encoding(in);
    if (kind == CSAT) {
      Csat value = Csat.fromByteArray(encoding);
      csat = Csat.definition(value.scale(), value.satisfiedFrom()).accumulator();
      csat.add(value);
    } else if (kind == CES) {
      Ces value = Ces.fromByteArray(encoding);
      ces = Ces.definition(value.scale(), value.direction()).accumulator();
      ces.add(value);
    } else {
      throw new IOException("damaged cx-metrics rating buffer: kind " + kind);
    }
  }
}
