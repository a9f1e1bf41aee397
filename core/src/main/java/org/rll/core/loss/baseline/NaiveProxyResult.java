package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;

/**
 * What a plain proxy-loss reference computes for one head.
 *
 * @param loss the head's loss
 * @param embeddingGradient N x d, d loss / d embeddings (before normalisation)
 * @param proxyGradient C x d, d loss / d proxies (before normalisation)
 * @param counts the pairs the loss sums
 */
public record NaiveProxyResult(
    double loss, double[][] embeddingGradient, double[][] proxyGradient, MinedCounts counts) {}
