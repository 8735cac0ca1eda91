package example;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every program of README.md (extracted at build time by {@code src/build/ReadmePrograms.java})
 * against the library as a user gets it, each in a JVM of its own with this JVM's options and class
 * path, and fails unless each ends normally and prints exactly the output the README shows.
 *
 * <p>Arguments: the extraction directory, then the arguments passed to every program (the CDNOW
 * sample's path, which the CLV program reads).
 */
public final class RunReadme {
  private RunReadme() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of(args[0]);
    List<String> programArgs = List.of(args).subList(1, args.length);
    List<String> programs = Files.readAllLines(dir.resolve("programs.txt"));
    if (programs.isEmpty()) {
      throw new IllegalStateException("no README programs in " + dir);
    }
    List<String> failures = new ArrayList<>();
    for (String program : programs) {
      String actual = normalise(run(program, programArgs));
      String expected = normalise(Files.readString(dir.resolve("expected/" + program + ".txt")));
      if (expected.equals(actual)) {
        System.out.printf("README program %s prints what the README shows%n", program);
      } else {
        failures.add(program + " printed:\n" + actual + "\nbut README.md shows:\n" + expected);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n\n", failures));
    }
  }

  /** Runs {@code program} in a new JVM and returns its standard output; fails on a non-zero exit. */
  private static String run(String program, List<String> programArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(program);
    command.addAll(programArgs);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("README program " + program + " did not end in 10 minutes");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "README program " + program + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }

  /** Line ends as {@code \n}, no trailing blanks on a line, no blank lines at the end. */
  private static String normalise(String text) {
    return text.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").stripTrailing();
  }
}
