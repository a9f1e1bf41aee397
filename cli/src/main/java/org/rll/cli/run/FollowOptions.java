package org.rll.cli.run;

import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Whether a command that starts a workflow follows it to its end, and how closely. */
public final class FollowOptions {
  @Option(names = "--detach", description = "Return once the workflow started.")
  boolean detach;

  @Option(
      names = "--poll",
      defaultValue = "PT1S",
      description = "How often progress is asked for (default: ${DEFAULT-VALUE}).")
  Duration poll;

  /**
   * 0 when detached; else follows {@code workflowId} and returns 0 when the run succeeded, 1 when
   * it failed or was cancelled.
   */
  int follow(WorkflowClient client, String workflowId, PrintWriter out)
      throws InterruptedException {
    return detach ? 0 : RunFollower.follow(client, workflowId, out, poll);
  }
}
