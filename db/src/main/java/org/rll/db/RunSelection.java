package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

import java.util.List;
import java.util.Optional;

/**
 * Which runs a read covers: those of one dataset, those with given ids, both, or all.
 *
 * @param dataset only runs of this dataset, when present
 * @param runIds only runs with these ids; every run when empty
 */
public record RunSelection(Optional<String> dataset, List<String> runIds) {

  /** Every run. */
  public static final RunSelection ALL = new RunSelection(Optional.empty(), List.of());

  public RunSelection {
    check(dataset != null, "dataset filter must not be null, got %s", dataset);
    check(runIds != null, "run id filter must not be null, got %s", runIds);
    for (String runId : runIds) {
      check(
          runId != null && !runId.isBlank(),
          "run ids to select must not be blank, got '%s'",
          runId);
    }
    runIds = List.copyOf(runIds);
  }

  /** The dataset to keep, or null for any: bound as a parameter that the SQL tests for NULL. */
  String datasetOrNull() {
    return dataset.orElse(null);
  }

  /** The run ids to keep, bound as one {@code text[]} parameter; empty keeps every run. */
  String[] runIdArray() {
    return runIds.toArray(String[]::new);
  }
}
