package io.github.cxmetrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.journey.JourneyStage;
import io.github.cxmetrics.stats.Comparison;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownTest {
  record Response(String channel, int score) {}

  // web: 10, 9, 9, 3 (3 P, 1 D: 50); app: 6, 7, 8 (1 D: -33.3); store: 10, 10 (100)
  private static final List<Response> RESPONSES =
      List.of(
          new Response("web", 10),
          new Response("app", 6),
          new Response("web", 9),
          new Response("store", 10),
          new Response("app", 7),
          new Response("web", 9),
          new Response("app", 8),
          new Response("web", 3),
          new Response("store", 10));

  private static Breakdown<String, Nps> byChannel() {
    return Breakdown.of(RESPONSES, Response::channel, Nps.toNps(Response::score));
  }

  @Test
  void groupsAndOverallByHand() {
    Breakdown<String, Nps> breakdown = byChannel();
    assertThat(breakdown.groups().keySet()).containsExactly("web", "app", "store");
    assertThat(breakdown.group("web")).contains(Nps.ofCounts(3, 0, 1));
    assertThat(breakdown.group("app")).contains(Nps.ofCounts(0, 2, 1));
    assertThat(breakdown.group("store")).contains(Nps.ofCounts(2, 0, 0));
    assertThat(breakdown.group("phone")).isEmpty();
    assertThat(breakdown.overall()).isEqualTo(Nps.ofCounts(5, 2, 2));
    assertThat(breakdown.sorted(Comparator.comparingDouble(Nps::score)))
        .extracting(Group::key)
        .containsExactly("app", "web", "store");
  }

  @Test
  void collectorAgreesSequentialAndParallel() {
    Breakdown<String, Nps> expected = byChannel();
    assertThat(
            RESPONSES.stream()
                .collect(Breakdown.toBreakdown(Response::channel, Nps.toNps(Response::score))))
        .isEqualTo(expected);
    assertThat(
            RESPONSES.parallelStream()
                .collect(Breakdown.toBreakdown(Response::channel, Nps.toNps(Response::score))))
        .isEqualTo(expected);
  }

  @Test
  void aMetricAttachedToJourneyStages() {
    record Rating(JourneyStage stage, int csat) {}
    List<Rating> ratings =
        List.of(
            new Rating(JourneyStage.PURCHASE, 5),
            new Rating(JourneyStage.PURCHASE, 2),
            new Rating(JourneyStage.RETENTION, 4));
    Breakdown<JourneyStage, Csat> byStage =
        Breakdown.of(ratings, Rating::stage, Csat.toCsat(Rating::csat));
    assertThat(byStage.group(JourneyStage.PURCHASE).orElseThrow().score()).isEqualTo(50.0);
    assertThat(byStage.overall()).isEqualTo(Csat.of(5, 2, 4));
  }

  @Test
  void testsAgainstTheRestAndPairwiseWithHolm() {
    Breakdown<String, Nps> breakdown = byChannel();
    List<GroupComparison<String>> rest = breakdown.againstRest(Nps::merge, Comparison::of, 0.95);
    assertThat(rest).extracting(GroupComparison::first).containsExactly("web", "app", "store");
    // web against app + store merged: Comparison.of(web, 2 P + 2 A + 1 D)
    Comparison web = Comparison.of(Nps.ofCounts(3, 0, 1), Nps.ofCounts(2, 2, 1));
    assertThat(rest.get(0).comparison()).isEqualTo(web);
    assertThat(rest.get(0).second()).isNull();
    double[] raw = rest.stream().mapToDouble(t -> t.comparison().pValue()).toArray();
    double[] expected = io.github.cxmetrics.stats.MultipleComparisons.holm(raw);
    for (int i = 0; i < raw.length; i++) {
      assertThat(rest.get(i).adjustedPValue()).isEqualTo(expected[i]);
      assertThat(rest.get(i).significant()).isEqualTo(expected[i] < 0.05);
    }
    List<GroupComparison<String>> pairs = breakdown.pairwise(Comparison::of, 0.95);
    assertThat(pairs).hasSize(3);
    assertThat(pairs.get(0).first()).isEqualTo("web");
    assertThat(pairs.get(0).second()).isEqualTo("app");
    // store vs web: all store answers promote, so the difference has a positive SE from web only
    assertThat(pairs.get(1).comparison())
        .isEqualTo(Comparison.of(Nps.ofCounts(3, 0, 1), Nps.ofCounts(2, 0, 0)));
  }

  @Test
  void spreadAcrossChannelsByHand() {
    Spread spread = byChannel().spread(Nps::score, Nps::count, Comparison::of, 0.95);
    double web = 50;
    double app = -100.0 / 3;
    double store = 100;
    assertThat(spread.lowest()).isEqualTo(app);
    assertThat(spread.highest()).isEqualTo(store);
    assertThat(spread.range()).isEqualTo(store - app);
    double mean = (4 * web + 3 * app + 2 * store) / 9;
    double sd =
        Math.sqrt(
            (4 * (web - mean) * (web - mean)
                    + 3 * (app - mean) * (app - mean)
                    + 2 * (store - mean) * (store - mean))
                / 9);
    assertThat(spread.weightedStandardDeviation()).isCloseTo(sd, within(1e-9));
  }

  @Test
  void rejectsNullKeysAndSpreadWithoutGroups() {
    List<Response> withNull = new ArrayList<>(RESPONSES);
    withNull.add(new Response(null, 5));
    assertThatThrownBy(() -> Breakdown.of(withNull, Response::channel, Nps.toNps(Response::score)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("record at index 9 has a null key");
    Breakdown<String, Nps> empty =
        Breakdown.of(List.<Response>of(), Response::channel, Nps.toNps(Response::score));
    assertThat(empty.overall()).isEqualTo(Nps.EMPTY);
    assertThat(empty.againstRest(Nps::merge, Comparison::of, 0.95)).isEmpty();
    assertThatThrownBy(() -> empty.spread(Nps::score, Nps::count, Comparison::of, 0.95))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> byChannel().pairwise(Comparison::of, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void groupsMergeToTheOverallAndRegroupingChangesNothing() {
    String[] channels = {"web", "app", "store", "phone"};
    qt().forAll(
            lists().of(integers().between(0, 10)).ofSizeBetween(0, 200),
            lists().of(integers().between(0, 3)).ofSizeBetween(200, 200))
        .checkAssert(
            (scores, keys) -> {
              List<Response> responses = new ArrayList<>();
              for (int i = 0; i < scores.size(); i++) {
                responses.add(new Response(channels[keys.get(i)], scores.get(i)));
              }
              Breakdown<String, Nps> whole =
                  Breakdown.of(responses, Response::channel, Nps.toNps(Response::score));
              Nps merged = whole.groups().values().stream().reduce(Nps.EMPTY, Nps::merge);
              assertThat(merged).isEqualTo(whole.overall());
              assertThat(whole.overall())
                  .isEqualTo(Nps.of(scores.stream().mapToInt(Integer::intValue).toArray()));
              int half = responses.size() / 2;
              Breakdown<String, Nps> halves =
                  Breakdown.of(
                          responses.subList(0, half), Response::channel, Nps.toNps(Response::score))
                      .merge(
                          Breakdown.of(
                              responses.subList(half, responses.size()),
                              Response::channel,
                              Nps.toNps(Response::score)),
                          Nps::merge);
              assertThat(halves).isEqualTo(whole);
              for (String channel : channels) {
                int[] own =
                    responses.stream()
                        .filter(r -> r.channel().equals(channel))
                        .mapToInt(Response::score)
                        .toArray();
                assertThat(whole.group(channel).orElse(Nps.EMPTY)).isEqualTo(Nps.of(own));
              }
              assertThat(Arrays.asList(channels)).containsAll(whole.groups().keySet());
            });
  }

  @Test
  void libraryMetricsNeedNoFunctions() {
    Breakdown<String, Nps> breakdown = byChannel();
    assertThat(breakdown.againstRest(0.95))
        .isEqualTo(breakdown.againstRest(Nps::merge, Comparison::of, 0.95));
    assertThat(breakdown.pairwise(0.9)).isEqualTo(breakdown.pairwise(Comparison::of, 0.9));
    assertThat(breakdown.spread(0.95))
        .isEqualTo(breakdown.spread(Nps::score, Nps::count, Comparison::of, 0.95));
    Breakdown<String, Nps> merged = breakdown.merge(breakdown);
    assertThat(merged.overall()).isEqualTo(breakdown.overall().merge(breakdown.overall()));
    assertThat(merged.group("web")).contains(Nps.ofCounts(6, 0, 2));
  }

  @Test
  void oneAnswerPerGroupIsNeverSignificant() {
    // one promoter, one detractor, one passive: the adjusted-Wald test cannot call any pair
    // different, where the unadjusted test had SE 0 and p = 0
    Breakdown<String, Nps> tiny =
        Breakdown.of(
            List.of(new Response("a", 10), new Response("b", 0), new Response("c", 7)),
            Response::channel,
            Nps.toNps(Response::score));
    assertThat(tiny.pairwise(0.95)).noneMatch(GroupComparison::significant);
    assertThat(tiny.againstRest(0.95)).noneMatch(GroupComparison::significant);
    assertThat(tiny.spread(0.95).significant()).isFalse();
  }

  @Test
  void otherMetricsAreToldToPassFunctions() {
    Breakdown<String, Long> counts =
        Breakdown.of(RESPONSES, Response::channel, java.util.stream.Collectors.counting());
    assertThatThrownBy(() -> counts.pairwise(0.95))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("java.lang.Long is not an Estimate: pass the comparison function");
    assertThatThrownBy(() -> counts.againstRest(0.95))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("java.lang.Long is not Mergeable: pass the merge function");
    assertThatThrownBy(() -> counts.spread(0.95)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> counts.merge(counts))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(counts.merge(counts, Long::sum).group("web")).contains(8L);
  }

  record R(String key, int score) {}

  @Test
  void twoGroupsAreTestedAndOneGroupIsNot() {
    Breakdown<String, Nps> two =
        Breakdown.of(
            List.of(new R("a", 10), new R("a", 9), new R("b", 0), new R("b", 3)),
            R::key,
            Nps.toNps(R::score));
    List<GroupComparison<String>> rest = two.againstRest(Nps::merge, Comparison::of, 0.95);
    assertThat(rest).hasSize(2);
    // two groups: each against the other; the comparisons are mirror images
    assertThat(rest.get(0).comparison().difference())
        .isEqualTo(-rest.get(1).comparison().difference());
    assertThat(two.pairwise(Comparison::of, 0.95)).hasSize(1);
    Breakdown<String, Nps> one = Breakdown.of(List.of(new R("a", 10)), R::key, Nps.toNps(R::score));
    assertThat(one.againstRest(Nps::merge, Comparison::of, 0.95)).isEmpty();
    assertThat(one.pairwise(Comparison::of, 0.95)).isEmpty();
    assertThat(one.spread(Nps::score, Nps::count, Comparison::of, 0.95).range()).isZero();
  }

  @Test
  void spreadNeedsGroupsWithSize() {
    Breakdown<String, Nps> empty =
        Breakdown.of(List.of(new R("a", 10)), R::key, Nps.toNps(R::score));
    assertThatThrownBy(() -> empty.spread(Nps::score, m -> 0L, Comparison::of, 0.95))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the spread is undefined when every group has size 0");
  }
}
