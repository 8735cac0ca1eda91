package io.github.cxmetrics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The ordered windowed funnel (no exclusion, per-step window or strict times) against a second
 * algorithm: every chain of every customer enumerated, with exact arithmetic on the times. The
 * definitions of {@link WindowedFunnel} say which chain is kept: of the chains that reach the
 * furthest stage, the one with the latest first step; among chains with the same first step, the
 * engine keeps the one whose steps come latest in (time, stage) order, compared from the last step
 * back, which is the enumeration's choice here. Times sit near 0, near today, near {@code ±(2^61 -
 * 1)} and at the ends of {@code long}, with steps of 1 ms to {@code 2^53} ms, too far apart to be
 * packed for grouping or for the branch-free search; the columns come grouped and sorted (which the
 * branch-free search reads in place), grouped with each customer's events shuffled, interleaved,
 * and grouped in the order drawn; and the same funnel with a per-step window of {@code
 * Long.MAX_VALUE} milliseconds (which never stops a chain) runs the general search, so both
 * searches meet the enumeration.
 */
class OrderedFunnelEnumerationTest {
  private static final List<String> STAGES = List.of("A", "B", "C", "D");
  private static final int K = STAGES.size();
  private static final long BIG = (1L << 61) - 1;

  /** One customer: its events as {stage, offset} with offsets in [0, 40]. */
  private static Gen<List<List<int[]>>> customers() {
    return lists()
        .of(
            lists()
                .of(
                    integers()
                        .between(0, K - 1)
                        .zip(integers().between(0, 40), (s, t) -> new int[] {s, t}))
                .ofSizeBetween(1, 8))
        .ofSizeBetween(0, 12);
  }

  /** Where the offsets start, in units of the scale (offsets and the end stay within long). */
  private static long base(int choice, long scale) {
    return switch (choice) {
      case 0 -> 0;
      case 1 -> 1_717_200_000_000L; // 2024-06-01T00:00Z
      case 2 -> BIG - 40 * scale; // the last event at 2^61 - 1
      case 3 -> BIG - 20 * scale; // 2^61 - 1 inside a customer's events
      case 4 -> -BIG - 20 * scale; // -(2^61 - 1) inside
      case 5 -> Long.MIN_VALUE;
      default -> Long.MAX_VALUE - 105 * scale; // the last offset 40, the end up to 61 after it
    };
  }

