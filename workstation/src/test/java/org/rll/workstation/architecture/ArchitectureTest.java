package org.rll.workstation.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's layout rules, checked over the main sources of every module that the root pom
 * lists: no package cycles, no cycles between package trees (such as {@code core.dataset} and
 * {@code core.image}), and a {@code package-info.java} in every package.
 */
class ArchitectureTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static List<Path> mainSourceRoots() throws IOException {
    Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom());
    List<Path> roots = new ArrayList<>();
    while (modules.find()) {
      roots.add(ROOT.resolve(modules.group(1)).resolve("src/main/java"));
    }
    return roots;
  }

  private static String pom() throws IOException {
    return Files.readString(ROOT.resolve("pom.xml"));
  }

  @Test
  void readsEveryModule() throws IOException {
    List<Path> roots = mainSourceRoots();
    assertEquals(10, roots.size(), roots.toString());
    roots.forEach(r -> assertTrue(Files.isDirectory(r), r + " is not a directory"));
  }

  @Test
  void noPackageImportsAPackageThatImportsItBack() throws IOException {
    assertEquals(List.of(), ImportGraph.read(mainSourceRoots()).cycles());
  }

  @Test
  void noPackageTreeImportsATreeThatImportsItBack() throws IOException {
    ImportGraph trees = ImportGraph.read(mainSourceRoots()).grouped(ArchitectureTest::tree);
    assertEquals(List.of(), trees.cycles());
  }

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    for (Path root : mainSourceRoots()) {
      try (Stream<Path> directories = Files.walk(root)) {
        for (Path directory : directories.filter(Files::isDirectory).toList()) {
          if (holdsJava(directory)) {
            assertTrue(
                Files.exists(directory.resolve("package-info.java")),
                ROOT.relativize(directory) + " has no package-info.java");
          }
        }
      }
    }
  }

  @Test
  void findsACycleAndOnlyTheCycle() {
    ImportGraph graph =
        new ImportGraph(
            Map.of(
                "a", Set.of("b"),
                "b", Set.of("c"),
                "c", Set.of("a", "d"),
                "d", Set.of()));
    assertEquals(List.of(Set.of("a", "b", "c")), graph.cycles());
    assertEquals(List.of(), graph.grouped(p -> p.equals("d") ? "d" : "abc").cycles());
  }

  @Test
  void treesAreTheFirstLevelBelowAModule() {
    assertEquals("org.rll.core.dataset", tree("org.rll.core.dataset.archive"));
    assertEquals("org.rll.core.image", tree("org.rll.core.image"));
    assertEquals("org.rll.worker", tree("org.rll.worker"));
  }

  /** {@code org.rll.<module>.<first>}: the tree a package belongs to. */
  private static String tree(String pkg) {
    String[] parts = pkg.split("\\.");
    return String.join(".", List.of(parts).subList(0, Math.min(parts.length, 4)));
  }

  private static boolean holdsJava(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    }
  }
}
