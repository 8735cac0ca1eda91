package io.github.cxmetrics.charts;

import io.github.cxmetrics.breakdown.Breakdown;
import io.github.cxmetrics.breakdown.Trend;
import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.drivers.DriverImportance;
import io.github.cxmetrics.drivers.DriverMoments;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.retention.CohortTable;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.CalibrationHoldout;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ProjectedSurvivors;
import io.github.cxmetrics.value.ShiftedBetaGeometric;
import io.github.cxmetrics.value.SurvivorCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The values the gallery and the tests draw: simulated survey responses (seeded), a funnel and
 * cohorts, the CDNOW sample (test resources {@code cdnow/}, see its README) with a BG/NBD fit, the
 * sBG example of Fader and Hardie (2007), and a key-driver survey.
 */
final class Examples {
  /** A survey response: when, through which channel, and the 0-10 answer. */
  record Response(Instant at, String channel, int score) {}

  /** A purchase of the CDNOW sample. */
  record Purchase(int customer, LocalDate day, double dollars) {}

  /** An activity record of the cohort example. */
  record Activity(int customer, LocalDate day) {}

  /** A driver survey response. */
  record Rated(int recommend, Integer ease, Integer support, Integer price) {}

  static final ZoneId ZONE = ZoneOffset.UTC;

  private Examples() {}

  /**
   * 12 months of NPS responses in 2025 through five channels: about 400 a month, the score drifting
   * up, with a dip in September; chat gets few responses.
   */
  static List<Response> responses() {
    SplittableRandom random = new SplittableRandom(2025);
    String[] channels = {"web", "app", "email", "phone", "chat"};
    double[] channelShift = {0.3, 0.8, -0.4, 0.0, -0.9};
    int[] perMonth = {140, 120, 70, 60, 12};
    List<Response> responses = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      double level = 7.2 + 0.05 * month - (month == 9 ? 0.9 : 0);
      for (int c = 0; c < channels.length; c++) {
        for (int i = 0; i < perMonth[c]; i++) {
          int score =
              (int)
                  Math.max(
                      0,
                      Math.min(
                          10, Math.round(level + channelShift[c] + 2.2 * random.nextGaussian())));
          LocalDate day = LocalDate.of(2025, month, 1 + random.nextInt(28));
          responses.add(new Response(day.atStartOfDay(ZONE).toInstant(), channels[c], score));
        }
      }
    }
    return responses;
  }

  static Trend<Nps> monthlyNps() {
    return Trend.of(responses(), Response::at, ZONE, PeriodUnit.MONTH, Nps.toNps(Response::score));
  }

  static Breakdown<String, Nps> npsByChannel() {
    return Breakdown.of(responses(), Response::channel, Nps.toNps(Response::score));
  }

  static Funnel<String> checkout() {
    return Funnel.ofCounts(
        List.of("visit", "product view", "cart", "checkout", "purchase"),
        24_000,
        14_650,
        4_120,
        2_480,
        1_910);
  }

  /**
   * Customers acquired from January to August 2025, active in each later month with a chance that
   * falls with age; observed through August 2025.
   */
  static CohortTable cohorts() {
    SplittableRandom random = new SplittableRandom(7);
    List<Activity> log = new ArrayList<>();
    int customer = 0;
    for (int start = 1; start <= 8; start++) {
      int size = 300 + 40 * start;
      for (int i = 0; i < size; i++, customer++) {
        log.add(new Activity(customer, LocalDate.of(2025, start, 1 + random.nextInt(28))));
        for (int month = start + 1; month <= 8; month++) {
          double chance = 0.18 + 0.5 * Math.pow(0.72, month - start);
          if (random.nextDouble() < chance) {
            log.add(new Activity(customer, LocalDate.of(2025, month, 1 + random.nextInt(28))));
          }
        }
      }
    }
    return CohortTable.of(
        log, Activity::customer, Activity::day, PeriodUnit.MONTH, LocalDate.of(2025, 8, 31));
  }

  static List<Purchase> cdnow() {
    DateTimeFormatter format = DateTimeFormatter.BASIC_ISO_DATE;
    List<Purchase> purchases = new ArrayList<>();
    try (InputStream in = Examples.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
      if (in == null) {
        throw new IllegalStateException("cdnow/CDNOW_sample.txt is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.trim().split("\\s+");
        purchases.add(
            new Purchase(
                Integer.parseInt(f[1]), LocalDate.parse(f[2], format), Double.parseDouble(f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return purchases;
  }

  /** CDNOW: calibration to 1997-09-30 (39 weeks), holdout to 1998-06-30, in weeks. */
  static CalibrationHoldout cdnowSplit() {
    return CalibrationHoldout.of(
        cdnow(),
        Purchase::customer,
        Purchase::day,
        Purchase::dollars,
        LocalDate.of(1997, 9, 30),
        LocalDate.of(1998, 6, 30),
        ChronoUnit.WEEKS);
  }

  static ModelFit<BgNbd> cdnowFit(CalibrationHoldout data) {
    return BgNbd.fit(data.calibration());
  }

  /** Fader and Hardie (2007): the "Regular" cohort, years 0 to 12; the sBG fitted to 0 to 7. */
  static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173};

  static List<ProjectedSurvivors> regularProjection() {
    long[] fitted = Arrays.copyOf(REGULAR, 8);
    ShiftedBetaGeometric sbg = ShiftedBetaGeometric.fit(SurvivorCounts.of(fitted)).model();
    return sbg.project(REGULAR, 12);
  }

  /**
   * 3,000 simulated responses on 1..5 scales: ease drives the recommendation most and is rated low,
   * support matters less and is rated high, price does not matter.
   */
  static DriverImportance drivers() {
    SplittableRandom random = new SplittableRandom(42);
    List<Rated> responses = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int ease = 1 + random.nextInt(4);
      int support = Math.max(1, Math.min(5, ease + random.nextInt(0, 3)));
      int price = 1 + random.nextInt(5);
      int recommend =
          (int)
              Math.max(
                  0,
                  Math.min(
                      10,
                      Math.round(1.3 * ease + 0.7 * support - 2 + random.nextGaussian() * 1.5)));
      responses.add(new Rated(recommend, ease, support, price));
    }
    List<Function<Rated, Integer>> ratings = List.of(Rated::ease, Rated::support, Rated::price);
    DriverMoments moments =
        responses.stream()
            .collect(
                DriverMoments.toDriverMoments(
                    List.of("ease of use", "support", "price"), Rated::recommend, ratings));
    return DriverImportance.of(moments);
  }
}
