package org.rll.cli.run;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rll.workflows.RootCause;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.QueueWait;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.stages.EvaluationSummary;

/**
 * Follows a pipeline workflow to its end: a progress line whenever the {@code progress} query
 * answers something new or a wait for a worker grows by a minute, then how the run ended and its
 * final metrics.
 */
public final class RunFollower {

  private RunFollower() {}

  /** Follows {@code workflowId}; returns 0 when the run succeeded, 1 when it failed or stopped. */
  public static int follow(WorkflowClient client, String workflowId, PrintWriter out, Duration poll)
      throws InterruptedException {
    RllPipeline pipeline = client.newWorkflowStub(RllPipeline.class, workflowId);
    CompletableFuture<PipelineResult> result =
        WorkflowStub.fromTyped(pipeline).getResultAsync(PipelineResult.class);
    String last = "";
    while (!result.isDone()) {
      try {
        String line =
            ProgressLine.format(
                pipeline.progress(), QueueWait.longest(client, workflowId), Instant.now());
        if (!line.equals(last)) {
          out.println(line);
          out.flush();
          last = line;
        }
      } catch (WorkflowException e) {
        // The query races the workflow's end or a worker restart; the next poll tells.
      }
      try {
        result.get(poll.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Done or not, the loop condition and the code below read the outcome.
      }
    }
    return report(result, workflowId, out);
  }

  private static int report(
      CompletableFuture<PipelineResult> result, String workflowId, PrintWriter out)
      throws InterruptedException {
    try {
      PipelineResult end = result.get();
      out.printf(
          "run %s %s after %d iterations%s%n",
          end.runId(),
          end.status(),
          end.iterationsDone(),
          end.modelKey() == null ? "" : "; model " + end.modelKey());
      if (!end.evaluations().isEmpty()) {
        EvaluationSummary last = end.evaluations().get(end.evaluations().size() - 1);
        out.println("metrics (%) at iteration " + last.iteration() + ":");
        MetricLines.format(last.metrics()).forEach(line -> out.println("  " + line));
      }
      out.flush();
      return end.status() == RunStatus.SUCCEEDED ? 0 : 1;
    } catch (ExecutionException e) {
      out.println("workflow " + workflowId + " " + failure(e.getCause()));
      out.flush();
      return 1;
    }
  }

  /** "was cancelled" or "failed: <the root cause's own message>". */
  private static String failure(Throwable e) {
    return RootCause.of(e) instanceof CanceledFailure
        ? "was cancelled"
        : "failed: " + RootCause.message(e);
  }
}
