/**
 * Exact retrieval metrics and clustering: Recall@K and MAP@R over a blocked similarity product
 * ({@link org.rll.core.metrics.RetrievalEvaluator}, ties broken by index), and k-means with NMI
 * ({@link org.rll.core.metrics.KMeans}, {@link org.rll.core.metrics.NormalizedMutualInformation}).
 */
package org.rll.core.metrics;
