package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How the run is scored; a null field takes the default.
 *
 * @param every also evaluate every this many iterations during training; null or 0 for the end only
 * @param ks the Recall@K list; null for the dataset's protocol
 * @param seed seed of the k-means of NMI
 * @param untrained also score the net before training, as iteration 0: the baseline training is
 *     measured against
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationSection(Integer every, List<Integer> ks, Long seed, Boolean untrained) {

  /** Whether {@code spec} asks for the untrained net's scores. */
  public static boolean untrained(PipelineSpec spec) {
    return spec.evaluation() != null && Boolean.TRUE.equals(spec.evaluation().untrained());
  }
}
