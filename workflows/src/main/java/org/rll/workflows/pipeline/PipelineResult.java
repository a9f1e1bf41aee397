package org.rll.workflows.pipeline;

import java.util.List;
import org.rll.workflows.RunStatus;
import org.rll.workflows.stages.EvaluationSummary;

/**
 * How a run ended.
 *
 * @param status {@link RunStatus#SUCCEEDED} or {@link RunStatus#CANCELLED}
 * @param modelKey the store key of the final ONNX model; null when cancelled
 * @param evaluations every evaluation of this workflow execution, the final one last
 */
public record PipelineResult(
    String runId,
    RunStatus status,
    long iterationsDone,
    String modelKey,
    List<EvaluationSummary> evaluations) {}
