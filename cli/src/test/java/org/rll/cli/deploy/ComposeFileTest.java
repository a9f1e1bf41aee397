package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rll.cli.worker.WorkerCommand;
import org.rll.worker.RunningWorkers;

/**
 * deploy/compose: the default stack's one worker polls both queues, so it finishes a run on the
 * CPU; compose.gpu.yaml narrows it to rll-cpu and adds a GPU worker; both extend worker.yaml, whose
 * grace outlasts the worker's own close, whose volumes hold the image's RLL_HOME and natives, and
 * whose healthcheck asks the health port the workers serve.
 */
class ComposeFileTest {
  private static final Path COMPOSE = DeployYaml.DEPLOY.resolve("compose");
  private static final Set<String> WORKER_DEPENDENCIES =
      Set.of("temporal-namespace", "s3-bucket", "results-db");

  private final Map<String, Object> services = services("compose.yaml");
  private final Map<String, Object> gpuServices = services("compose.gpu.yaml");
  private final Map<String, Object> base = DeployYaml.at(services("worker.yaml"), "worker");

  @Test
  void theDefaultWorkerAlsoTrainsSoACpuOnlyStackFinishesARun() {
    Map<String, Object> cpu = DeployYaml.at(services, "worker-cpu");
    assertEquals(
        List.of("worker", "--queues", "cpu,gpu", "--health-port", "9464"), cpu.get("command"));
    assertExtendsTheBase(cpu, "worker-cpu");
    assertEquals("deploy/docker/Dockerfile.cpu", DeployYaml.at(cpu, "build").get("dockerfile"));
    assertEquals(Set.of("worker-cpu"), Set.copyOf(workers(services)));
  }

  @Test
  void theGpuFileLeavesTrainingToOneGpuWorker() {
    assertEquals(
        List.of("worker", "--queues", "cpu", "--health-port", "9464"),
        DeployYaml.at(gpuServices, "worker-cpu").get("command"));
    Map<String, Object> gpu = DeployYaml.at(gpuServices, "worker-gpu");
    assertEquals(List.of("worker", "--queues", "gpu", "--health-port", "9464"), gpu.get("command"));
    assertExtendsTheBase(gpu, "worker-gpu");
    assertEquals("deploy/docker/Dockerfile.gpu", DeployYaml.at(gpu, "build").get("dockerfile"));
    Map<String, Object> device =
        DeployYaml.map(
            DeployYaml.list(
                    DeployYaml.at(gpu, "deploy", "resources", "reservations").get("devices"), "")
                .get(0),
            "device");
    assertEquals("nvidia", device.get("driver"));
    assertEquals(1, device.get("count"));
    assertEquals(List.of("gpu"), device.get("capabilities"));
  }

  @Test
  void theBaseWorkerHasItsSettingsAndOutlastsItsOwnClose() throws IOException {
    Map<String, Object> environment = DeployYaml.at(base, "environment");
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
      assertTrue(environment.containsKey(name), "worker.yaml lacks environment " + name);
    }
    Duration grace = Duration.parse("PT" + ((String) base.get("stop_grace_period")).toUpperCase());
    Duration close = RunningWorkers.longestClose(WorkerCommand.GRACE);
    assertTrue(grace.compareTo(close.plusMinutes(1)) >= 0, grace + " against a close of " + close);

    String djlCache = Dockerfiles.env("Dockerfile.cpu", "DJL_CACHE_DIR");
    assertEquals(
        List.of(
            Dockerfiles.env("Dockerfile.cpu", "RLL_HOME"),
            djlCache.substring(0, djlCache.lastIndexOf('/'))),
        base.get("volumes"),
        "scratch and natives live on volumes, not in the writable layer");
    List<?> test = DeployYaml.list(DeployYaml.at(base, "healthcheck").get("test"), "test");
    assertTrue(((String) test.get(3)).contains("/dev/tcp/127.0.0.1/9464"), test.toString());
    assertTrue(((String) test.get(3)).contains("GET /healthz "), test.toString());
  }

  @Test
  void s3ProxyRunsItsFilesystemNio2Store() {
    Map<String, Object> s3 = DeployYaml.at(services, "s3");
    assertTrue(((String) s3.get("image")).contains("s3proxy-4."), s3.get("image").toString());
    assertEquals("filesystem-nio2", DeployYaml.at(s3, "environment").get("JCLOUDS_PROVIDER"));
  }

  private static void assertExtendsTheBase(Map<String, Object> worker, String name) {
    Map<String, Object> extendsBase = DeployYaml.at(worker, "extends");
    assertEquals("worker.yaml", extendsBase.get("file"), name);
    assertEquals("worker", extendsBase.get("service"), name);
    assertEquals(
        WORKER_DEPENDENCIES,
        DeployYaml.at(worker, "depends_on").keySet(),
        name + " waits for what extends does not copy");
  }

  private static List<String> workers(Map<String, Object> services) {
    return services.keySet().stream().filter(s -> s.startsWith("worker")).toList();
  }

  private static Map<String, Object> services(String file) {
    return DeployYaml.at(DeployYaml.single(COMPOSE.resolve(file)), "services");
  }
}