  /**
   * The branch-free search packs a chain as its first step's time, less the customer's first
   * event's, shifted left by index bits, and the index of its last step in those bits. Columns
   * grouped by customer are searched while they are checked, with {@code g} index bits guessed (4,
   * then enough for the largest customer seen), which takes customers of at most {@code 2^g} events
   * whose span of times is below {@code 2^(60 - g)}; the others are searched again with the bits
   * {@code b} of their own largest index, which takes spans below {@code 2^(61 - b) - 1}, and the
   * rest take the general search. Here: customers of 8, 9, 17 and 40 events, then one of 8 events
   * (searched with the bits the larger one made the guess), with spans one below, at and one above
   * each of those edges and far past them, at times that leave no two steps alike, as far as a span
   * that overflows a long, from up to three bases, with windows that end exactly at the last event,
   * one before it, halfway and never.
   */
  @Test
  void spansAtTheEdgesOfThePackedChains() {
    for (int size : new int[] {8, 9, 17, 40}) {
      int own = 32 - Integer.numberOfLeadingZeros(size - 1);
      int guessed = Math.max(4, own);
      long[] edges = {1L << 56, 1L << (60 - guessed), (1L << (61 - own)) - 1, (1L << 58) - 1};
      List<Long> spans = new ArrayList<>(List.of(8 * edges[0], Long.MAX_VALUE, -1L));
      for (long edge : edges) {
        spans.addAll(List.of(edge - 1, edge, edge + 1));
      }
      for (long span : spans) {
        long[] bases =
            span < 0
                ? new long[] {Long.MIN_VALUE}
                : new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE - span};
        for (long base : bases) {
          List<long[]> rows = new ArrayList<>();
          // the first customer's last event is the last stage's, so its kept chain ends there
          addSpread(rows, 0, size, Math.floorMod(K - size, K), base, span);
          addSpread(rows, 1, 8, 1, base, span); // after the larger customer, shifted stages
          addSpread(rows, 2, size, 2, base, span);
          long last = base + span;
          long[] windows = {span, span - 1, span >>> 1, Long.MAX_VALUE};
          for (long window : windows) {
            if (window <= 0) {
              continue;
            }
            for (long end : new long[] {last, last == Long.MAX_VALUE ? last : last + 1}) {
              check(3, rows, window, end);
            }
          }
        }
      }
    }
  }

  /**
   * Adds {@code size} events of one customer, their stages cycling from {@code shift}, the first at
   * {@code base}, the {@code i}-th at {@code base + span - (span >>> i)} (halving the rest of the
   * span at each step, so that no two steps take the same time) and the last at {@code base +
   * span}; a span of -1 is {@code 2^64 - 1}.
   */
  private static void addSpread(
      List<long[]> rows, int customer, int size, int shift, long base, long span) {
    for (int i = 0; i < size; i++) {
      long t = i == size - 1 ? base + span : base + span - (span >>> i);
      rows.add(new long[] {customer, (i + shift) % K, t});
    }
  }

  /** The expected result of one customer, by enumeration. */
  private static final class Expected {
    final long[] decided = new long[K];
    final long[] inProgress = new long[K];
    long notStarted;
    final List<List<Long>> units = new ArrayList<>();

    Expected() {
      for (int i = 0; i < K - 1; i++) {
        units.add(new ArrayList<>());
      }
    }
  }

  /** The best chain found so far: its stage and event indices into the sorted events. */
  private static int[] best;

  private static void enumerate(long[][] events, BigInteger window, int[] chain, int level) {
    if (best == null || better(chain, level, best)) {
      best = Arrays.copyOf(chain, level + 1);
    }
    if (level == K - 1) {
      return;
    }
    BigInteger deadline = BigInteger.valueOf(events[chain[0]][0]).add(window);
    for (int e = chain[level] + 1; e < events.length; e++) {
      if (events[e][1] == level + 1 && BigInteger.valueOf(events[e][0]).compareTo(deadline) <= 0) {
        chain[level + 1] = e;
        enumerate(events, window, chain, level + 1);
      }
    }
  }

  /** Whether the chain {@code [0, level]} beats {@code best}: further, else later from the end. */
  private static boolean better(int[] chain, int level, int[] best) {
    if (level != best.length - 1) {
      return level > best.length - 1;
    }
    for (int i = level; i >= 0; i--) {
      if (chain[i] != best[i]) {
        return chain[i] > best[i];
      }
    }
    return false;
  }

  private static void expect(long[][] events, BigInteger window, long end, Expected expected) {
    Arrays.sort(events, Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    best = null;
    int[] chain = new int[K];
    for (int e = 0; e < events.length; e++) {
      if (events[e][1] == 0) {
        chain[0] = e;
        enumerate(events, window, chain, 0);
      }
    }
    if (best == null) {
      expected.notStarted++;
      return;
    }
    int level = best.length - 1;
    BigInteger windowEnd = BigInteger.valueOf(events[best[0]][0]).add(window);
    if (level < K - 1 && windowEnd.compareTo(BigInteger.valueOf(end)) > 0) {
      expected.inProgress[level]++;
    } else {
      for (int i = 0; i <= level; i++) {
        expected.decided[i]++;
      }
    }
    for (int i = 0; i < level; i++) {
      long millis = events[best[i + 1]][0] - events[best[i]][0];
      expected.units.get(i).add(Math.floorDiv(millis, 1000));
    }
  }

  @Test
  void theOrderedFunnelKeepsTheChainAnEnumerationOfEveryChainFinds() {
    qt().withExamples(3000)
        .forAll(
            customers(),
            integers().between(0, 34), // 7 bases times 5 scales
            integers().between(0, 41),
            integers().between(0, 62))
        .checkAssert(
            (customers, where, windowChoice, endChoice) -> {
              // milliseconds, seconds, hours; 2^47 ms, whose spans exceed the packed form of the
              // grouping; 2^53 ms, whose spans of 32 or more offsets exceed the search's packed
              // chains for 5 to 8 events of a customer (see spansAtTheEdgeOfThePackedChains)
              long scale = new long[] {1, 1000, 3_600_000, 1L << 47, 1L << 53}[where / 7];
              long base = base(where % 7, scale);
              // windows of 1 to 36 offsets, or (one in seven) of Long.MAX_VALUE milliseconds
              long windowMillis = windowChoice > 35 ? Long.MAX_VALUE : (windowChoice + 1) * scale;
              long last = base;
              List<long[]> rows = new ArrayList<>(); // customer, stage, time
              for (int c = 0; c < customers.size(); c++) {
                for (int[] e : customers.get(c)) {
                  long t = base + e[1] * scale;
                  rows.add(new long[] {c, e[0], t});
                  last = Math.max(last, t);
                }
              }
              // the observation end: up to 55 after the last event, or (one in nine) Long.MAX_VALUE
              long end = endChoice > 55 ? Long.MAX_VALUE : last + endChoice * scale;
              check(customers.size(), rows, windowMillis, end);
            });
  }

  /**
   * Counts the rows (customer, stage, time) laid out four ways, through the branch-free search and
   * the general one, and compares each result with the enumeration's.
   */
  private static void check(int customers, List<long[]> rows, long windowMillis, long end) {
    BigInteger window = BigInteger.valueOf(windowMillis);
    Expected expected = new Expected();
    for (int c = 0; c < customers; c++) {
      List<long[]> events = new ArrayList<>();
      for (long[] row : rows) {
        if (row[0] == c) {
          events.add(new long[] {row[2], row[1]});
        }
      }
      expect(events.toArray(new long[0][]), window, end, expected);
    }
    WindowedFunnel<String> simple =
        WindowedFunnel.of(STAGES, Duration.ofMillis(windowMillis), FunnelOrder.ORDERED);
    WindowedFunnel<String> general = simple.withStepWindow(1, Duration.ofMillis(Long.MAX_VALUE));
    Random random = new Random(windowMillis ^ rows.size() ^ (rows.isEmpty() ? 0 : rows.get(0)[2]));
    for (int layout = 0; layout < 4; layout++) {
      List<long[]> laid = new ArrayList<>(rows);
      if (layout == 0) {
        // grouped, each customer's events in (time, stage) order, as a sort by customer leaves them
        laid.sort(
            Comparator.<long[]>comparingLong(r -> r[0])
                .thenComparingLong(r -> r[2])
                .thenComparingLong(r -> r[1]));
      } else if (layout == 1) {
        // grouped, each customer's events in a shuffled order
        java.util.Collections.shuffle(laid, random);
        laid.sort(Comparator.comparingLong(r -> r[0]));
      } else if (layout == 2) {
        java.util.Collections.shuffle(laid, random);
      } // layout 3: as given
      int[] customer = new int[laid.size()];
      int[] stage = new int[laid.size()];
      long[] millis = new long[laid.size()];
      for (int i = 0; i < laid.size(); i++) {
        customer[i] = (int) laid.get(i)[0];
        stage[i] = (int) laid.get(i)[1];
        millis[i] = laid.get(i)[2];
      }
      for (WindowedFunnel<String> funnel : List.of(simple, general)) {
        FunnelResult<String> result = funnel.count(customers, customer, stage, millis, end);
        String as = "layout " + layout + ", " + funnel + ", end " + end;
        assertThat(result.notStarted()).as(as).isEqualTo(expected.notStarted);
        for (int i = 0; i < K; i++) {
          assertThat(result.decided().reached(STAGES.get(i))).as(as).isEqualTo(expected.decided[i]);
        }
        for (int i = 0; i < K - 1; i++) { // nobody at the last stage is in progress
          assertThat(result.inProgress(i)).as(as).isEqualTo(expected.inProgress[i]);
        }
        for (int i = 0; i < K - 1; i++) {
          List<Long> units = expected.units.get(i);
          ConversionTimes times = result.conversionTimes(i);
          assertThat(times.count()).as(as).isEqualTo(units.size());
          for (long u : units) {
            long atMost = units.stream().filter(x -> x <= u).count();
            assertThat(times.countAtMost(Duration.ofSeconds(u)))
                .as(as + ", step " + i + " at " + u + " s")
                .isEqualTo(atMost);
          }
        }
      }
    }
  }
}
