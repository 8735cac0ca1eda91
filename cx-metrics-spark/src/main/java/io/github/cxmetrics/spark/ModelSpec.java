package io.github.cxmetrics.spark;

import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.MbgNbd;
import io.github.cxmetrics.value.ParetoNbd;
import io.github.cxmetrics.value.TransactionModel;
import java.io.Serializable;
import java.util.Objects;

/**
 * A fitted transaction model as its kind and four parameters, which Spark ships to the executors
 * with a function's closure (32 bytes of parameters, no broadcast needed); each executor rebuilds
 * the model once and evaluates the core's own methods, so a score is the same double the core gives
 * on the driver.
 */
final class ModelSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private enum Kind {
    BG_NBD,
    MBG_NBD,
    PARETO_NBD
  }

  private final Kind kind;
  private final double[] parameters;
  private transient TransactionModel model;

  private ModelSpec(Kind kind, double... parameters) {
    this.kind = kind;
    this.parameters = parameters;
  }

  /**
   * Describes a model of the library.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if it is not a {@link BgNbd}, {@link MbgNbd} or {@link
   *     ParetoNbd}, naming its class
   */
  static ModelSpec of(TransactionModel model) {
    Objects.requireNonNull(model, "model");
    if (model instanceof BgNbd m) {
      return new ModelSpec(Kind.BG_NBD, m.r(), m.alpha(), m.a(), m.b());
    }
    if (model instanceof MbgNbd m) {
      return new ModelSpec(Kind.MBG_NBD, m.r(), m.alpha(), m.a(), m.b());
    }
    if (model instanceof ParetoNbd m) {
      return new ModelSpec(Kind.PARETO_NBD, m.r(), m.alpha(), m.s(), m.beta());
    }
    throw new IllegalArgumentException(
        "cannot ship a "
            + model.getClass().getName()
            + " to Spark executors: scoring functions take the library's BgNbd, MbgNbd or"
            + " ParetoNbd");
  }

  /** The model, rebuilt from the parameters on first use. */
  TransactionModel model() {
    if (model == null) {
      double[] p = parameters;
      model =
          switch (kind) {
            case BG_NBD -> BgNbd.of(p[0], p[1], p[2], p[3]);
            case MBG_NBD -> MbgNbd.of(p[0], p[1], p[2], p[3]);
            case PARETO_NBD -> ParetoNbd.of(p[0], p[1], p[2], p[3]);
          };
    }
    return model;
  }
}
