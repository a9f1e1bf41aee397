package org.rll.workstation.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rll.workstation.dev.DevStack;

/** An {@code rll worker} process polling {@code rll-gpu} for activities only, logging to a file. */
record WorkerProcess(Process process, Path log) {

  static WorkerProcess start(DevStack stack, Path log, String... extraArguments)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx2g",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.rll.cli.RllCommand",
                "worker",
                "--queues",
                "gpu",
                "--activities-only",
                "--scratch-dir",
                log.resolveSibling(log.getFileName() + ".scratch").toString()));
    command.addAll(List.of(extraArguments));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(stack.clientEnvironment());
    builder.environment().put("AWS_REGION", "us-east-1");
    return new WorkerProcess(builder.start(), log);
  }

  /** SIGKILL: no shutdown hook runs, no checkpoint is written. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String output() throws IOException {
    return Files.readString(log);
  }
}
