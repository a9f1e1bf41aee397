package org.rll.workflows.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A sweep as plain JSON: a base spec, the axes that vary it, the seeds each setting runs with, and
 * how many runs may train at once. {@code {"base": {...}, "axes": [{"path": "loss.alpha", "values":
 * [1.0, 1.4]}], "seeds": [0, 1, 2]}} is a whole sweep; {@link SweepPlan} validates it.
 *
 * @param base the {@code PipelineSpec} every run starts from
 * @param axes the fields that vary, each with its values
 * @param combine {@code grid} (every combination, the default) or {@code zip} (the i-th value of
 *     every axis together)
 * @param seeds the values of {@code training.seed} each setting runs with (default: the base's
 *     seed)
 * @param maxParallel how many runs train at once (default 4)
 * @param allowLarge whether a grid of more than {@link SweepPlan#MAX_SETTINGS} settings may start
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SweepSpec(
    JsonNode base,
    List<SweepAxis> axes,
    String combine,
    List<Long> seeds,
    Integer maxParallel,
    Boolean allowLarge) {}
