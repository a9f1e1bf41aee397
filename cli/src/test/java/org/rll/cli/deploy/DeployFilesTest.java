package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files under {@code deploy/}: every YAML file parses (all its documents, no duplicate keys),
 * and the compose file, the Kubernetes manifests and the Dockerfiles hold what the README promises.
 * Nothing here runs Docker or Kubernetes.
 */
class DeployFilesTest {
  /** Surefire runs in the module directory; deploy/ sits next to it. */
  private static final Path DEPLOY = Path.of("..", "deploy");

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private static final List<String> ARCHIVED_IMAGES =
      List.of("minio/minio", "temporalio/auto-setup");

  @TestFactory
  Stream<DynamicTest> everyYamlFileParses() throws IOException {
    List<Path> files = yamlFiles();
    assertFalse(files.isEmpty(), "no YAML files under " + DEPLOY.toAbsolutePath().normalize());
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    DEPLOY.relativize(file).toString(),
                    () -> assertFalse(loadAll(file).isEmpty(), file + " has no documents")));
  }

  @Test
  void composeHasTheStackAndWorkers() throws IOException {
    Map<String, Object> compose = single(DEPLOY.resolve("compose/compose.yaml"));
    assertFalse(compose.containsKey("version"), "the Compose spec has no version: key");
    Map<String, Object> services = map(compose.get("services"), "services");
    for (String service :
        List.of("temporal", "temporal-ui", "results-db", "s3", "worker-cpu", "worker-gpu")) {
      assertTrue(services.containsKey(service), "compose.yaml lacks service " + service);
    }

    for (String worker : List.of("worker-cpu", "worker-gpu")) {
      Map<String, Object> service = map(services.get(worker), worker);
      Map<String, Object> environment = map(service.get("environment"), worker + " environment");
      for (String name :
          List.of(
              "RLL_TEMPORAL_TARGET",
              "RLL_TEMPORAL_NAMESPACE",
              "RLL_S3_BUCKET",
              "RLL_S3_ENDPOINT",
              "RLL_DB_URL",
              "RLL_DB_USER",
              "RLL_DB_PASSWORD",
              "AWS_ACCESS_KEY_ID",
              "AWS_SECRET_ACCESS_KEY")) {
        assertTrue(environment.containsKey(name), worker + " lacks environment " + name);
      }
      String queue = worker.substring("worker-".length());
      assertEquals(List.of("worker", "--queues", queue), service.get("command"), worker);
      Map<String, Object> build = map(service.get("build"), worker + " build");
      assertEquals("deploy/docker/Dockerfile." + queue, build.get("dockerfile"), worker);
    }

    Map<String, Object> gpu = map(services.get("worker-gpu"), "worker-gpu");
    assertEquals(List.of("gpu"), gpu.get("profiles"), "worker-gpu starts only with --profile gpu");
    Map<String, Object> reservations =
        map(
            map(map(gpu.get("deploy"), "deploy").get("resources"), "resources").get("reservations"),
            "reservations");
    List<?> devices = (List<?>) reservations.get("devices");
    Map<String, Object> device = map(devices.get(0), "device");
    assertEquals("nvidia", device.get("driver"));
    assertEquals(List.of("gpu"), device.get("capabilities"));
  }

  @Test
  void composeScriptsExist() throws IOException {
    Map<String, Object> services =
        map(single(DEPLOY.resolve("compose/compose.yaml")).get("services"), "services");
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      Object command = map(entry.getValue(), entry.getKey()).get("command");
      if (command instanceof List<?> list
          && !list.isEmpty()
          && list.get(0) instanceof String first
          && first.startsWith("/scripts/")) {
        Path script = DEPLOY.resolve("compose/scripts").resolve(first.substring(9));
        assertTrue(Files.isRegularFile(script), entry.getKey() + " runs missing " + script);
      }
    }
  }

  @Test
  void gpuDeploymentRequestsOneGpu() throws IOException {
    Map<String, Object> deployment = single(DEPLOY.resolve("k8s/worker-gpu.yaml"));
    assertEquals("Deployment", deployment.get("kind"));
    assertEquals("rll-worker-gpu", map(deployment.get("metadata"), "metadata").get("name"));
    Map<String, Object> pod =
        map(
            map(map(deployment.get("spec"), "spec").get("template"), "template").get("spec"),
            "pod");
    Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0), "container");
    Map<String, Object> resources = map(container.get("resources"), "resources");
    assertEquals(1, map(resources.get("limits"), "limits").get("nvidia.com/gpu"));
    assertEquals(
        "true", map(pod.get("nodeSelector"), "nodeSelector").get("nvidia.com/gpu.present"));
    assertTrue(pod.containsKey("tolerations"), "the GPU pods tolerate the nvidia.com/gpu taint");
    assertEquals(
        List.of("worker", "--queues", "gpu", "--health-port", "9464"), container.get("args"));
  }

  /** Each worker serves its health port, and its probes ask that port's /healthz and /readyz. */
  @ParameterizedTest
  @ValueSource(strings = {"k8s/worker-cpu.yaml", "k8s/worker-gpu.yaml"})
  void workerProbesUseTheHealthPortTheWorkerServes(String file) throws IOException {
    Map<String, Object> deployment = single(DEPLOY.resolve(file));
    Map<String, Object> pod =
        map(
            map(map(deployment.get("spec"), "spec").get("template"), "template").get("spec"),
            "pod");
    Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0), "container");
    List<?> args = (List<?>) container.get("args");
    String port = (String) args.get(args.indexOf("--health-port") + 1);
    Map<String, Object> declared = map(((List<?>) container.get("ports")).get(0), "port");
    assertEquals(Integer.parseInt(port), declared.get("containerPort"), file);
    for (String probe : List.of("livenessProbe", "readinessProbe")) {
      Map<String, Object> get = map(map(container.get(probe), probe).get("httpGet"), "httpGet");
      assertEquals(declared.get("name"), get.get("port"), file + " " + probe);
      assertEquals(
          probe.equals("livenessProbe") ? "/healthz" : "/readyz",
          get.get("path"),
          file + " " + probe);
    }
  }

  @Test
  void kustomizationListsExistingFiles() throws IOException {
    Map<String, Object> kustomization = single(DEPLOY.resolve("k8s/kustomization.yaml"));
    List<?> resources = (List<?>) kustomization.get("resources");
    assertFalse(resources.isEmpty(), "kustomization.yaml lists no resources");
    for (Object resource : resources) {
      Path file = DEPLOY.resolve("k8s").resolve((String) resource);
      assertTrue(Files.isRegularFile(file), "kustomization.yaml lists missing " + file);
    }
    assertFalse(
        resources.contains("secret.example.yaml"), "the Secret template is never applied as is");
  }

  @Test
  void noArchivedImages() throws IOException {
    for (Path file : yamlFiles()) {
      List<String> images = new ArrayList<>();
      for (Object document : loadAll(file)) {
        collectImages(document, images);
      }
      for (String image : images) {
        for (String archived : ARCHIVED_IMAGES) {
          assertFalse(image.startsWith(archived), file + " uses archived image " + image);
        }
      }
    }
    for (Path dockerfile : dockerfiles()) {
      String text = Files.readString(dockerfile);
      for (String archived : ARCHIVED_IMAGES) {
        assertFalse(text.contains(archived), dockerfile + " uses archived image " + archived);
      }
    }
  }

  @Test
  void dockerfilesInstallAndRunTheJar() throws IOException {
    List<Path> files = dockerfiles();
    assertEquals(
        Set.of("Dockerfile.cpu", "Dockerfile.gpu"),
        files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
    for (Path dockerfile : files) {
      List<String> lines = Files.readAllLines(dockerfile);
      String queue = dockerfile.getFileName().toString().substring("Dockerfile.".length());
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("COPY ") && l.contains("rll.jar")),
          dockerfile + " copies no rll.jar");
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("COPY ") && l.contains("/lib/")),
          dockerfile + " copies no lib/");
      assertTrue(
          lines.stream()
              .anyMatch(
                  l ->
                      l.startsWith("ENTRYPOINT ")
                          && l.contains("-Dai.djl.offline=true")
                          && l.contains("/opt/rll/rll.jar")),
          dockerfile + " does not run /opt/rll/rll.jar offline");
      assertTrue(
          lines.contains("CMD [\"worker\", \"--queues\", \"" + queue + "\"]"),
          dockerfile + " does not default to the " + queue + " queue");
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("USER ") && !l.contains("root")),
          dockerfile + " runs as root");
    }
  }

  private static List<Path> yamlFiles() throws IOException {
    assertTrue(Files.isDirectory(DEPLOY), "no directory " + DEPLOY.toAbsolutePath().normalize());
    try (Stream<Path> walk = Files.walk(DEPLOY)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml");
              })
          .sorted()
          .toList();
    }
  }

  private static List<Path> dockerfiles() throws IOException {
    try (Stream<Path> list = Files.list(DEPLOY.resolve("docker"))) {
      return list.filter(f -> f.getFileName().toString().startsWith("Dockerfile"))
          .sorted()
          .toList();
    }
  }

  /**
   * Every document of {@code file}, with its aliases and merge keys ({@code <<: *worker}) resolved
   * as Compose resolves them; a parse error fails naming the file.
   */
  private static List<Object> loadAll(Path file) {
    List<Object> documents = new ArrayList<>();
    try (YAMLParser parser = YAML.getFactory().createParser(file.toFile())) {
      Map<String, Object> anchors = new HashMap<>();
      while (parser.nextToken() != null) {
        Object document = node(parser, anchors);
        // An empty document reads as null or as the empty string.
        if (document != null && !"".equals(document)) {
          documents.add(document);
        }
      }
    } catch (IOException | RuntimeException e) {
      fail(file + " does not parse: " + e.getMessage(), e);
    }
    return documents;
  }

  /** The node at the parser's current token, as maps, lists and scalars. */
  private static Object node(YAMLParser parser, Map<String, Object> anchors) throws IOException {
    if (parser.isCurrentAlias()) {
      assertTrue(anchors.containsKey(parser.getText()), "unknown alias *" + parser.getText());
      return anchors.get(parser.getText());
    }
    String anchor = parser.getObjectId();
    Object node =
        switch (parser.currentToken()) {
          case START_OBJECT -> mapping(parser, anchors);
          case START_ARRAY -> {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              list.add(node(parser, anchors));
            }
            yield list;
          }
          default -> YAML.readValue(parser, Object.class);
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /** A mapping whose own keys win over those it merges in. */
  private static Map<String, Object> mapping(YAMLParser parser, Map<String, Object> anchors)
      throws IOException {
    Map<String, Object> mapping = new LinkedHashMap<>();
    Map<String, Object> own = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      Object value = node(parser, anchors);
      if (key.equals("<<")) {
        mapping.putAll(map(value, "the merge key's value"));
      } else {
        own.put(key, value);
      }
    }
    mapping.putAll(own);
    return mapping;
  }

  private static Map<String, Object> single(Path file) {
    List<Object> documents = loadAll(file);
    assertEquals(1, documents.size(), file + " should hold one document");
    return map(documents.get(0), file.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String what) {
    if (!(node instanceof Map<?, ?>)) {
      fail(what + " is not a mapping: " + node);
    }
    return (Map<String, Object>) node;
  }

  private static void collectImages(Object node, List<String> images) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("image".equals(key) && value instanceof String image) {
              images.add(image);
            } else {
              collectImages(value, images);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectImages(item, images));
    }
  }
}
