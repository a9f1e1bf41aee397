package org.rll.workflows.stages;

/**
 * One figure of an evaluation, as stored in the results database.
 *
 * @param head {@code L}, {@code M}, {@code H} or {@code L,M,H}
 * @param metric {@code recall}, {@code nmi} or {@code map_at_r}
 * @param k the K of Recall@K; 0 for the others
 * @param value a fraction in [0, 1]
 */
public record MetricValue(String head, String metric, int k, double value) {}
