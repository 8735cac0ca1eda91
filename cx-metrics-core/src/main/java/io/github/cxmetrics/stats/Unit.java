package io.github.cxmetrics.stats;

import java.util.Objects;

/**
 * The unit an estimate, its standard error, its intervals and its comparisons are expressed in.
 *
 * <p>The library's rule: {@link Estimate#score()} is in the unit practitioners report (NPS in
 * {@link #NPS_POINTS}, CSAT in {@link #PERCENT}, CES in points of its rating scale), and anything
 * named {@code ...Rate}, {@code ...Share}, {@code ...Conversion} or {@code ...Probability} is a
 * {@link #FRACTION} in [0, 1]. Two estimates can be {@link Comparison#of compared} only when their
 * units are equal.
 *
 * @param name the unit's name, e.g. {@code "NPS points"}; not blank
 */
public record Unit(String name) {
  /** Net Promoter Score points, in [-100, 100]. */
  public static final Unit NPS_POINTS = new Unit("NPS points");

  /** Percent, in [0, 100]. */
  public static final Unit PERCENT = new Unit("percent");

  /** A fraction, in [0, 1]. */
  public static final Unit FRACTION = new Unit("fraction");

  /** The unit of a model parameter, which is the parameter's own (e.g. time for a scale). */
  public static final Unit PARAMETER = new Unit("parameter units");

  /**
   * Creates a unit.
   *
   * @param name the unit's name; not blank
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Unit {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("unit name (\"" + name + "\") must not be blank");
    }
  }

  /** Returns the name, e.g. {@code NPS points}. */
  @Override
  public String toString() {
    return name;
  }
}
