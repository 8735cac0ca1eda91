package io.github.cxmetrics.journey;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The counting of a {@link WindowedFunnel} over events as columns: customer index, stage code and
 * time in ticks (nanoseconds or milliseconds since the epoch). Events are grouped by customer
 * (unless they already are; see {@link #run}), each customer's events sorted by time and code, and
 * each customer run through one pass of the chain search; the arrays are reused from customer to
 * customer.
 *
 * <p>Stage codes: {@code 0..k-1} the funnel's stages, {@code k + x} its {@code x}-th exclusion.
 * Sorting by (time, code) therefore puts funnel events before exclusions and earlier stages before
 * later ones at equal times.
 */
final class FunnelEngine {
  /** Customers per partition of unsorted columns: {@code 2^14}, a 64 KB table of offsets. */
  static final int PARTITION_BITS = 14;

  /**
   * The packed chain of {@link #simpleOrdered} for no chain: below every bound it is compared to.
   */
  private static final long NONE = -1L << 62;

  /** The packed chain of {@link #simpleOrdered} before stage 0: above every bound and time. */
  private static final long ALWAYS = 1L << 62;

  private final int k;
  private final int codeCount;
  private final boolean simple;
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
  private final long[] chain;
  private final long[] fusedChain;

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
    this.codeCount = stages + exclusionSteps.length;
    this.simple =
        order == FunnelOrder.ORDERED
            && exclusionSteps.length == 0
            && !strictlyIncreasing
            && Arrays.stream(stepWindows).allMatch(w -> w < 0);
    chain = new long[stages + 1];
    chain[0] = ALWAYS;
    fusedChain = chain.clone();
    chainStart = new long[k];
    chainLast = new long[k];
    chainEvent = new int[k];
    live = new boolean[k];
    chainIds = new long[k];
    kept = new long[k];
    present = new int[k];
  }

  /**
   * Whether {@code start + length > end} for {@code length >= 0}, exactly: a sum beyond {@code
   * Long.MAX_VALUE} ends after every {@code end} (a saturated sum would not end after {@code
   * Long.MAX_VALUE}).
   */
  static boolean endsAfter(long start, long length, long end) {
    long sum = start + length;
    return sum < start || sum > end;
  }

  /** {@code a + b} for {@code b >= 0}, saturating at {@code Long.MAX_VALUE}. */
  static long plus(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  /**
   * Checks the columns and counts every customer's events into a tally from {@code newTally}.
   * Columns grouped by customer (each customer's events contiguous, as a sort by customer or a
   * GROUP BY leaves them) are checked and counted run by run in one pass. Other columns, found out
   * at the first customer that starts a second run, are counted again from the start: checked while
   * counting events by partition of {@link #PARTITION_BITS} bits of customer indices, each event's
   * time, stage code and customer within its partition packed into one {@code long} and scattered
   * to its partition, and each partition grouped by customer in a buffer that stays in the cache.
   * Times spanning more than the packed form holds (63 bits less the code's and the partition's)
   * are grouped by a counting sort over all customers instead.
   *
   * @throws IllegalArgumentException for the first event, in index order, with a customer index
   *     outside {@code [0, customers)}, a stage code outside {@code [0, codeCount)} or a time after
   *     {@code end}, naming the event's index and value
   */
  FunnelResult.Tally run(
      int customers,
      int[] customer,
      int[] code,
      long[] time,
      long end,
      Supplier<FunnelResult.Tally> newTally) {
    FunnelResult.Tally tally = newTally.get();
    if (runGrouped(customers, customer, code, time, end, tally)) {
      return tally;
    }
    tally = newTally.get();
    runPartitioned(customers, customer, code, time, end, tally);
    return tally;
  }

  /**
   * The exception for an event that failed a check: its customer index outside {@code [0,
   * customers)}, else its stage code outside {@code [0, codeCount)}, else its time after {@code
   * end}.
   */
  private IllegalArgumentException badEvent(int c, int s, long t, int at, int customers, long end) {
    if (c < 0 || c >= customers) {
      return new IllegalArgumentException(
          "customer index " + c + " at index " + at + " is outside [0, " + customers + ")");
    }
    if (s < 0 || s >= codeCount) {
      return new IllegalArgumentException(
          "stage code " + s + " at index " + at + " is outside [0, " + codeCount + ")");
    }
    return new IllegalArgumentException(
        "time " + t + " at index " + at + " is after the observation end " + end);
  }

  /**
   * Checks and counts columns grouped by customer, run by run; returns false, leaving a partial
   * tally, at the first customer that starts a second run. For a {@link #simple} funnel the search
   * of {@link #simpleOrdered} runs in the checking loop itself, on the guess that the run is in
   * (time, code) order, has at most {@code 2^bits} events (16, then enough for the largest run
   * seen, up to {@code 2^20}) and spans less than {@code 2^(60 - bits)} ticks, so that its packed
   * chains neither overflow nor lose an index; a run that proves the guess wrong is searched again
   * by {@link #simpleOrdered} with its own bits, or by the general search.
   */
  private boolean runGrouped(
      int customers, int[] customer, int[] code, long[] time, long end, FunnelResult.Tally tally) {
    int n = customer.length;
    long[] seen = new long[(customers >>> 6) + 1];
    // the search of simpleOrdered, run while checking, on the guess that the customer's events are
    // in order, at most 2^bits of them, within a span below 2^(60 - bits) ticks
    int bits = 4;
    int[] parent = new int[1 << bits];
    long[] chain = fusedChain;
    for (int from = 0; from < n; ) {
      int c = customer[from];
      if (c < 0 | c >= customers) {
        throw badEvent(c, 0, end, from, customers, end);
      }
      long bit = 1L << c;
      if ((seen[c >>> 6] & bit) != 0) {
        return false;
      }
      seen[c >>> 6] |= bit;
      int to = from;
      boolean sorted = true;
      long previousTime = Long.MIN_VALUE;
      int previousCode = -1;
      long t0 = time[from];
      int mask = (1 << bits) - 1;
      long cut = Math.min(window, 1L << (60 - bits)) << bits; // the window, cut and shifted
      if (simple) {
        for (int i = 1; i <= k; i++) {
          chain[i] = NONE;
        }
      }
      do {
        int s = code[to];
        long t = time[to];
        if (s < 0 | s >= codeCount | t > end) {
          throw badEvent(c, s, t, to, customers, end);
        }
        sorted &= t > previousTime | (t == previousTime & s >= previousCode);
        previousTime = t;
        previousCode = s;
        if (simple) {
          packedStep(chain, parent, s, (to - from) & mask, (t - t0) << bits, cut, mask);
        }
        to++;
      } while (to < n && customer[to] == c);
      if (simple && sorted) {
        int size = to - from;
        long span = previousTime - t0; // negative when it overflows
        if (size <= mask + 1 && span >= 0 && span < 1L << (60 - bits)) {
          counted(chain, parent, mask, time, from, 0, end, tally);
          from = to;
          continue;
        }
        if (size > mask + 1 && size <= 1 << 20) {
          bits = 32 - Integer.numberOfLeadingZeros(size - 1); // guess larger customers from now
          parent = new int[1 << bits];
        }
        ensureScratch(size);
        if (simpleOrdered(code, time, from, to, 0, end, tally)) {
          from = to;
          continue;
        }
      }
      customer(code, time, from, to, sorted, end, tally);
      from = to;
    }
    return true;
  }

  /**
   * Checks and counts columns not grouped by customer: partitions of {@code 2^PARTITION_BITS}
   * customers, then each partition grouped by customer (see {@link #run}).
   */
  private void runPartitioned(
      int customers, int[] customer, int[] code, long[] time, long end, FunnelResult.Tally tally) {
    int n = customer.length;
    int partitions = (customers >>> PARTITION_BITS) + 1;
    int[] start = new int[partitions + 1];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int c = customer[i];
      int s = code[i];
      long t = time[i];
      if (c < 0 | c >= customers | s < 0 | s >= codeCount | t > end) {
        throw badEvent(c, s, t, i, customers, end);
      }
      start[(c >>> PARTITION_BITS) + 1]++;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (n == 0) {
      return;
    }
    int codeBits = 32 - Integer.numberOfLeadingZeros(codeCount - 1);
    int timeShift = codeBits + PARTITION_BITS;
    long range = max - min; // negative when it overflows
    if (range < 0 || range >>> (63 - timeShift) != 0) {
      runCountingSort(customers, customer, code, time, end, tally);
      return;
    }
    int largest = 0;
    for (int p = 0; p < partitions; p++) {
      largest = Math.max(largest, start[p + 1]);
      start[p + 1] += start[p];
    }
    long[] packed = new long[n];
    int[] next = Arrays.copyOf(start, partitions);
    int mask = (1 << PARTITION_BITS) - 1;
    for (int i = 0; i < n; i++) {
      int c = customer[i];
      packed[next[c >>> PARTITION_BITS]++] =
          (time[i] - min) << timeShift | (long) code[i] << PARTITION_BITS | (c & mask);
    }
    long[] local = new long[largest];
    int[] localStart = new int[mask + 2];
    int codeMask = (1 << codeBits) - 1;
    for (int p = 0; p < partitions; p++) {
      int from = start[p];
      int to = start[p + 1];
      if (from == to) {
        continue;
      }
      Arrays.fill(localStart, 0);
      for (int x = from; x < to; x++) {
        localStart[(int) (packed[x] & mask) + 1]++;
      }
      for (int lc = 0; lc <= mask; lc++) {
        localStart[lc + 1] += localStart[lc];
      }
      // scatter, then localStart[lc] is where customer lc's events end
      for (int x = from; x < to; x++) {
        long v = packed[x];
        local[localStart[(int) (v & mask)]++] = v >>> PARTITION_BITS;
      }
      int begin = 0;
      for (int lc = 0; lc <= mask; lc++) {
        int stop = localStart[lc];
        if (stop > begin) {
          packedCustomer(local, begin, stop, min, codeBits, codeMask, end, tally);
        }
        begin = stop;
      }
    }
  }

  /**
   * Counts one customer's events packed as {@code (time - min) << codeBits | code} in {@code [from,
   * to)}, sorting them first unless they are in order.
   */
  private void packedCustomer(
      long[] local,
      int from,
      int to,
      long min,
      int codeBits,
      int codeMask,
      long end,
      FunnelResult.Tally tally) {
    int size = to - from;
    boolean sorted = true;
    for (int x = from + 1; x < to; x++) {
      sorted &= local[x - 1] <= local[x];
    }
    if (!sorted) {
      Arrays.sort(local, from, to);
    }
    ensureScratch(size);
    for (int x = 0; x < size; x++) {
      long v = local[from + x];
      codes[x] = (int) v & codeMask;
      times[x] = v >>> codeBits;
    }
    if (simple && simpleOrdered(codes, times, 0, size, min, end, tally)) {
      return;
    }
    for (int x = 0; x < size; x++) {
      times[x] += min;
    }
    run(codes, times, 0, size, end, tally);
  }

  /** Groups columns with a stable counting sort over all customers, then counts each customer. */
  private void runCountingSort(
      int customers, int[] customer, int[] code, long[] time, long end, FunnelResult.Tally tally) {
    int n = customer.length;
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
        customer(
            groupedCode,
            groupedTime,
            start[c],
            start[c + 1],
            inOrder(groupedCode, groupedTime, start[c], start[c + 1]),
            end,
            tally);
      }
    }
  }

  private void ensureScratch(int size) {
    if (times.length < size) {
      int capacity = Math.max(size, 2 * times.length);
      times = new long[capacity];
      codes = new int[capacity];
      sortIndex = new int[capacity];
      sortBuffer = new int[capacity];
      sortedTimes = new long[capacity];
    }
    if (parent.length < size) {
      parent = new int[Math.max(size, 2 * parent.length)];
    }
  }

  /**
   * Counts one customer: the events {@code [from, to)} of the columns, read in place when they are
   * in (time, code) order ({@code sorted}), else copied to the scratch arrays and sorted there.
   */
  private void customer(
      int[] code,
      long[] time,
      int from,
      int to,
      boolean sorted,
      long end,
      FunnelResult.Tally tally) {
    int size = to - from;
    ensureScratch(size);
    if (sorted) {
      run(code, time, from, to, end, tally);
      return;
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
      open =
          endsAfter(kept[0], window, end)
              && (stepWindows[keptLevel] < 0
                  || endsAfter(kept[keptLevel], stepWindows[keptLevel], end));
    }
    tally.add(kept, keptLevel, open);
  }

  /**
   * The {@link #ordered} search for a {@link #simple} funnel, where a chain is one {@code long}:
   * its first step's time, less the customer's first event time {@code t0}, shifted left by {@code
   * b} bits, and in those bits the index (from {@code from}) of its last step, {@code b} the bits
   * of the largest index. {@code chain[j + 1]} holds the chain at stage {@code j} (the one with the
   * latest first step, as in {@link #ordered}), {@link #NONE} for none, and {@code chain[0] =
   * }{@link #ALWAYS}, so that every first step starts a chain. An event of stage {@code j} at
   * {@code t} extends the chain at {@code j - 1} when {@code t <= first + W}, that is when the
   * packed chain is at least {@code (t - t0 - W) << b}, whatever its index bits; the new chain
   * keeps the first step ({@code min} of the packed chain and {@code (t - t0) << b} keeps it, and
   * gives {@code t} itself after {@link #ALWAYS}) and takes the event's index. Each event records
   * the last step of the chain it would extend ({@code parent}), so the kept chain is read back
   * from its last step. The choices are made by sign masks instead of branches, since the stage of
   * the next event cannot be predicted. The window is cut to the span of the customer's times plus
   * one, which accepts the same steps, and no sum or difference overflows while {@code (span + 1)
   * << b < 2^61}; otherwise returns false, having counted nothing. Events are {@code [from, to)} in
   * (time, code) order, their times {@code time[e] + offset}. Gives the kept chain of {@link
   * #ordered}; the tests check both against an enumeration of every chain.
   *
   * @return whether the customer was counted
   */
  private boolean simpleOrdered(
      int[] code, long[] time, int from, int to, long offset, long end, FunnelResult.Tally tally) {
    int size = to - from;
    int b = 32 - Integer.numberOfLeadingZeros(size - 1);
    long t0 = time[from];
    long span = time[to - 1] - t0; // negative when it overflows
    if (span < 0 || span >= (1L << (61 - b)) - 1) {
      return false;
    }
    long[] chain = this.chain;
    int[] parent = this.parent;
    for (int i = 1; i <= k; i++) {
      chain[i] = NONE;
    }
    long window = Math.min(this.window, span + 1) << b;
    int indexMask = (1 << b) - 1;
    for (int e = from; e < to; e++) {
      packedStep(chain, parent, code[e], e - from, (time[e] - t0) << b, window, indexMask);
    }
    counted(chain, parent, indexMask, time, from, offset, end, tally);
    return true;
  }

  /**
   * One event of the search of {@link #simpleOrdered}: an event of stage {@code j} at packed time
   * {@code r} (its time from the customer's first, shifted left by the index bits), index {@code
   * x}, against the packed window {@code cut}. It records the last step of the chain at {@code j -
   * 1} as its parent and, unless it is past that chain's window, replaces the chain at {@code j}
   * ({@code chain[j + 1]}) with the one it makes, choosing by a sign mask.
   */
  private static void packedStep(
      long[] chain, int[] parent, int j, int x, long r, long cut, int mask) {
    long p = chain[j];
    long missed = (p - (r - cut)) >> 63; // all ones when the event is past the window
    parent[x] = (int) p & mask;
    chain[j + 1] = (chain[j + 1] & missed) | ((Math.min(p, r) & ~(long) mask | x) & ~missed);
  }

  /**
   * Counts a customer after the search of {@link #simpleOrdered}: its furthest stage, and the chain
   * kept there read back through {@code parent} from the index in its low bits ({@code indexMask}),
   * in progress at {@code end} if its window is still open.
   */
  private void counted(
      long[] chain,
      int[] parent,
      int indexMask,
      long[] time,
      int from,
      long offset,
      long end,
      FunnelResult.Tally tally) {
    // a chain at a stage means chains at every earlier stage
    int level = -1;
    for (int i = 1; i <= k; i++) {
      level += (int) (~chain[i] >>> 63);
    }
    if (level < 0) {
      tally.notStarted();
      return;
    }
    for (int i = level, x = (int) chain[level + 1] & indexMask; i >= 0; i--, x = parent[x]) {
      kept[i] = time[from + x] + offset;
    }
    tally.add(kept, level, level < k - 1 && endsAfter(kept[0], window, end));
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
    Arrays.fill(present, 0);
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
    Arrays.fill(kept, Long.MIN_VALUE);
    for (int e = bestStart; e < to && time[e] <= limit; e++) {
      if (kept[code[e]] == Long.MIN_VALUE) {
        kept[code[e]] = time[e]; // first occurrence of the stage in the window
      }
    }
    for (int i = 1; i <= best; i++) {
      kept[i] = Math.max(kept[i], kept[i - 1]);
    }
    tally.add(kept, best, best < k - 1 && endsAfter(time[bestStart], window, end));
  }
}
