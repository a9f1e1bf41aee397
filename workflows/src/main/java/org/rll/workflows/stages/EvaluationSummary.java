package org.rll.workflows.stages;

import java.util.List;

/** The metrics of the model of one checkpoint iteration, as written to the results database. */
public record EvaluationSummary(long iteration, List<MetricValue> metrics) {}
