package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rll.cli.deploy.Kustomization.Resource;

/**
 * The rendered kustomization: every ConfigMap, Secret, ServiceAccount and Service that a workload
 * references, and every Service that the ConfigMap names by its cluster DNS name, is among the
 * rendered objects or listed in deploy/README.md under "Provided by the operator"; keys of a
 * referenced ConfigMap exist in it, and keys of the operator's Secret are those of
 * secret.example.yaml; Services select pods that serve their ports; and the images: entry renames
 * every rll image.
 */
class KustomizationTest {
  private static final Pattern PROVIDED =
      Pattern.compile("^- (\\w+) `([a-z0-9-]+)` \\(namespace `([a-z0-9-]+)`\\)");
  private static final Pattern SERVICE_DNS =
      Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc(\\.cluster\\.local)?\\b");

  private final Kustomization rendered = Kustomization.render();

  @Test
  void everyReferencedObjectExistsOrIsTheOperators() throws IOException {
    Set<String> provided = providedByTheOperator();
    List<String> missing = new ArrayList<>();
    for (Resource workload : rendered.workloads()) {
      for (String reference : references(workload)) {
        String[] parts = reference.split(" ");
        boolean exists = rendered.find(parts[0], parts[1]).isPresent();
        if (!exists && !provided.contains(reference + " " + workload.namespace())) {
          missing.add(workload.kind() + " " + workload.name() + " -> " + reference);
        }
      }
    }
    assertEquals(List.of(), missing, "references to objects nobody provides");
  }

  @Test
  void servicesNamedInTheConfigMapExistOrAreTheOperators() throws IOException {
    Set<String> provided = providedByTheOperator();
    Map<String, Object> data =
        DeployYaml.at(rendered.find("ConfigMap", "rll-config").orElseThrow().body(), "data");
    List<String> named = new ArrayList<>();
    for (Object value : data.values()) {
      Matcher host = SERVICE_DNS.matcher(String.valueOf(value));
      while (host.find()) {
        named.add(host.group(1) + " " + host.group(2));
        boolean exists =
            rendered
                .find("Service", host.group(1))
                .filter(s -> s.namespace().equals(host.group(2)))
                .isPresent();
        assertTrue(
            exists || provided.contains("Service " + host.group(1) + " " + host.group(2)),
            "rll-config names Service "
                + host.group(1)
                + "."
                + host.group(2)
                + ", which nobody"
                + " provides");
      }
    }
    assertTrue(named.contains("rll-results-db rll"), "the results database: " + named);
    assertTrue(named.contains("temporal-frontend temporal"), "Temporal's frontend: " + named);
  }

  @Test
  void referencedKeysExist() throws IOException {
    Map<String, Object> config =
        DeployYaml.at(rendered.find("ConfigMap", "rll-config").orElseThrow().body(), "data");
    Set<String> secretKeys =
        DeployYaml.at(
                DeployYaml.single(Kustomization.DIRECTORY.resolve("secret.example.yaml")),
                "stringData")
            .keySet();
    for (Resource workload : rendered.workloads()) {
      for (Map<String, Object> container : workload.containers()) {
        for (Object entry : listOrEmpty(container.get("env"))) {
          Object from = DeployYaml.map(entry, "env").get("valueFrom");
          if (from == null) {
            continue;
          }
          Map<String, Object> source = DeployYaml.map(from, "valueFrom");
          if (source.containsKey("configMapKeyRef")) {
            String key = (String) DeployYaml.at(source, "configMapKeyRef").get("key");
            assertTrue(
                config.containsKey(key), workload.name() + " reads missing rll-config " + key);
          }
          if (source.containsKey("secretKeyRef")) {
            String key = (String) DeployYaml.at(source, "secretKeyRef").get("key");
            assertTrue(
                secretKeys.contains(key),
                workload.name() + " reads rll-credentials " + key + ", not in secret.example.yaml");
          }
        }
      }
    }
  }

  @Test
  void servicesSelectPodsThatServeTheirPorts() {
    List<Resource> services =
        rendered.resources.stream().filter(r -> r.kind().equals("Service")).toList();
    assertFalse(services.isEmpty());
    for (Resource service : services) {
      Map<String, Object> selector = DeployYaml.at(service.body(), "spec", "selector");
      List<Resource> selected =
          rendered.workloads().stream()
              .filter(
                  w ->
                      DeployYaml.at(w.body(), "spec", "template", "metadata", "labels")
                          .entrySet()
                          .containsAll(selector.entrySet()))
              .toList();
      assertEquals(1, selected.size(), "Service " + service.name() + " selects " + selected);
      Set<Object> portNames = new HashSet<>();
      selected.get(0).containers().stream()
          .flatMap(c -> listOrEmpty(c.get("ports")).stream())
          .forEach(p -> portNames.add(DeployYaml.map(p, "port").get("name")));
      for (Object port : DeployYaml.list(DeployYaml.at(service.body(), "spec").get("ports"), "")) {
        Object target = DeployYaml.map(port, "port").get("targetPort");
        assertTrue(portNames.contains(target), service.name() + " targets port " + target);
      }
    }
  }

