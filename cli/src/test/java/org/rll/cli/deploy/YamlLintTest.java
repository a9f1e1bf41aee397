package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file under {@code deploy/} and {@code examples/} passes yamllint with the project's
 * {@code .yamllint}, warnings counted as errors. Where Debian's {@code yamllint} is not installed
 * the test is skipped, unless {@code RLL_LINT_TESTS=required} ({@code .ci/run} installs it and sets
 * that).
 */
class YamlLintTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void everyYamlFilePassesYamllint() throws Exception {
    boolean installed = Files.isExecutable(Path.of("/usr/bin/yamllint"));
    if (!installed) {
      assertTrue(
          !"required".equals(System.getenv("RLL_LINT_TESTS")),
          "RLL_LINT_TESTS=required but /usr/bin/yamllint is not installed");
      Assumptions.abort("yamllint is not installed (Debian package yamllint)");
    }
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/yamllint", "--strict", "-c", ".yamllint"));
    List<String> files = yamlFiles();
    assertTrue(files.size() >= 10, "expected the deploy and example files, found " + files);
    command.addAll(files);
    Process lint =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(lint.waitFor(2, TimeUnit.MINUTES), "yamllint did not finish");
    assertEquals(0, lint.exitValue(), output);
  }

  private static List<String> yamlFiles() throws IOException {
    List<String> files = new ArrayList<>();
    for (String folder : List.of("deploy", "examples")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .map(p -> ROOT.relativize(p).toString())
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }
}
