package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every YAML file under {@code deploy/} parses (all its documents, no duplicate keys), the scripts
 * that compose runs exist, and no file uses an archived image. Nothing here runs Docker or
 * Kubernetes.
 */
class DeployFilesTest {
  private static final List<String> ARCHIVED_IMAGES =
      List.of("minio/minio", "temporalio/auto-setup");

  @TestFactory
  Stream<DynamicTest> everyYamlFileParses() throws IOException {
    List<Path> files = DeployYaml.files();
    assertFalse(files.isEmpty(), "no YAML files under deploy/");
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    DeployYaml.DEPLOY.relativize(file).toString(),
                    () ->
                        assertFalse(
                            DeployYaml.loadAll(file).isEmpty(), file + " has no documents")));
  }

  @Test
  void composeScriptsExist() {
    Path compose = DeployYaml.DEPLOY.resolve("compose");
    Map<String, Object> services =
        DeployYaml.at(DeployYaml.single(compose.resolve("compose.yaml")), "services");
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      Object command = DeployYaml.map(entry.getValue(), entry.getKey()).get("command");
      if (command instanceof List<?> list
          && !list.isEmpty()
          && list.get(0) instanceof String first
          && first.startsWith("/scripts/")) {
        Path script = compose.resolve("scripts").resolve(first.substring(9));
        assertTrue(Files.isRegularFile(script), entry.getKey() + " runs missing " + script);
      }
    }
  }

  @Test
  void noArchivedImages() throws IOException {
    for (Path file : DeployYaml.files()) {
      List<String> images = new ArrayList<>();
      for (Object document : DeployYaml.loadAll(file)) {
        collectImages(document, images);
      }
      for (String image : images) {
        for (String archived : ARCHIVED_IMAGES) {
          assertFalse(image.startsWith(archived), file + " uses archived image " + image);
        }
      }
    }
    for (Path dockerfile : Dockerfiles.all()) {
      String text = Files.readString(dockerfile);
      for (String archived : ARCHIVED_IMAGES) {
        assertFalse(text.contains(archived), dockerfile + " uses archived image " + archived);
      }
    }
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
