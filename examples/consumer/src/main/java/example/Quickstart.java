package example;

import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.breakdown.Breakdown;
import io.github.cxmetrics.breakdown.Group;
import io.github.cxmetrics.journey.Funnel;
import io.github.cxmetrics.journey.JourneyStage;
import io.github.cxmetrics.retention.ChurnRates;
import io.github.cxmetrics.retention.CohortTable;
import io.github.cxmetrics.calendar.PeriodUnit;
import io.github.cxmetrics.retention.Retention;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.value.BgNbd;
import io.github.cxmetrics.value.Clv;
import io.github.cxmetrics.value.GammaGamma;
import io.github.cxmetrics.value.ModelFit;
import io.github.cxmetrics.value.ProbabilisticClv;
import io.github.cxmetrics.value.PurchaseHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** The README quickstart, run against the library as a user gets it; fails on a wrong figure. */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws IOException {
    // --- README quickstart: begin ---
    Nps nps = Nps.of(10, 9, 9, 8, 7, 7, 6, 3, 10, 9);
    Interval ci = nps.confidenceInterval(0.95); // adjusted Wald (Rocks 2016)
    System.out.printf("NPS %.1f, 95%% CI [%.1f, %.1f], n=%d%n",
        nps.score(), ci.lower(), ci.upper(), nps.count());

    Nps lastQuarter = Nps.ofCounts(120, 80, 100);
    Comparison change = Comparison.of(nps, lastQuarter);
    System.out.printf("change %+.1f points, p=%.3f%n", change.difference(), change.pValue());

    record Survey(String channel, int score) {}
    List<Survey> surveys = List.of(new Survey("web", 9), new Survey("app", 4), new Survey("web", 10));
    Nps fromRecords = surveys.stream().collect(Nps.toNps(Survey::score));

    Csat csat = Csat.of(5, 4, 4, 3, 5, 2, 5); // 1..5, satisfied = 4 and 5
    System.out.printf("CSAT %.1f%%, mean %.2f, 95%% CI [%.1f, %.1f]%n", csat.score(), csat.mean(),
        csat.confidenceInterval(0.95).lower(), csat.confidenceInterval(0.95).upper());

    Ces ces = Ces.of(2, 1, 3, 2, 4, 1); // 1..5, lower = less effort
    System.out.printf("CES %.2f, low effort %.1f%%%n", ces.score(), 100 * ces.lowEffortShare());
    // --- README quickstart: end ---

    // --- README retention: begin ---
    // 1,000 customers at the start of the quarter, 1,050 at the end, 150 of them new
    Retention quarter = Retention.ofCounts(1_000, 1_050, 150);
    System.out.printf("retention %.1f%%, churn %.1f%%, 95%% CI of churn [%.1f%%, %.1f%%]%n",
        100 * quarter.retentionRate(), 100 * quarter.churnRate(),
        100 * quarter.churnInterval(0.95).lower(), 100 * quarter.churnInterval(0.95).upper());

    double annualChurn = ChurnRates.compound(quarter.churnRate(), 4);   // 1 - 0.9^4 = 0.3439
    double clv = Clv.retentionBased(120.0, 1 - annualChurn, 0.10);      // m r / (1 + d - r)
    System.out.printf("annual churn %.1f%%, CLV %.2f at a 120 yearly margin%n", 100 * annualChurn, clv);

    record Visit(String customer, LocalDate day) {}
    List<Visit> visits = List.of(
        new Visit("ann", LocalDate.of(2024, 1, 3)), new Visit("bob", LocalDate.of(2024, 1, 20)),
        new Visit("ann", LocalDate.of(2024, 2, 11)), new Visit("cy", LocalDate.of(2024, 2, 1)),
        new Visit("bob", LocalDate.of(2024, 3, 5)), new Visit("cy", LocalDate.of(2024, 3, 9)));
    CohortTable cohorts = CohortTable.of(
        visits, Visit::customer, Visit::day, PeriodUnit.MONTH, LocalDate.of(2024, 3, 31));
    System.out.println(cohorts.cohorts());
    System.out.println(java.util.Arrays.toString(cohorts.averageCurve()));
    // --- README retention: end ---

    // --- README clv: begin ---
    // The CDNOW sample: one purchase a line, "master-id customer yyyymmdd CDs dollars"
    record Purchase(int customer, LocalDate day, double dollars) {}
    Path file = Path.of(args[0]);
    List<Purchase> log = Files.readAllLines(file).stream()
        .map(line -> line.trim().split("\\s+"))
        .map(f -> new Purchase(Integer.parseInt(f[1]),
            LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])))
        .toList();
    // 39 weeks of calibration, times in weeks
    List<PurchaseHistory> customers = PurchaseHistory.summarize(log, Purchase::customer,
        Purchase::day, Purchase::dollars, LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);

    ModelFit<BgNbd> purchases = BgNbd.fit(customers);     // how often, and for how long
    ModelFit<GammaGamma> spend = GammaGamma.fit(customers); // how much per purchase
    BgNbd model = purchases.model();
    System.out.printf("BG/NBD r %.3f, alpha %.3f, a %.3f, b %.3f, LL %.1f, SE(r) %.4f%n",
        model.r(), model.alpha(), model.a(), model.b(), purchases.logLikelihood(),
        purchases.standardError("r"));
    System.out.printf("Gamma-Gamma p %.2f, q %.2f, gamma %.2f, %d repeat buyers%n",
        spend.model().p(), spend.model().q(), spend.model().gamma(), spend.customers());

    // one year of months (52/12 weeks), 1% a month, 30% margin
    ProbabilisticClv clvModel =
        ProbabilisticClv.of(purchases.model(), spend.model(), 0.30, 0.01, 52.0 / 12, 12);
    PurchaseHistory first = customers.get(0); // 2 repeat purchases, the last in week 30.4 of 38.9
    System.out.printf("customer %s: P(alive) %.3f, next 39 weeks %.3f purchases, CLV %.2f%n",
        first.customer(),
        model.probabilityAlive(first.frequency(), first.recency(), first.age()),
        model.conditionalExpectedPurchases(39, first.frequency(), first.recency(), first.age()),
        clvModel.customerValue(first));
    double baseValue = customers.stream().mapToDouble(clvModel::customerValue).sum();
    System.out.printf("all %d customers: %.0f dollars of margin over the year%n",
        customers.size(), baseValue);
    // --- README clv: end ---

    // --- README journey: begin ---
    record Response(String channel, int score) {}
    List<Response> responses = List.of(
        new Response("web", 10), new Response("app", 6), new Response("web", 9),
        new Response("store", 10), new Response("app", 7), new Response("web", 9),
        new Response("app", 8), new Response("web", 3), new Response("store", 10));
    Breakdown<String, Nps> byChannel =
        Breakdown.of(responses, Response::channel, Nps.toNps(Response::score));
    System.out.printf("%-8s %6s %3s%n", "channel", "NPS", "n");
    for (Group<String, Nps> g : byChannel.sorted(Comparator.comparingDouble(Nps::score).reversed())) {
      System.out.printf("%-8s %6.1f %3d%n", g.key(), g.value().score(), g.value().count());
    }
    Nps all = byChannel.overall();
    System.out.printf("%-8s %6.1f %3d%n", "overall", all.score(), all.count());

    Funnel<JourneyStage> funnel = Funnel.ofJourneyCounts(10_000, 4_000, 1_500, 600, 420, 90);
    for (int step = 0; step < funnel.steps(); step++) {
      System.out.printf("%-13s -> %-13s %5.1f%%%n",
          funnel.stages().get(step), funnel.stages().get(step + 1),
          100 * funnel.stepConversion(step));
    }
    int worst = funnel.bottleneck();
    System.out.println("bottleneck: " + funnel.stages().get(worst) + " -> "
        + funnel.stages().get(worst + 1));
    // --- README journey: end ---

    // by channel: store 2 P; web 3 P, 1 D; app 2 A, 1 D; overall 5 P, 2 D of 9
    check(byChannel.group("web").orElseThrow().equals(Nps.ofCounts(3, 0, 1)), "web " + byChannel);
    check(all.score() == 100.0 * (5 - 2) / 9, "overall " + all);
    check(funnel.overallConversion() == 90 / 10_000.0 && worst == 4, "funnel " + funnel);

    // retention: 900 of 1,000 kept; annual churn 1 - 0.9^4; CLV 120 r / (1.1 - r), r = 0.9^4
    check(quarter.retentionRate() == 0.9, "retention " + quarter);
    check(Math.abs(annualChurn - 0.3439) < 1e-12, "annual churn " + annualChurn);
    double r = 0.9 * 0.9 * 0.9 * 0.9;
    check(Math.abs(clv - 120 * r / (1.1 - r)) < 1e-9, "CLV " + clv);
    check(java.util.Arrays.equals(cohorts.averageCurve(), new double[] {1.0, 2.0 / 3, 0.5}),
        "cohort curve " + java.util.Arrays.toString(cohorts.averageCurve()));

    // CDNOW: the published estimates (Fader, Hardie & Lee 2005; Fader & Hardie 2013)
    check(Math.abs(model.r() - 0.243) < 5e-4 && Math.abs(model.alpha() - 4.414) < 5e-4
        && Math.abs(model.a() - 0.793) < 5e-4 && Math.abs(model.b() - 2.426) < 5e-4
        && Math.round(purchases.logLikelihood() * 10) == -95824, "BG/NBD " + purchases);
    check(Math.abs(spend.model().p() - 6.25) < 5e-3 && Math.abs(spend.model().q() - 3.74) < 5e-3
        && Math.abs(spend.model().gamma() - 15.44) < 5e-3, "Gamma-Gamma " + spend);
    check(customers.size() == 2357 && first.frequency() == 2, "CDNOW customers " + customers.size());

    // hand-computed expectations: 5 promoters, 3 passives, 2 detractors of 10
    check(nps.score() == 100.0 * (5 - 2) / 10, "NPS score " + nps.score());
    check(ci.contains(nps.score()), "interval " + ci);
    check(lastQuarter.score() == 100.0 * (120 - 100) / 300, "last quarter " + lastQuarter);
    check(fromRecords.count() == 3 && fromRecords.detractors() == 1, "records " + fromRecords);
    check(csat.score() == 100.0 * 5 / 7, "CSAT " + csat);
    check(ces.mean() == 13.0 / 6 && ces.lowEffortShare() == 4.0 / 6, "CES " + ces);
    System.out.println("quickstart OK");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("unexpected quickstart figure: " + what);
    }
  }
}