  @Test
  void workloadSelectorsMatchTheirPods() {
    for (Resource workload : rendered.workloads()) {
      if (workload.kind().equals("Job")) {
        continue;
      }
      Map<String, Object> matchLabels =
          DeployYaml.at(workload.body(), "spec", "selector", "matchLabels");
      Map<String, Object> labels =
          DeployYaml.at(workload.body(), "spec", "template", "metadata", "labels");
      assertTrue(labels.entrySet().containsAll(matchLabels.entrySet()), workload.name());
    }
  }

  @Test
  void theImagesEntryRenamesEveryRllImage() {
    Map<String, String> images = rendered.images();
    assertFalse(images.isEmpty(), "kustomization.yaml has no images: entry");
    images.forEach((name, newName) -> assertNotEquals(name, newName, "images: " + name));
    List<String> workers = new ArrayList<>();
    for (Resource workload : rendered.workloads()) {
      for (Map<String, Object> container : workload.containers()) {
        String image = (String) container.get("image");
        assertFalse(image.startsWith("rll-worker"), workload.name() + " keeps image " + image);
        if (image.contains("/rll-worker:")) {
          workers.add(image);
        }
      }
    }
    String registry = images.get("rll-worker");
    assertEquals(List.of(registry + ":cpu", registry + ":gpu"), workers);
  }

  @Test
  void everyObjectIsInTheRllNamespace() {
    for (Resource resource : rendered.resources) {
      if (!resource.kind().equals("Namespace")) {
        assertEquals("rll", resource.namespace(), resource.kind() + " " + resource.name());
      }
    }
    assertFalse(
        DeployYaml.list(rendered.file.get("resources"), "resources")
            .contains("secret.example.yaml"),
        "the Secret template is never applied as is");
  }

  /** "Kind name" of each object the workload's pod uses. */
  private static List<String> references(Resource workload) {
    List<String> references = new ArrayList<>();
    Map<String, Object> pod = workload.podSpec().orElseThrow();
    if (pod.get("serviceAccountName") != null) {
      references.add("ServiceAccount " + pod.get("serviceAccountName"));
    }
    for (Object volume : listOrEmpty(pod.get("volumes"))) {
      Map<String, Object> v = DeployYaml.map(volume, "volume");
      if (v.containsKey("configMap")) {
        references.add("ConfigMap " + DeployYaml.at(v, "configMap").get("name"));
      }
      if (v.containsKey("secret")) {
        references.add("Secret " + DeployYaml.at(v, "secret").get("secretName"));
      }
    }
    for (Map<String, Object> container : workload.containers()) {
      for (Object from : listOrEmpty(container.get("envFrom"))) {
        sources(DeployYaml.map(from, "envFrom"), "configMapRef", "secretRef", references);
      }
      for (Object entry : listOrEmpty(container.get("env"))) {
        Object from = DeployYaml.map(entry, "env").get("valueFrom");
        if (from != null) {
          sources(DeployYaml.map(from, "valueFrom"), "configMapKeyRef", "secretKeyRef", references);
        }
      }
    }
    return references;
  }

  /** Adds the ConfigMap or Secret that {@code source} names under either field. */
  private static void sources(
      Map<String, Object> source, String configMapField, String secretField, List<String> out) {
    if (source.containsKey(configMapField)) {
      out.add("ConfigMap " + DeployYaml.at(source, configMapField).get("name"));
    }
    if (source.containsKey(secretField)) {
      out.add("Secret " + DeployYaml.at(source, secretField).get("name"));
    }
  }

  /** "Kind name namespace" of each line under deploy/README.md's "Provided by the operator". */
  private static Set<String> providedByTheOperator() throws IOException {
    List<String> lines = Files.readAllLines(DeployYaml.DEPLOY.resolve("README.md"));
    int heading = lines.indexOf("### Provided by the operator");
    assertTrue(heading >= 0, "deploy/README.md has no section \"Provided by the operator\"");
    Set<String> provided = new HashSet<>();
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      Matcher item = PROVIDED.matcher(line);
      if (item.find()) {
        provided.add(item.group(1) + " " + item.group(2) + " " + item.group(3));
      }
    }
    assertFalse(provided.isEmpty(), "the operator's section lists nothing");
    return provided;
  }

  private static List<?> listOrEmpty(Object node) {
    return node == null ? List.of() : DeployYaml.list(node, "a list");
  }
}
