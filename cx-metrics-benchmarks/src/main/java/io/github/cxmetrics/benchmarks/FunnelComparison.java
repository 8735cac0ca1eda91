package io.github.cxmetrics.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares builds of the windowed funnel in one JVM: each build's {@code WindowedFunnel.count} on
 * the events of {@link FunnelBenchmark}, called in turn with the group-by pass, round after round,
 * so that every build and the baseline see the same state of a noisy machine. Separate JMH forks of
 * two builds, minutes apart, differed by more than the change being measured on a 2-core cloud
 * machine; calls alternated within one process do not share that drift. Each build is a directory
 * of {@code cx-metrics-core} classes (such as {@code cx-metrics-core/target/classes} copied aside
 * before a change), loaded by its own class loader.
 *
 * <p>Usage: {@code java -Xmx8g -cp <benchmarks classes and their class path> FunnelComparison
 * <size> <BY_TIME|BY_CUSTOMER> <rounds> <classes directory>...}. Prints, per build and for the
 * group-by pass, the median, fastest and slowest call, and the median of each round's ratio to the
 * group-by pass of the same round. Two rounds are run first and not counted (compilation); the
 * first counted call of every build must give the same result as the first build's, else the
 * comparison stops.
 *
 * <p>This is a measuring tool for changes to the funnel, not one of the benchmarks of the main job;
 * its figures are wall time per call ({@link System#nanoTime}), without JMH's guards, so they are
 * for comparing builds with each other, not for reporting alone.
 */
public final class FunnelComparison {
  private FunnelComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args the number of events, the layout, the number of rounds and the class directories
   * @throws IllegalArgumentException if fewer than four arguments are given, the size or rounds are
   *     not positive, or a directory does not exist
   * @throws ReflectiveOperationException if a directory holds no usable {@code WindowedFunnel}
   */
  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "usage: FunnelComparison <size> <BY_TIME|BY_CUSTOMER> <rounds> <classes directory>...");
    }
    FunnelBenchmark events = new FunnelBenchmark();
    events.size = positive("size", args[0]);
    events.layout = FunnelBenchmark.Layout.valueOf(args[1]);
    int rounds = positive("rounds", args[2]);
    events.setUp();
    int builds = args.length - 3;
    Object[] funnels = new Object[builds];
    Method[] count = new Method[builds];
    for (int b = 0; b < builds; b++) {
      Class<?> type = load(args[3 + b]);
      Class<?> orders = type.getClassLoader().loadClass("io.github.cxmetrics.journey.FunnelOrder");
      Method of = type.getMethod("of", List.class, Duration.class, orders);
      funnels[b] =
          of.invoke(
              null,
              FunnelBenchmark.STAGES,
              FunnelBenchmark.WINDOW,
              orders.getField("ORDERED").get(null));
      count[b] =
          type.getMethod("count", int.class, int[].class, int[].class, long[].class, long.class);
    }
    double[][] millis = new double[builds + 1][rounds];
    String first = null;
    for (int round = -2; round < rounds; round++) {
      for (int b = 0; b <= builds; b++) {
        long start = System.nanoTime();
        Object result = b == builds ? events.groupByCustomer() : call(count[b], funnels[b], events);
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (round >= 0) {
          millis[b][round] = elapsed;
        }
        if (round == 0 && b < builds) {
          String text = result.toString();
          if (first == null) {
            first = text;
          } else if (!first.equals(text)) {
            throw new IllegalStateException(
                args[3 + b] + " gives " + text + ", " + args[3] + " gives " + first);
          }
        }
      }
    }
    for (int b = 0; b <= builds; b++) {
      double[] sorted = millis[b].clone();
      Arrays.sort(sorted);
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratios[round] = millis[b][round] / millis[builds][round];
      }
      Arrays.sort(ratios);
      System.out.printf(
          Locale.ROOT,
          "%s: median %.1f ms (fastest %.1f, slowest %.1f), median ratio to the group-by %.2f%n",
          b == builds ? "group-by pass" : args[3 + b],
          sorted[rounds / 2],
          sorted[0],
          sorted[rounds - 1],
          ratios[rounds / 2]);
    }
  }

  private static int positive(String name, String value) {
    int parsed = Integer.parseInt(value);
    if (parsed <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return parsed;
  }

  /** {@code WindowedFunnel} from the classes in {@code directory}, in a class loader of its own. */
  private static Class<?> load(String directory) throws ClassNotFoundException {
    Path path = Path.of(directory);
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("no classes directory " + directory);
    }
    URL url;
    try {
      url = path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("no classes directory " + directory, e);
    }
    ClassLoader loader = new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader());
    return loader.loadClass("io.github.cxmetrics.journey.WindowedFunnel");
  }

  private static Object call(Method count, Object funnel, FunnelBenchmark events)
      throws IllegalAccessException {
    try {
      return count.invoke(
          funnel,
          events.customers,
          events.customer,
          events.stage,
          events.millis,
          FunnelBenchmark.END);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the funnel failed", e.getCause());
    }
  }
}
