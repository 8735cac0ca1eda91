package io.github.cxmetrics.value;

/** The discounted survivor series of {@link ContractualModel}, summed term by term. */
final class ContractualSums {
  private static final double RELATIVE_TAIL = 1e-16;

  private ContractualSums() {}

  /**
   * Returns {@code sum_{t >= from} S(t) z^(t - from)} with {@code z = 1 / (1 + d)}, stopping when
   * the bound {@code S(t) z^(t - from + 1) / (1 - z)} on the terms left (S decreases) is below
   * {@code 1e-16} of the sum. Since the sum is at least {@code S(from) >= S(t)}, that happens by
   * the {@code k}-th term with {@code z^k z / (1 - z) <= 1e-16}, which bounds the work in advance.
   */
  static double discounted(ContractualModel model, double discountRate, int from) {
    int terms = terms(discountRate, "the discounted survivor series");
    if (from + (long) terms > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the discounted survivor series from period " + from + " would pass period 2^31 - 1");
    }
    double z = 1 / (1 + discountRate);
    double tailFactor = z / (1 - z);
    double sum = 0;
    double weight = 1;
    for (int t = from; ; t++) {
      double term = model.survival(t) * weight;
      sum += term;
      if (term * tailFactor <= RELATIVE_TAIL * sum || weight == 0) {
        return sum;
      }
      weight *= z;
    }
  }

  /**
   * Checks {@code discountRate} and returns the number of terms {@code k} after which {@code z^k z
   * / (1 - z) <= 1e-16}, {@code z = 1 / (1 + d)}: a bound on the terms of any discounted series
   * whose terms do not grow, summed to that relative precision.
   *
   * @throws IllegalArgumentException if the rate is not finite and positive, or the bound exceeds
   *     {@link ContractualModel#MAX_TERMS}, naming the rate and {@code series}
   */
  static int terms(double discountRate, String series) {
    checkDiscount(discountRate);
    double z = 1 / (1 + discountRate);
    double terms = Math.ceil(Math.log(RELATIVE_TAIL * (1 - z) / z) / Math.log(z)) + 1;
    if (!(terms <= ContractualModel.MAX_TERMS)) {
      throw new IllegalArgumentException(
          "discountRate ("
              + discountRate
              + ") is too small: "
              + series
              + " would need about "
              + (long) terms
              + " terms, more than "
              + ContractualModel.MAX_TERMS);
    }
    return (int) terms;
  }

  /** Checks a discount rate for a series that needs discounting to converge. */
  private static void checkDiscount(double discountRate) {
    if (!(discountRate > 0 && discountRate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "discountRate ("
              + discountRate
              + ") must be finite and > 0: the survivor function of a heterogeneous cohort decays"
              + " like a power of t, so the undiscounted series may diverge");
    }
  }
}
