package org.rll.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI, as installed, at its default settings (current versions send flexible checksums)
 * against S3Proxy set up as {@code rll dev} sets it up: {@code aws-cli-defaults.sh} copies files
 * both ways, lists them and reads a range. Skipped where the AWS CLI is not installed.
 */
class AwsCliDefaultsTest {
  @TempDir Path data;
  @TempDir Path work;

  @Test
  void theAwsCliRoundTripsFilesAtItsDefaults() throws Exception {
    Assumptions.assumeTrue(awsCliInstalled(), "the AWS CLI is not installed");
    try (S3ProxyServer server = S3ProxyServer.startUnauthenticated(data, freePort())) {
      server.createBucket("rll");
      Process script =
          new ProcessBuilder(
                  "bash", script().toString(), server.endpoint().toString(), work.toString())
              .redirectErrorStream(true)
              .start();
      assertTrue(script.waitFor(5, TimeUnit.MINUTES), "the script did not finish in 5 minutes");
      String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, script.exitValue(), output);
      assertTrue(output.strip().endsWith("round trip ok"), output);
    }
  }

  private static boolean awsCliInstalled() {
    try {
      Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Path script() throws URISyntaxException {
    return Path.of(AwsCliDefaultsTest.class.getResource("/aws-cli-defaults.sh").toURI());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
