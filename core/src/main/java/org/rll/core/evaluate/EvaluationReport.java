package org.rll.core.evaluate;

import java.util.List;
import org.rll.core.exceptions.ValidationException;

/**
 * The scores of every output of one extraction, in the embedder's output order.
 *
 * @param identity the embedder's identity as the extraction recorded it; empty when unknown
 * @param imageCount gallery images
 * @param classCount distinct classes of the gallery, the k of the NMI's k-means
 * @param heads the scores of each output
 */
public record EvaluationReport(
    String identity, int imageCount, int classCount, List<HeadScores> heads) {

  public EvaluationReport {
    ValidationException.check(identity != null, "identity must not be null");
    heads = List.copyOf(heads);
    ValidationException.check(!heads.isEmpty(), "a report needs at least one head");
  }

  /** The scores of output {@code head}, such as {@code L,M,H}. */
  public HeadScores head(String head) {
    return heads.stream()
        .filter(h -> h.head().equals(head))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "no head '"
                        + head
                        + "' in the report; it has "
                        + heads.stream().map(HeadScores::head).toList()));
  }
}
