package io.github.cxmetrics.benchmarks;

import java.util.SplittableRandom;

/** Realistic mixes of NPS answers (0..10), drawn from a seeded generator. */
public enum Mix {
  /** 60% promoters, 25% passives, 15% detractors. */
  MOSTLY_PROMOTERS(0.60, 0.25),
  /** 15% promoters, 25% passives, 60% detractors. */
  MOSTLY_DETRACTORS(0.15, 0.25),
  /** Every answer 0..10 equally likely. */
  UNIFORM(Double.NaN, Double.NaN);

  /** The seed of every input, so that every run measures the same data. */
  public static final long SEED = 20261123L;

  private final double promoters;
  private final double passives;

  Mix(double promoters, double passives) {
    this.promoters = promoters;
    this.passives = passives;
  }

  /** Draws one answer in 0..10. */
  int next(SplittableRandom random) {
    if (Double.isNaN(promoters)) {
      return random.nextInt(11);
    }
    double u = random.nextDouble();
    if (u < promoters) {
      return 9 + random.nextInt(2);
    }
    if (u < promoters + passives) {
      return 7 + random.nextInt(2);
    }
    return random.nextInt(7);
  }

  /** {@code size} answers in 0..10. */
  public int[] answers(int size) {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] answers = new int[size];
    for (int i = 0; i < size; i++) {
      answers[i] = next(random);
    }
    return answers;
  }

  /** The same answers mapped onto a rating scale {@code 1..points}: {@code 1 + v * points / 11}. */
  public static int[] onScale(int[] answers, int points) {
    int[] ratings = new int[answers.length];
    for (int i = 0; i < answers.length; i++) {
      ratings[i] = 1 + answers[i] * points / 11;
    }
    return ratings;
  }

  /** The values as bytes. */
  public static byte[] bytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
