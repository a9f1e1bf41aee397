package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell of the rll-setup Job, run by sh with stand-ins for {@code temporal} and {@code aws}
 * that print their arguments: it creates the namespace and the bucket only when they are missing,
 * and passes the S3 endpoint and the bucket's region only when there is one to pass.
 */
class SetupJobTest {
  @TempDir Path bin;

  @Test
  void aMissingNamespaceIsCreated() throws Exception {
    standIn("temporal", "describe");
    assertEquals(
        List.of(
            "temporal operator namespace describe --namespace default --address t:7233",
            "temporal operator namespace create --namespace default --retention 720h"
                + " --address t:7233"),
        run(
            "temporal-namespace",
            Map.of("RLL_TEMPORAL_NAMESPACE", "default", "RLL_TEMPORAL_TARGET", "t:7233")));
  }

  @Test
  void anExistingNamespaceIsLeftAlone() throws Exception {
    standIn("temporal", "never");
    assertEquals(
        List.of("temporal operator namespace describe --namespace rll --address t:7233"),
        run(
            "temporal-namespace",
            Map.of("RLL_TEMPORAL_NAMESPACE", "rll", "RLL_TEMPORAL_TARGET", "t:7233")));
  }

  @Test
  void aMissingBucketOnAwsIsCreatedInUsEast1WithoutALocation() throws Exception {
    standIn("aws", "head-bucket");
    assertEquals(
        List.of(
            "aws s3api head-bucket --bucket rll-artifacts",
            "aws s3api create-bucket --bucket rll-artifacts"),
        run("s3-bucket", Map.of("RLL_S3_BUCKET", "rll-artifacts", "AWS_REGION", "us-east-1")));
  }

  @Test
  void anotherRegionAndAnEndpointArePassedOn() throws Exception {
    standIn("aws", "head-bucket");
    assertEquals(
        List.of(
            "aws --endpoint-url http://s3:9000 s3api head-bucket --bucket b",
            "aws --endpoint-url http://s3:9000 s3api create-bucket --bucket b"
                + " --create-bucket-configuration LocationConstraint=eu-west-1"),
        run(
            "s3-bucket",
            Map.of(
                "RLL_S3_BUCKET",
                "b",
                "AWS_REGION",
                "eu-west-1",
                "RLL_S3_ENDPOINT",
                "http://s3:9000")));
  }

  /** A command {@code name} that prints its arguments and fails when they contain {@code fail}. */
  private void standIn(String name, String fail) throws IOException {
    Path script = bin.resolve(name);
    Files.writeString(
        script,
        "#!/bin/sh\necho \"" + name + " $*\"\ncase \"$*\" in *" + fail + "*) exit 1;; esac\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The calls the Job's container {@code name} makes under {@code environment}. */
  private List<String> run(String name, Map<String, String> environment) throws Exception {
    Kustomization.Resource job = Kustomization.render().find("Job", "rll-setup").orElseThrow();
    Map<String, Object> container =
        job.containers().stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    assertEquals(List.of("sh", "-c"), container.get("command"), name);
    String script = (String) DeployYaml.list(container.get("args"), "args").get(0);
    ProcessBuilder sh = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
    sh.environment().putAll(environment);
    sh.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process process = sh.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), out);
    return out.lines().toList();
  }
}
