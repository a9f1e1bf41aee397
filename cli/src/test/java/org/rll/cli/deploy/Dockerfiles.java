package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Dockerfiles under deploy/docker, read as instructions with their continuations joined. */
final class Dockerfiles {
  static final Path DIRECTORY = DeployYaml.DEPLOY.resolve("docker");

  private Dockerfiles() {}

  static List<Path> all() throws IOException {
    try (Stream<Path> list = Files.list(DIRECTORY)) {
      return list.filter(f -> f.getFileName().toString().startsWith("Dockerfile"))
          .sorted()
          .toList();
    }
  }

  /** The instructions of {@code file}: comments dropped, lines ending in a backslash joined. */
  static List<String> instructions(Path file) throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        instructions.add(current.append(trimmed).toString());
        current.setLength(0);
      }
    }
    return instructions;
  }

  /** The instructions of the last stage: from its FROM on. */
  static List<String> finalStage(Path file) throws IOException {
    List<String> instructions = instructions(file);
    int from = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).startsWith("FROM ")) {
        from = i;
      }
    }
    return instructions.subList(from, instructions.size());
  }

  /** The value the final stage's ENV gives {@code name} in {@code dockerfile}. */
  static String env(String dockerfile, String name) throws IOException {
    Pattern assignment = Pattern.compile("(?:^ENV |\\s)" + name + "=(\"[^\"]*\"|\\S+)");
    for (String instruction : finalStage(DIRECTORY.resolve(dockerfile))) {
      Matcher value = assignment.matcher(instruction);
      if (instruction.startsWith("ENV ") && value.find()) {
        return value.group(1).replace("\"", "");
      }
    }
    return fail(dockerfile + " sets no " + name);
  }
}
