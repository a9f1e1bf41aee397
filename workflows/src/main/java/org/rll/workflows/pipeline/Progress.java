package org.rll.workflows.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.EvaluationSummary;

/**
 * What the {@code progress} query answers. Training figures are those of the last finished chunk.
 *
 * @param stage the stage running now, or how the run ended
 * @param lastLoss null before the first chunk ends
 * @param imagesPerSecond null before the first chunk ends
 * @param newestCheckpoint the store prefix of the newest checkpoint, or null
 * @param retrying the stage's retry while it waits for or runs a retry, else null
 */
public record Progress(
    String runId,
    String stage,
    long iteration,
    long totalIterations,
    Double lastLoss,
    Double imagesPerSecond,
    String newestCheckpoint,
    List<EvaluationSummary> evaluations,
    Retrying retrying) {

  /** No stage run yet. */
  public static Progress starting(String runId) {
    return new Progress(runId, "starting", 0, 0, null, null, null, List.of(), null);
  }

  /** At the stage {@code newStage}, which has not failed yet. */
  Progress withStage(String newStage) {
    return new Progress(
        runId,
        newStage,
        iteration,
        totalIterations,
        lastLoss,
        imagesPerSecond,
        newestCheckpoint,
        evaluations,
        null);
  }

  Progress withTotal(long total) {
    return new Progress(
        runId,
        stage,
        iteration,
        total,
        lastLoss,
        imagesPerSecond,
        newestCheckpoint,
        evaluations,
        retrying);
  }

  /** Retrying the current stage as {@code retry} says. */
  Progress withRetrying(Retrying retry) {
    return new Progress(
        runId,
        stage,
        iteration,
        totalIterations,
        lastLoss,
        imagesPerSecond,
        newestCheckpoint,
        evaluations,
        retry);
  }

  /** With the figures of a finished chunk; one that ran no iteration keeps the earlier ones. */
  Progress withChunk(ChunkOutcome chunk) {
    boolean ran = chunk.imagesPerSecond() > 0;
    return new Progress(
        runId,
        stage,
        chunk.iterationsDone(),
        totalIterations,
        ran ? Double.valueOf(chunk.lastLoss()) : lastLoss,
        ran ? Double.valueOf(chunk.imagesPerSecond()) : imagesPerSecond,
        chunk.checkpointKey(),
        evaluations,
        null);
  }

  Progress withEvaluation(EvaluationSummary evaluation) {
    List<EvaluationSummary> all = new ArrayList<>(evaluations);
    all.add(evaluation);
    return new Progress(
        runId,
        stage,
        iteration,
        totalIterations,
        lastLoss,
        imagesPerSecond,
        newestCheckpoint,
        List.copyOf(all),
        null);
  }
}
