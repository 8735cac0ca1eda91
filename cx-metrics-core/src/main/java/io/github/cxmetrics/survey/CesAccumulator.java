package io.github.cxmetrics.survey;

/**
 * A mutable counter of effort ratings whose {@link #snapshot()} is the {@link Ces} of everything it
 * was given, under one {@link CesDefinition}.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 */
public final class CesAccumulator extends RatingAccumulator<Ces, CesAccumulator> {

  /** Creates an accumulator of the default definition: 1..5, lower meaning less effort. */
  public CesAccumulator() {
    this(Ces.DEFAULT);
  }

  CesAccumulator(CesDefinition definition) {
    super(definition);
  }
}
