package io.github.cxmetrics.journey;

/**
 * The counting of a {@link WindowedFunnel} over events as columns: customer index, stage code and
 * time in ticks (nanoseconds or milliseconds since the epoch). Events are grouped by customer
 * (unless they already are) with a counting sort (stable, so input order breaks the remaining
 * ties), each customer's events sorted by time and code, and each customer run through one pass of
 * the chain search; the arrays are reused from customer to customer.
 *
 * <p>Stage codes: {@code 0..k-1} the funnel's stages, {@code k + x} its {@code x}-th exclusion.
 * Sorting by (time, code) therefore puts funnel events before exclusions and earlier stages before
 * later ones at equal times.
 */
final class FunnelEngine {
  private final int k;
  private final FunnelOrder order;
  private final long window;
  private final long[] stepWindows; // -1: none
  private final int[][] exclusionSteps;
  private final boolean strictlyIncreasing;

  // per-customer scratch
  private long[] times = new long[16];
  private int[] codes = new int[16];
  private int[] sortIndex = new int[16];
  private int[] sortBuffer = new int[16];
  private long[] sortedTimes = new long[16];
  private int[] parent = new int[16];
  private final long[] chainStart;
  private final long[] chainLast;
  private final int[] chainEvent;
  private final boolean[] live;
  private final long[] chainIds;
  private final long[] kept;
  private final int[] present;

  FunnelEngine(
      int stages,
      FunnelOrder order,
      long window,
      long[] stepWindows,
      int[][] exclusionSteps,
      boolean strictlyIncreasing) {
    this.k = stages;
    this.order = order;
    this.window = window;
    this.stepWindows = stepWindows;
    this.exclusionSteps = exclusionSteps;
    this.strictlyIncreasing = strictlyIncreasing;
    chainStart = new long[k];
    chainLast = new long[k];
    chainEvent = new int[k];
    live = new boolean[k];
    chainIds = new long[k];
    kept = new long[k];
    present = new int[k];
  }

