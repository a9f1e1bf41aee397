package org.rll.workflows.pipeline;

import io.temporal.common.converter.RawValue;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.rll.workflows.spec.SpecCodec;

/**
 * One run of the pipeline: prepare the dataset, build the batch manifest, train in durable chunks,
 * export ONNX, extract the test embeddings, evaluate. Its workflow type is {@code RllPipeline}.
 */
@WorkflowInterface
public interface RllPipeline {

  /**
   * Runs (or resumes) the run a {@code PipelineSpec} describes to its end. The spec arrives as the
   * raw JSON payload ({@link SpecCodec#encode}, or plain JSON from the Temporal CLI) and is decoded
   * by the workflow itself, so that any input, however malformed, ends in a failed run naming the
   * problem.
   */
  @WorkflowMethod
  PipelineResult run(RawValue spec);

  /** Where the run is: stage, iteration, last loss, throughput, newest checkpoint, metrics. */
  @QueryMethod
  Progress progress();

  /** Stops training after the current iteration, leaving a checkpoint; the run ends cancelled. */
  @SignalMethod
  void cancel();
}
