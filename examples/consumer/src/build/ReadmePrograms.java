import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the Java programs of README.md so that the consumer project compiles and runs exactly
 * what the README shows.
 *
 * <p>Run as {@code java ReadmePrograms.java README.md OUT}. Every fenced {@code java} block must be
 * a complete program (a {@code public class} with a {@code main}); it is written to {@code
 * OUT/java/<Class>.java}. The next fenced block, a {@code text} block with at most a line of prose
 * between the two, is the output the program prints, written to {@code OUT/expected/<Class>.txt}.
 * {@code OUT/programs.txt} lists the classes in README order. A Java block that is not a program,
 * a program without its output, or two programs of one name stop the build naming the README line.
 */
public final class ReadmePrograms {
  private static final Pattern CLASS = Pattern.compile("(?m)^public (?:final )?class (\\w+)");
  private static final Pattern MAIN =
      Pattern.compile("public static void main\\(String\\[\\] \\w+\\)");

  private record Block(String language, int line, String text, int endLine) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java ReadmePrograms.java README.md OUT");
    }
    Path readme = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Block> blocks = blocks(Files.readAllLines(readme, StandardCharsets.UTF_8));
    Files.createDirectories(out.resolve("java"));
    Files.createDirectories(out.resolve("expected"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (!block.language().equals("java")) {
        continue;
      }
      Matcher name = CLASS.matcher(block.text());
      if (!name.find() || !MAIN.matcher(block.text()).find()) {
        throw new IllegalStateException(
            readme + " line " + block.line() + ": a Java snippet that is not a complete program"
                + " (a public class with a main method)");
      }
      String className = name.group(1);
      if (names.contains(className)) {
        throw new IllegalStateException(
            readme + " line " + block.line() + ": a second program named " + className);
      }
      names.add(className);
      boolean outputFollows =
          i + 1 < blocks.size()
              && blocks.get(i + 1).language().equals("text")
              && blocks.get(i + 1).line() - block.endLine() <= 4;
      if (!outputFollows) {
        throw new IllegalStateException(
            readme + " line " + block.line() + ": the program " + className
                + " is not followed by a text block with the output it prints");
      }
      Files.writeString(out.resolve("java/" + className + ".java"), block.text());
      Files.writeString(out.resolve("expected/" + className + ".txt"), blocks.get(i + 1).text());
    }
    Files.write(out.resolve("programs.txt"), names);
    System.out.println("README programs: " + String.join(", ", names));
  }

  /** The fenced blocks of a Markdown file, with the line (1-based) of their opening fence. */
  private static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```")) {
        continue;
      }
      String language = line.substring(3).trim();
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).startsWith("```")) {
        text.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalStateException("README.md line " + (i + 1) + ": a fence that never closes");
      }
      blocks.add(new Block(language, i + 1, text.toString(), j + 1));
      i = j;
    }
    return blocks;
  }
}
