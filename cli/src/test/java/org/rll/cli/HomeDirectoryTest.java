package org.rll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.format.Fixtures;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Where commands write on this machine: under RLL_HOME, else under $HOME/.rll. */
class HomeDirectoryTest {
  @TempDir Path dir;
  private Path home;
  private Path user;
  private Path archive;

  @BeforeEach
  void setUp() throws IOException {
    home = dir.resolve("home");
    user = dir.resolve("user");
    archive = dir.resolve("cub-mini.tgz");
    Files.write(archive, Fixtures.tarGz(Fixtures.cub(dir.resolve("src/CUB_200_2011")).getParent()));
  }

  private Cli.Captured prepare(Map<String, String> environment, String... more) {
    List<String> args =
        Stream.concat(
                Stream.of(
                    "dataset", "prepare", "--source", archive.toString(), "--format", "cub200"),
                Stream.of(more))
            .toList();
    Cli.Captured run = Cli.rll(environment, args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.toString());
    return run;
  }

  /** The manifests stored under {@code store}. */
  private static List<Path> manifests(Path store) throws IOException {
    if (!Files.isDirectory(store)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(store)) {
      return files.filter(f -> f.getFileName().toString().equals("manifest.csv")).toList();
    }
  }

  @Test
  void datasetPrepareStoresAndWorksUnderRllHome() throws IOException {
    prepare(Map.of("RLL_HOME", home.toString(), "HOME", user.toString()));

    assertEquals(1, manifests(home.resolve("store")).size());
    assertTrue(Files.isDirectory(home.resolve("scratch")));
    assertFalse(Files.exists(user), "nothing is written under $HOME when RLL_HOME is set");
  }

  @Test
  void withoutRllHomeTheHomeIsDotRllInHomeNotJavasUserHome() throws IOException {
    prepare(Map.of("HOME", user.toString()));

    assertEquals(1, manifests(user.resolve(".rll/store")).size());
    assertTrue(Files.isDirectory(user.resolve(".rll/scratch")));
  }

  @Test
  void rllStoreDirAndTheFlagsStillPlaceTheirOwnDirectory() throws IOException {
    Map<String, String> environment =
        Map.of("RLL_HOME", home.toString(), "RLL_STORE_DIR", dir.resolve("env-store").toString());
    prepare(environment);
    prepare(
        environment,
        "--store-dir",
        dir.resolve("flag-store").toString(),
        "--scratch-dir",
        dir.resolve("flag-scratch").toString());

    assertEquals(1, manifests(dir.resolve("env-store")).size());
    assertEquals(1, manifests(dir.resolve("flag-store")).size());
    assertTrue(Files.isDirectory(dir.resolve("flag-scratch")));
    assertEquals(List.of(), manifests(home.resolve("store")));
  }

  @Test
  void theWorkersDirectoriesAreUnderTheHome() {
    CommandLine cli = RllCommand.newCommandLine(Map.of("RLL_HOME", home.toString()));
    cli.parseArgs("worker");

    CommandSpec worker = cli.getSubcommands().get("worker").getCommandSpec();
    assertEquals(home.resolve("pg"), worker.findOption("--pg-dir").getValue());
    assertEquals(home.resolve("scratch"), worker.findOption("--scratch-dir").getValue());
    assertEquals(home.resolve("store"), worker.findOption("--store-dir").getValue());
  }
}
