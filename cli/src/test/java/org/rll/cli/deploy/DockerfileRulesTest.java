package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules every worker Dockerfile keeps: base images pinned to a full release (or a digest), a
 * non-root user in the image that runs, nothing of the workstation build in it, the jar started
 * offline, and the directories that compose and Kubernetes mount owned by that user.
 */
class DockerfileRulesTest {
  private static final Pattern FROM =
      Pattern.compile("^FROM (?<name>[^\\s:@]+)(?::(?<tag>[^\\s@]+))?(?:@(?<digest>\\S+))?");
  private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Set<String> WORKSTATION_MODULES = Set.of("workstation", "devstack", "bench");

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
  void baseImagesArePinnedToARelease(String name) throws IOException {
    List<String> froms = from(name);
    assertEquals(2, froms.size(), name + ": a build stage and a runtime stage");
    for (String from : froms) {
      Matcher image = FROM.matcher(from);
      assertTrue(image.find(), from);
      String tag = image.group("tag");
      boolean digest = image.group("digest") != null && image.group("digest").startsWith("sha256:");
      assertTrue(
          digest || (tag != null && RELEASE.matcher(tag).find()),
          name + ": " + from + " is not pinned to a release");
      assertFalse(image.group("name").startsWith("nvidia/cuda"), name + ": the natives carry CUDA");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
  void theImageRunsAsANonRootUser(String name) throws IOException {
    List<String> users =
        Dockerfiles.finalStage(path(name)).stream().filter(i -> i.startsWith("USER ")).toList();
    assertFalse(users.isEmpty(), name + " sets no USER in its final stage");
    String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0];
    assertTrue(user.matches("\\d+") && Integer.parseInt(user) > 0, name + " runs as " + user);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
  void onlyTheProductCommandLineIsBuiltAndCopied(String name) throws IOException {
    List<String> builds =
        Dockerfiles.instructions(path(name)).stream()
            .filter(i -> i.startsWith("RUN ") && i.contains("mvnw"))
            .toList();
    assertEquals(1, builds.size(), name + ": one Maven build");
    assertTrue(builds.get(0).contains(" -pl cli -am "), name + ": " + builds.get(0));
    for (String module : WORKSTATION_MODULES) {
      assertFalse(builds.get(0).contains(module), name + " builds " + module);
    }
    List<String> copies =
        Dockerfiles.finalStage(path(name)).stream().filter(i -> i.startsWith("COPY ")).toList();
    assertEquals(2, copies.size(), name + ": " + copies);
    for (String copy : copies) {
      assertTrue(copy.startsWith("COPY --from=build /src/cli/target/"), name + ": " + copy);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
  void theJarRunsOfflineAsAWorkerWithItsHealthPort(String name) throws IOException {
    List<String> last = Dockerfiles.finalStage(path(name));
    assertTrue(
        last.contains(
            "ENTRYPOINT [\"java\", \"-Dai.djl.offline=true\", \"-jar\", \"/opt/rll/rll.jar\"]"),
        name + ": " + last);
    String queues = name.endsWith(".cpu") ? "cpu,gpu" : "gpu";
    assertTrue(
        last.contains(
            "CMD [\"worker\", \"--queues\", \"" + queues + "\", \"--health-port\", \"9464\"]"),
        name + " does not default to a worker on " + queues);
    assertTrue(last.contains("EXPOSE 9464"), name + " does not expose the health port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.cpu", "Dockerfile.gpu"})
  void theMountedDirectoriesBelongToTheUser(String name) throws IOException {
    String djlCache = Dockerfiles.env(name, "DJL_CACHE_DIR");
    String home = Dockerfiles.env(name, "RLL_HOME");
    String cache = djlCache.substring(0, djlCache.lastIndexOf('/'));
    String setup =
        Dockerfiles.finalStage(path(name)).stream()
            .filter(i -> i.startsWith("RUN "))
            .collect(Collectors.joining("\n"));
    assertTrue(setup.contains("chown rll:rll " + cache + " " + home), name + ": " + setup);
    assertTrue(setup.contains("--uid 10001"), name + ": the user is 10001");
  }

  private static List<String> from(String name) throws IOException {
    return Dockerfiles.instructions(path(name)).stream()
        .filter(i -> i.startsWith("FROM "))
        .toList();
  }

  private static Path path(String name) {
    return Dockerfiles.DIRECTORY.resolve(name);
  }
}
