package org.rll.workstation.crash;

import java.util.List;
import org.rll.db.ResultsRepository;
import org.rll.workstation.dev.DevStack;

/** What two runs are compared by: their parameters at the end, and their metric rows. */
final class RunArtifacts {

  private RunArtifacts() {}

  /** The bytes of {@code runId}'s parameters in its checkpoint of {@code iteration}. */
  static byte[] parameters(DevStack stack, String runId, long iteration) {
    return stack
        .store()
        .readAllBytes(
            String.format("runs/%s/checkpoints/%012d/parameters.ndlist", runId, iteration));
  }

  /** {@code runId}'s metric rows without their run id. */
  static List<List<Object>> metrics(ResultsRepository results, String runId) {
    return results.metrics(runId).stream()
        .map(m -> List.<Object>of(m.checkpointIteration(), m.head(), m.metric(), m.k(), m.value()))
        .toList();
  }
}
