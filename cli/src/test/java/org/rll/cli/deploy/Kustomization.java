package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * deploy/k8s/kustomization.yaml rendered as {@code kubectl apply -k} would apply it, for what the
 * manifests use: each listed resource's documents, moved into the kustomization's namespace, with
 * its {@code images:} entries applied to every container image.
 */
final class Kustomization {
  static final Path DIRECTORY = DeployYaml.DEPLOY.resolve("k8s");

  /** One rendered object. */
  record Resource(String kind, String name, String namespace, Map<String, Object> body) {
    /** The pod template of a Deployment, StatefulSet or Job, if this is one. */
    Optional<Map<String, Object>> podSpec() {
      return switch (kind) {
        case "Deployment", "StatefulSet", "Job" ->
            Optional.of(DeployYaml.at(body, "spec", "template", "spec"));
        default -> Optional.empty();
      };
    }

    /** Every container of the pod, init containers first. */
    List<Map<String, Object>> containers() {
      List<Map<String, Object>> all = new ArrayList<>();
      podSpec()
          .ifPresent(
              pod -> {
                for (String field : List.of("initContainers", "containers")) {
                  if (pod.get(field) != null) {
                    DeployYaml.list(pod.get(field), field)
                        .forEach(c -> all.add(DeployYaml.map(c, field)));
                  }
                }
              });
      return all;
    }
  }

  final Map<String, Object> file;
  final List<Resource> resources = new ArrayList<>();

  private Kustomization(Map<String, Object> file) {
    this.file = file;
  }

  static Kustomization render() {
    Kustomization kustomization =
        new Kustomization(DeployYaml.single(DIRECTORY.resolve("kustomization.yaml")));
    String namespace = (String) kustomization.file.get("namespace");
    Map<String, String> images = kustomization.images();
    for (Object listed : DeployYaml.list(kustomization.file.get("resources"), "resources")) {
      Path path = DIRECTORY.resolve((String) listed);
      assertTrue(Files.isRegularFile(path), "kustomization.yaml lists missing " + path);
      for (Object document : DeployYaml.loadAll(path)) {
        Map<String, Object> body = DeployYaml.map(document, path.toString());
        Map<String, Object> metadata = DeployYaml.at(body, "metadata");
        String kind = (String) body.get("kind");
        if (!kind.equals("Namespace")) {
          metadata.put("namespace", namespace);
        }
        Resource resource = new Resource(kind, (String) metadata.get("name"), namespace, body);
        resource.containers().forEach(c -> c.put("image", rename((String) c.get("image"), images)));
        kustomization.resources.add(resource);
      }
    }
    return kustomization;
  }

  /** The {@code images:} entries: name to new name. */
  Map<String, String> images() {
    Map<String, String> images = new LinkedHashMap<>();
    Object entries = file.get("images");
    if (entries != null) {
      for (Object entry : DeployYaml.list(entries, "images")) {
        Map<String, Object> image = DeployYaml.map(entry, "an images: entry");
        images.put((String) image.get("name"), (String) image.get("newName"));
      }
    }
    return images;
  }

  Optional<Resource> find(String kind, String name) {
    return resources.stream().filter(r -> r.kind.equals(kind) && r.name.equals(name)).findFirst();
  }

  List<Resource> workloads() {
    return resources.stream().filter(r -> r.podSpec().isPresent()).toList();
  }

  /** {@code image} with its name replaced as an {@code images:} entry says; the tag stays. */
  private static String rename(String image, Map<String, String> images) {
    int colon = image.lastIndexOf(':');
    String name = colon < 0 ? image : image.substring(0, colon);
    String tag = colon < 0 ? "" : image.substring(colon);
    return images.containsKey(name) ? images.get(name) + tag : image;
  }
}
