package org.rll.db;

import java.util.Optional;
import org.rll.workflows.RunStatus;

/**
 * Which runs a list shows; each filter that is present must match.
 *
 * @param dataset the dataset's name
 * @param status the recorded status
 * @param sweepId a sweep the run belongs to
 */
public record RunFilter(
    Optional<String> dataset, Optional<RunStatus> status, Optional<String> sweepId) {

  /** Every run. */
  public static final RunFilter ALL =
      new RunFilter(Optional.empty(), Optional.empty(), Optional.empty());

  public RunFilter {
    if (dataset == null || status == null || sweepId == null) {
      throw new IllegalArgumentException("a run filter takes Optional.empty(), not null");
    }
  }

  Object[] params() {
    String datasetName = dataset.orElse(null);
    String statusName = status.map(Enum::name).orElse(null);
    String sweep = sweepId.orElse(null);
    return new Object[] {datasetName, datasetName, statusName, statusName, sweep, sweep};
  }
}