  /** {@code a + b} for {@code b >= 0}, saturating at {@code Long.MAX_VALUE}. */
  static long plus(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  /**
   * Counts every customer's events into {@code tally}. Input already grouped by customer (each
   * customer's events contiguous, as a sort by customer or a GROUP BY leaves them) is read run by
   * run; other input is first grouped by a stable counting sort that scatters each event's time and
   * code to its customer's segment.
   */
  void run(
      int customers, int[] customer, int[] code, long[] time, long end, FunnelResult.Tally tally) {
    int n = customer.length;
    if (grouped(customers, customer)) {
      for (int from = 0; from < n; ) {
        int to = from + 1;
        while (to < n && customer[to] == customer[from]) {
          to++;
        }
        customer(code, time, from, to, end, tally);
        from = to;
      }
      return;
    }
    int[] start = new int[customers + 1];
    for (int c : customer) {
      start[c + 1]++;
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    long[] groupedTime = new long[n];
    int[] groupedCode = new int[n];
    int[] next = start.clone();
    for (int i = 0; i < n; i++) {
      int at = next[customer[i]]++;
      groupedTime[at] = time[i];
      groupedCode[at] = code[i];
    }
    for (int c = 0; c < customers; c++) {
      if (start[c + 1] > start[c]) {
        customer(groupedCode, groupedTime, start[c], start[c + 1], end, tally);
      }
    }
  }

  /** Whether every customer's events are contiguous: no customer starts a second run. */
  private static boolean grouped(int customers, int[] customer) {
    long[] seen = new long[(customers >>> 6) + 1];
    for (int i = 0; i < customer.length; i++) {
      int c = customer[i];
      if (i == 0 || c != customer[i - 1]) {
        long bit = 1L << c;
        if ((seen[c >>> 6] & bit) != 0) {
          return false;
        }
        seen[c >>> 6] |= bit;
      }
    }
    return true;
  }

  /**
   * Counts one customer: the events {@code [from, to)} of the columns, read in place when they are
   * already in (time, code) order, else copied to the scratch arrays and sorted there.
   */
  private void customer(
      int[] code, long[] time, int from, int to, long end, FunnelResult.Tally tally) {
    int size = to - from;
    if (parent.length < size) {
      int capacity = Math.max(size, 2 * parent.length);
      parent = new int[capacity];
    }
    if (inOrder(code, time, from, to)) {
      run(code, time, from, to, end, tally);
      return;
    }
    if (times.length < size) {
      int capacity = Math.max(size, 2 * times.length);
      times = new long[capacity];
      codes = new int[capacity];
      sortIndex = new int[capacity];
      sortBuffer = new int[capacity];
      sortedTimes = new long[capacity];
    }
    System.arraycopy(time, from, times, 0, size);
    System.arraycopy(code, from, codes, 0, size);
    sort(size);
    run(codes, times, 0, size, end, tally);
  }

  private void run(int[] code, long[] time, int from, int to, long end, FunnelResult.Tally tally) {
    if (order == FunnelOrder.ANY) {
      anyOrder(code, time, from, to, end, tally);
    } else {
      ordered(code, time, from, to, end, tally);
    }
  }

  /** Whether the events {@code [from, to)} are in (time, code) order. */
  private static boolean inOrder(int[] code, long[] time, int from, int to) {
    for (int e = from + 1; e < to; e++) {
      if (time[e - 1] > time[e] || (time[e - 1] == time[e] && code[e - 1] > code[e])) {
        return false;
      }
    }
    return true;
  }

  /** Sorts the first {@code size} scratch events by (time, code), stably, allocating nothing. */
  private void sort(int size) {
    for (int j = 0; j < size; j++) {
      sortIndex[j] = j;
    }
    mergeSort(0, size);
    for (int j = 0; j < size; j++) {
      sortedTimes[j] = times[sortIndex[j]];
      sortBuffer[j] = codes[sortIndex[j]];
    }
    System.arraycopy(sortedTimes, 0, times, 0, size);
    System.arraycopy(sortBuffer, 0, codes, 0, size);
  }

  private int compare(int a, int b) {
    int byTime = Long.compare(times[a], times[b]);
    return byTime != 0 ? byTime : Integer.compare(codes[a], codes[b]);
  }

  /** Stable merge sort of {@code sortIndex[from, to)} by {@link #compare}. */
  private void mergeSort(int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(from, mid);
    mergeSort(mid, to);
    int a = from;
    int b = mid;
    int out = from;
    while (a < mid && b < to) {
      sortBuffer[out++] =
          compare(sortIndex[a], sortIndex[b]) <= 0 ? sortIndex[a++] : sortIndex[b++];
    }
    while (a < mid) {
      sortBuffer[out++] = sortIndex[a++];
    }
    while (b < to) {
      sortBuffer[out++] = sortIndex[b++];
    }
    System.arraycopy(sortBuffer, from, sortIndex, from, to - from);
  }

  /**
   * The ordered and strict orders: for each stage the chain at that stage with the latest first
   * step, which dominates every other there (a later start leaves a later window end, and its last
   * step, written later, a later per-step deadline), so one pass finds the furthest stage. A chain
   * at stage {@code i} is held as its first step's time, its last step's time and event, and each
   * event that extends a chain records the event it extended ({@code parent}), so that the kept
   * chain's step times are read back at the end instead of being copied at every step.
   */
  private void ordered(
      int[] code, long[] time, int from, int to, long end, FunnelResult.Tally tally) {
    for (int i = 0; i < k; i++) {
      live[i] = false;
    }
    long nextId = 0;
    long keptId = -1;
    int keptLevel = -1;
    int keptEvent = -1;
    boolean keptEnded = false;
    for (int e = from; e < to; e++) {
      long t = time[e];
      int j = code[e];
      if (j >= k) {
        for (int step : exclusionSteps[j - k]) {
          if (live[step] && t > chainLast[step]) {
            live[step] = false;
            keptEnded |= chainIds[step] == keptId;
          }
        }
        continue;
      }
      boolean made = false;
      if (j == 0) {
        chainStart[0] = t;
        parent[e - from] = -1;
        made = true;
      } else if (live[j - 1] && canAdvance(j - 1, t)) {
        chainStart[j] = chainStart[j - 1];
        parent[e - from] = chainEvent[j - 1];
        made = true;
      }
      if (order == FunnelOrder.STRICT) {
        for (int i = 0; i < k; i++) {
          if (live[i] && i != j && i + 1 != j) {
            live[i] = false; // another funnel stage between two steps
            keptEnded |= chainIds[i] == keptId;
          }
        }
      }
      if (made) {
        chainLast[j] = t;
        chainEvent[j] = e;
        live[j] = true;
        chainIds[j] = nextId++;
        if (j >= keptLevel) {
          keptLevel = j;
          keptId = chainIds[j];
          keptEvent = e;
          keptEnded = false;
        }
      }
    }
    if (keptLevel < 0) {
      tally.notStarted();
      return;
    }
    for (int i = keptLevel, e = keptEvent; i >= 0; i--, e = parent[e - from]) {
      kept[i] = time[e];
    }
    boolean open = false;
    if (keptLevel < k - 1 && !keptEnded) {
      long deadline = plus(kept[0], window);
      if (stepWindows[keptLevel] >= 0) {
        deadline = Math.min(deadline, plus(kept[keptLevel], stepWindows[keptLevel]));
      }
      open = deadline > end;
    }
    tally.add(kept, keptLevel, open);
  }

  /** Whether the chain at stage {@code level} can take a step at {@code t}. */
  private boolean canAdvance(int level, long t) {
    if (t > plus(chainStart[level], window)) {
      return false;
    }
    if (stepWindows[level] >= 0 && t > plus(chainLast[level], stepWindows[level])) {
      return false;
    }
    return !strictlyIncreasing || t > chainLast[level];
  }

  /**
   * Any order: for each event as the start of a window {@code [s, s + W]}, the furthest stage
   * {@code i} such that stages {@code 0..i} all occur in the window; the kept window is the latest
   * start reaching the furthest stage, and stage {@code i}'s time is when stages {@code 0..i} have
   * all occurred in it.
   */
  private void anyOrder(
      int[] code, long[] time, int from, int to, long end, FunnelResult.Tally tally) {
    java.util.Arrays.fill(present, 0);
    int best = -1;
    int bestStart = -1;
    int stop = from; // events [first, stop) are in the window
    for (int first = from; first < to; first++) {
      long limit = plus(time[first], window);
      while (stop < to && time[stop] <= limit) {
        present[code[stop]]++;
        stop++;
      }
      int level = -1;
      while (level + 1 < k && present[level + 1] > 0) {
        level++;
      }
      if (level >= 0 && level >= best) {
        best = level;
        bestStart = first;
      }
      present[code[first]]--;
    }
    if (best < 0) {
      tally.notStarted();
      return;
    }
    long limit = plus(time[bestStart], window);
    java.util.Arrays.fill(kept, Long.MIN_VALUE);
    for (int e = bestStart; e < to && time[e] <= limit; e++) {
      if (kept[code[e]] == Long.MIN_VALUE) {
        kept[code[e]] = time[e]; // first occurrence of the stage in the window
      }
    }
    for (int i = 1; i <= best; i++) {
      kept[i] = Math.max(kept[i], kept[i - 1]);
    }
    tally.add(kept, best, best < k - 1 && limit > end);
  }
}
