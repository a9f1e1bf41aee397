/**
 * The evaluation stage: stored gallery embeddings to Recall@K, MAP@R and NMI per output ({@link
 * org.rll.core.evaluate.EmbeddingEvaluation}), with each dataset's K list ({@link
 * org.rll.core.evaluate.ProtocolKs}).
 */
package org.rll.core.evaluate;
