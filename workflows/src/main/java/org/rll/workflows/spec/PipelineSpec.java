package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything a run needs, as plain JSON: {@code {"dataset": {"source": "..."}}} is a whole spec,
 * since every other field has a default. Unknown fields are ignored, so specs written for a newer
 * version still start. The records only carry values: the planning activity resolves defaults and
 * validates, so that a bad spec fails the workflow at once with a message naming the bad value.
 * Specs are built as JSON (text or a {@link SpecTree}) rather than by constructor, so that a new
 * field changes only its record and where it is resolved.
 *
 * @param runId the run to start or resume; null names the run after the workflow id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineSpec(
    String runId,
    DatasetSection dataset,
    LossSection loss,
    SamplerSection sampler,
    ModelSection model,
    TrainingSection training,
    EvaluationSection evaluation,
    ExportSection export,
    RetrySection retry) {

  /** This spec for the run {@code id}. */
  public PipelineSpec withRunId(String id) {
    return new PipelineSpec(id, dataset, loss, sampler, model, training, evaluation, export, retry);
  }
}
