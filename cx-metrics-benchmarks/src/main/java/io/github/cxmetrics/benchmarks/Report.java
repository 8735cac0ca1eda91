package io.github.cxmetrics.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The main job: runs JMH with the given command-line options (as {@code org.openjdk.jmh.Main}
 * would), then prints a summary a person can read: each library path's time per answer and its
 * ratios to the baselines measured in the same run, with what each baseline is. With the system
 * property {@code cx.bench.report} set to a file name, the summary is also written there as
 * Markdown, for BENCHMARKS.md.
 */
public final class Report {
  private static final String SURVEY = SurveyBenchmark.class.getName() + ".";
  private static final String MERGE = MergeBenchmark.class.getName() + ".";
  private static final String BG_NBD = BgNbdBenchmark.class.getName() + ".";
  private static final String VALIDATION = ValidationBenchmark.class.getName() + ".";
  private static final String BOOTSTRAP = BootstrapBenchmark.class.getName() + ".";
  private static final String CONTRACTUAL = ContractualBenchmark.class.getName() + ".";
  private static final String FUNNEL = FunnelBenchmark.class.getName() + ".";
  private static final String BG_BB = BgBbBenchmark.class.getName() + ".";
  private static final String PARETO = ParetoNbdBenchmark.class.getName() + ".";

  private Report() {}

  /**
   * Runs the benchmarks and prints the summary.
   *
   * @param args JMH command-line options
   * @throws CommandLineOptionException if JMH rejects the options
   * @throws RunnerException if a benchmark fails
   * @throws IOException if the Markdown report cannot be written
   */
  public static void main(String[] args)
      throws CommandLineOptionException, RunnerException, IOException {
    CommandLineOptions options = new CommandLineOptions(args);
    Collection<RunResult> results = new Runner(options).run();
    List<String> lines = summary(results);
    System.out.println();
    lines.forEach(System.out::println);
    String report = System.getProperty("cx.bench.report", "");
    if (!report.isBlank()) {
      Files.write(Path.of(report), lines, StandardCharsets.UTF_8);
      System.out.println("(written to " + report + ")");
    }
  }

  /** One measured benchmark: its method, parameters and score in milliseconds per operation. */
  private record Row(String method, Map<String, String> params, double millis) {}

