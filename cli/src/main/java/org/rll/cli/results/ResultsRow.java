package org.rll.cli.results;

import static org.rll.core.exceptions.ValidationException.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One line of the results table: the metrics of one embedding head of one run at one evaluated
 * checkpoint. Values are the stored fractions in [0, 1].
 *
 * @param dataset the run's dataset, or null when it is not known
 * @param loss the run's {@code loss.type}, such as {@code ranked-list}
 * @param recall Recall@K by K; the Ks this head was evaluated at
 */
public record ResultsRow(
    String runId,
    String dataset,
    String loss,
    String head,
    long iteration,
    SortedMap<Integer, Double> recall,
    OptionalDouble nmi,
    OptionalDouble mapAtR) {

  public ResultsRow {
    check(runId != null && !runId.isBlank(), "run id must not be blank, got '%s'", runId);
    check(head != null && !head.isBlank(), "run %s: head must not be blank, got '%s'", runId, head);
    check(iteration >= 0, "run %s: iteration must be >= 0, got %s", runId, iteration);
    check(
        recall != null && nmi != null && mapAtR != null,
        "run %s head %s: metrics must not be null",
        runId,
        head);
    recall = Collections.unmodifiableSortedMap(new TreeMap<>(recall));
  }

  /** The metrics this row has, by column name: R@K by ascending K, then NMI and MAP@R. */
  public Map<String, Double> metricsByColumn() {
    Map<String, Double> values = new LinkedHashMap<>();
    recall.forEach((k, value) -> values.put(ResultsTable.RECALL_COLUMN + k, value));
    nmi.ifPresent(value -> values.put(ResultsTable.NMI_COLUMN, value));
    mapAtR.ifPresent(value -> values.put(ResultsTable.MAP_AT_R_COLUMN, value));
    return values;
  }
}
