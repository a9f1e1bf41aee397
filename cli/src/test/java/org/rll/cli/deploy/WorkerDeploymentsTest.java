package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.cli.deploy.Kustomization.Resource;
import org.rll.cli.worker.WorkerCommand;
import org.rll.worker.RunningWorkers;

/**
 * The two worker Deployments: health probes on the port the worker serves, a grace period longer
 * than the worker's own close, scratch on an emptyDir whose size the ephemeral-storage request
 * covers, and a GPU Deployment that schedules on the device plugin alone and updates by recreating.
 */
class WorkerDeploymentsTest {
  private final Kustomization rendered = Kustomization.render();

  @ParameterizedTest
  @ValueSource(strings = {"rll-worker-cpu", "rll-worker-gpu"})
  void probesAskTheHealthPortTheWorkerServes(String name) {
    Map<String, Object> container = worker(name);
    List<?> args = DeployYaml.list(container.get("args"), "args");
    String port = (String) args.get(args.indexOf("--health-port") + 1);
    Map<String, Object> declared = DeployYaml.map(((List<?>) container.get("ports")).get(0), "");
    assertEquals(Integer.parseInt(port), declared.get("containerPort"), name);
    for (String probe : List.of("livenessProbe", "readinessProbe")) {
      Map<String, Object> get = DeployYaml.at(container, probe, "httpGet");
      assertEquals(declared.get("name"), get.get("port"), name + " " + probe);
      assertEquals(probe.equals("livenessProbe") ? "/healthz" : "/readyz", get.get("path"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rll-worker-cpu", "rll-worker-gpu"})
  void aStoppingPodOutlastsTheWorkersOwnClose(String name) {
    long grace = ((Number) pod(name).get("terminationGracePeriodSeconds")).longValue();
    long close = RunningWorkers.longestClose(WorkerCommand.GRACE).toSeconds();
    assertTrue(grace >= close + 60, name + ": " + grace + " s against a close of " + close + " s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rll-worker-cpu", "rll-worker-gpu"})
  void scratchIsAnEmptyDirTheEphemeralStorageRequestCovers(String name) throws IOException {
    String home = Dockerfiles.env("Dockerfile.cpu", "RLL_HOME");
    Map<String, Object> container = worker(name);
    String scratchVolume =
        DeployYaml.list(container.get("volumeMounts"), "volumeMounts").stream()
            .map(m -> DeployYaml.map(m, "mount"))
            .filter(m -> home.equals(m.get("mountPath")))
            .map(m -> (String) m.get("name"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " mounts nothing on RLL_HOME " + home));
    long emptyDirs = 0;
    boolean scratchIsEmptyDir = false;
    for (Object volume : DeployYaml.list(pod(name).get("volumes"), "volumes")) {
      Map<String, Object> v = DeployYaml.map(volume, "volume");
      if (v.containsKey("emptyDir")) {
        emptyDirs += gibibytes((String) DeployYaml.at(v, "emptyDir").get("sizeLimit"));
        scratchIsEmptyDir |= v.get("name").equals(scratchVolume);
      }
    }
    assertTrue(scratchIsEmptyDir, name + ": RLL_HOME is not an emptyDir");
    Map<String, Object> resources = DeployYaml.at(container, "resources");
    long requested =
        gibibytes((String) DeployYaml.at(resources, "requests").get("ephemeral-storage"));
    assertEquals(emptyDirs, requested, name + ": the request is the emptyDirs' sizes added up");
    assertEquals(
        requested,
        gibibytes((String) DeployYaml.at(resources, "limits").get("ephemeral-storage")),
        name);
  }

  @Test
  void theGpuWorkerNeedsOnlyTheDevicePluginAndRecreates() {
    Resource deployment = rendered.find("Deployment", "rll-worker-gpu").orElseThrow();
    assertEquals("Recreate", DeployYaml.at(deployment.body(), "spec", "strategy").get("type"));
    Map<String, Object> pod = pod("rll-worker-gpu");
    assertFalse(pod.containsKey("nodeSelector"), "a nodeSelector needs labels GFD may not set");
    assertTrue(pod.containsKey("tolerations"), "the GPU pods tolerate the nvidia.com/gpu taint");
    Map<String, Object> resources = DeployYaml.at(worker("rll-worker-gpu"), "resources");
    assertEquals(1, DeployYaml.at(resources, "limits").get("nvidia.com/gpu"));
    assertEquals(
        List.of("worker", "--queues", "gpu", "--health-port", "9464"),
        worker("rll-worker-gpu").get("args"));
    assertEquals(
        List.of("worker", "--queues", "cpu", "--health-port", "9464"),
        worker("rll-worker-cpu").get("args"));
  }

  private Map<String, Object> pod(String name) {
    return rendered.find("Deployment", name).orElseThrow().podSpec().orElseThrow();
  }

  private Map<String, Object> worker(String name) {
    return rendered.find("Deployment", name).orElseThrow().containers().get(0);
  }

  private static long gibibytes(String quantity) {
    assertTrue(quantity != null && quantity.endsWith("Gi"), "a size in Gi: " + quantity);
    return Long.parseLong(quantity.substring(0, quantity.length() - 2));
  }
}
