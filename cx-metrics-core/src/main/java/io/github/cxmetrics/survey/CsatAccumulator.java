package io.github.cxmetrics.survey;

/**
 * A mutable counter of ratings whose {@link #snapshot()} is the {@link Csat} of everything it was
 * given, under one {@link CsatDefinition}.
 *
 * <p>Not thread safe: give each thread its own accumulator and {@link #combine} them, as the
 * collectors do on parallel streams.
 */
public final class CsatAccumulator extends RatingAccumulator<Csat, CsatAccumulator> {

  /** Creates an accumulator of the default definition: 1..5, 4 and 5 satisfied. */
  public CsatAccumulator() {
    this(Csat.DEFAULT);
  }

  CsatAccumulator(CsatDefinition definition) {
    super(definition);
  }
}