  private static List<Row> rows(Collection<RunResult> results, String prefix) {
    List<Row> rows = new ArrayList<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      if (!name.startsWith(prefix)) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (String key : result.getParams().getParamsKeys()) {
        params.put(key, result.getParams().getParam(key));
      }
      double score = result.getPrimaryResult().getScore();
      double millis = toMillis(score, result.getPrimaryResult().getScoreUnit());
      rows.add(new Row(name.substring(prefix.length()), params, millis));
    }
    return rows;
  }

  private static double toMillis(double score, String unit) {
    return switch (unit) {
      case "ns/op" -> score / 1e6;
      case "us/op" -> score / 1e3;
      case "ms/op" -> score;
      case "s/op" -> score * 1e3;
      default -> throw new IllegalStateException("unexpected JMH unit " + unit);
    };
  }

  /** The summary as Markdown lines, which read as plain text too. */
  static List<String> summary(Collection<RunResult> results) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "## Summary (%s %s)",
            System.getProperty("java.vm.name"),
            System.getProperty("java.version")));
    surveyTables(rows(results, SURVEY), out);
    List<Row> merges = rows(results, MERGE);
    if (!merges.isEmpty()) {
      out.add("");
      out.add("Merging 10,000 partial aggregates of 100 answers each:");
      out.add("");
      out.add("| path | ms per 10,000 merges |");
      out.add("|---|---:|");
      for (Row row : merges) {
        out.add(String.format(Locale.ROOT, "| `%s` | %.3f |", row.method(), row.millis()));
      }
    }
    bgNbdTable(rows(results, BG_NBD), out);
    bgBbLine(rows(results, BG_BB), out);
    paretoTable(rows(results, PARETO), out);
    validationTable(rows(results, VALIDATION), rows(results, BOOTSTRAP), out);
    contractualTable(rows(results, CONTRACTUAL), out);
    funnelTable(rows(results, FUNNEL), out);
    return out;
  }

  private static void surveyTables(List<Row> rows, List<String> out) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      String key = "mix " + row.params().get("mix") + ", " + row.params().get("size") + " answers";
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
      Map<String, Double> byMethod = new LinkedHashMap<>();
      group.getValue().forEach(row -> byMethod.put(row.method(), row.millis()));
      double size = Double.parseDouble(group.getValue().get(0).params().get("size"));
      Double sumInt = byMethod.get("baselineSumInt");
      Double sumByte = byMethod.get("baselineSumByte");
      Double streams = byMethod.get("baselineStreams");
      out.add("");
      out.add("Survey paths, " + group.getKey() + ":");
      out.add("");
      out.add("| path | ns per answer | ÷ plain sum (a) | streams (b) ÷ path |");
      out.add("|---|---:|---:|---:|");
      for (Map.Entry<String, Double> entry : byMethod.entrySet()) {
        String method = entry.getKey();
        double millis = entry.getValue();
        if (method.startsWith("baseline")) {
          continue;
        }
        Double sum = method.contains("Byte") ? sumByte : sumInt;
        out.add(
            String.format(
                Locale.ROOT,
                "| `%s` | %.3f | %s | %s |",
                method,
                millis * 1e6 / size,
                ratio(millis, sum),
                ratio(streams, millis)));
      }
      out.add("");
      out.add(
          String.format(
              Locale.ROOT,
              "(a) plain sum: `baselineSumInt`, a `long` sum over the same `int[]` (%s ns per"
                  + " answer), or `baselineSumByte` over the `byte[]` for byte paths (%s): the"
                  + " memory-bandwidth floor.",
              perAnswer(sumInt, size),
              perAnswer(sumByte, size)));
      out.add(
          String.format(
              Locale.ROOT,
              "(b) streams: `baselineStreams`, what a developer writes without the library (a"
                  + " range check, then two filtered counts over the `int[]`; %s ns per answer).",
              perAnswer(streams, size)));
    }
  }

  private static void bgNbdTable(List<Row> rows, List<String> out) {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, Map<String, Double>> byBase = byBase(rows);
    out.add("");
    out.add(
        "BG/NBD and MBG/NBD maximum-likelihood fits (baseline: one BG/NBD log-likelihood pass over"
            + " the same base):");
    out.add("");
    out.add(
        "| base | BG/NBD fit, ms | one pass, ms | fit ÷ pass | MBG/NBD fit, ms | ÷ BG/NBD fit |");
    out.add("|---|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, Map<String, Double>> base : byBase.entrySet()) {
      Double fit = base.getValue().get("fit");
      Double pass = base.getValue().get("logLikelihood");
      Double mbg = base.getValue().get("mbgNbdFit");
      out.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |",
              base.getKey(),
              millis(fit),
              millis(pass),
              ratio(fit, pass),
              millis(mbg),
              ratio(mbg, fit)));
    }
  }

  private static void paretoTable(List<Row> rows, List<String> out) {
    if (rows.isEmpty()) {
      return;
    }
    out.add("");
    out.add(
        "Pareto/NBD, MBG/NBD and BG/NBD maximum-likelihood fits of the same base (baseline: the"
            + " BG/NBD fit):");
    out.add("");
    out.add(
        "| base | Pareto/NBD fit, ms | ÷ BG/NBD | MBG/NBD fit, ms | ÷ BG/NBD | BG/NBD fit, ms |");
    out.add("|---|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, Map<String, Double>> base : byBase(rows).entrySet()) {
      Double pareto = base.getValue().get("paretoNbdFit");
      Double mbg = base.getValue().get("mbgNbdFit");
      Double bg = base.getValue().get("bgNbdFit");
      out.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |",
              base.getKey(),
              millis(pareto),
              ratio(pareto, bg),
              millis(mbg),
              ratio(mbg, bg),
              millis(bg)));
    }
  }

  private static void bgBbLine(List<Row> rows, List<String> out) {
    Double fit = null;
    Double pass = null;
    for (Row row : rows) {
      if (row.method().equals("fit")) {
        fit = row.millis();
      } else if (row.method().equals("logLikelihood")) {
        pass = row.millis();
      }
    }
    if (fit == null && pass == null) {
      return;
    }
    out.add("");
    out.add(
        String.format(
            Locale.ROOT,
            "BG/BB fit of 1,000,000 simulated donors as patterns: %s ms (one log-likelihood pass %s"
                + " ms, fit ÷ pass %s).",
            millis(fit),
            millis(pass),
            ratio(fit, pass)));
  }

  private static void validationTable(List<Row> rows, List<Row> bootstrap, List<String> out) {
    if (!rows.isEmpty()) {
      Map<String, Map<String, Double>> byBase = byBase(rows);
      out.add("");
      out.add(
          "Validating a BG/NBD fit (the four diagnostics of a calibration/holdout split; the"
              + " delta-method SE of the base's expected holdout purchases; baseline: one"
              + " log-likelihood pass):");
      out.add("");
      out.add("| base | diagnostics, ms | ÷ pass | base prediction + SE, ms | ÷ pass |");
      twoPathRows(byBase, "diagnostics", "basePrediction", out);
    }
    Double replicates = null;
    Double fit = null;
    for (Row row : bootstrap) {
      if (row.method().equals("bootstrap200")) {
        replicates = row.millis();
      } else if (row.method().equals("fit")) {
        fit = row.millis();
      }
    }
    if (replicates != null) {
      out.add("");
      out.add(
          String.format(
              Locale.ROOT,
              "Bootstrap of the CDNOW fit, 200 replicates: %s ms (%s fits of the original base).",
              millis(replicates),
              ratio(replicates, fit)));
    }
  }

  private static void contractualTable(List<Row> rows, List<String> out) {
    if (rows.isEmpty()) {
      return;
    }
    out.add("");
    out.add(
        "Contractual fits from cohort arrays (counts built, then the fit with standard errors;"
            + " baseline: one sBG log-likelihood pass):");
    out.add("");
    out.add("| base | sBG fit, ms | ÷ pass | BdW fit, ms | ÷ pass |");
    twoPathRows(byBase(rows), "fitSbg", "fitBdw", out);
  }

  private static void funnelTable(List<Row> rows, List<String> out) {
    if (rows.isEmpty()) {
      return;
    }
    out.add("");
    out.add(
        "Ordered windowed funnel over event columns (6 stages, 7-day window; baseline: one"
            + " group-by pass keeping each customer's furthest stage):");
    out.add("");
    out.add("| events, layout | funnel, ms | group-by, ms | funnel ÷ group-by |");
    out.add("|---|---:|---:|---:|");
    for (Map.Entry<String, Map<String, Double>> size : byParam(rows, "size", "layout").entrySet()) {
      Double funnel = size.getValue().get("windowedFunnel");
      Double groupBy = size.getValue().get("groupByCustomer");
      out.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |",
              size.getKey(),
              millis(funnel),
              millis(groupBy),
              ratio(funnel, groupBy)));
    }
  }

  /**
   * The rows of a table of two paths per base, each in milliseconds and as a ratio to the base's
   * {@code logLikelihood} pass, after the alignment row.
   */
  private static void twoPathRows(
      Map<String, Map<String, Double>> byBase, String first, String second, List<String> out) {
    out.add("|---|---:|---:|---:|---:|");
    for (Map.Entry<String, Map<String, Double>> base : byBase.entrySet()) {
      Double a = base.getValue().get(first);
      Double b = base.getValue().get(second);
      Double pass = base.getValue().get("logLikelihood");
      out.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |",
              base.getKey(),
              millis(a),
              ratio(a, pass),
              millis(b),
              ratio(b, pass)));
    }
  }

  /** The rows' times by the {@code base} parameter, then by method. */
  private static Map<String, Map<String, Double>> byBase(List<Row> rows) {
    return byParam(rows, "base");
  }

  /** The rows' times by the values of some parameters (joined by ", "), then by method. */
  private static Map<String, Map<String, Double>> byParam(List<Row> rows, String... params) {
    Map<String, Map<String, Double>> byValue = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> values = new ArrayList<>();
      for (String param : params) {
        values.add(row.params().get(param));
      }
      byValue
          .computeIfAbsent(String.join(", ", values), k -> new LinkedHashMap<>())
          .put(row.method(), row.millis());
    }
    return byValue;
  }

  private static String millis(Double millis) {
    return millis == null ? "-" : String.format(Locale.ROOT, "%.3f", millis);
  }

  private static String ratio(Double numerator, Double denominator) {
    if (numerator == null || denominator == null || denominator == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", numerator / denominator);
  }

  private static String perAnswer(Double millis, double size) {
    return millis == null
        ? "not measured"
        : String.format(Locale.ROOT, "%.3f", millis * 1e6 / size);
  }
}
