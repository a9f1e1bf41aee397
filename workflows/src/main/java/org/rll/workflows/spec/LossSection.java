package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The loss; a null field takes the value of the chosen loss's paper. The Ranked List Loss (paper
 * Eq. 8-14) is the default, set by the fields at this level; each baseline has a section of its
 * own, read only when it is the chosen type.
 *
 * @param type {@code ranked-list} (the default), {@code contrastive}, {@code triplet}, {@code
 *     lifted-structure}, {@code npair}, {@code multi-similarity}, {@code margin}, {@code proxy-nca}
 *     or {@code proxy-anchor}
 * @param alpha the negative boundary (1.2)
 * @param margin m, the gap between positives and negatives (0.4)
 * @param temperature T of the negative weights (10)
 * @param positiveTemperature T_p of the positive weights (0: uniform)
 * @param balance lambda between L_P and L_N (0.5)
 * @param lrMultiplier the learning-rate multiplier of the loss's own parameters, such as proxies
 *     (the loss's paper: 100 for Proxy-Anchor, else 1)
 * @param contrastive the contrastive loss's settings
 * @param triplet the triplet loss's settings
 * @param liftedStructure the lifted structured loss's settings
 * @param npair the N-pair loss's settings
 * @param multiSimilarity the multi-similarity loss's settings
 * @param marginLoss the margin loss's settings (type {@code margin})
 * @param proxyNca Proxy-NCA's settings
 * @param proxyAnchor Proxy-Anchor's settings
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LossSection(
    String type,
    Double alpha,
    Double margin,
    Double temperature,
    Double positiveTemperature,
    Double balance,
    Double lrMultiplier,
    Contrastive contrastive,
    Triplet triplet,
    LiftedStructure liftedStructure,
    Npair npair,
    MultiSimilarity multiSimilarity,
    MarginLoss marginLoss,
    ProxyNca proxyNca,
    ProxyAnchor proxyAnchor) {

  /**
   * The contrastive loss (Hadsell, Chopra and LeCun, CVPR 2006) with two margins.
   *
   * @param positiveMargin distances of same-class pairs below it cost nothing (0)
   * @param negativeMargin distances of other-class pairs above it cost nothing (1)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Contrastive(Double positiveMargin, Double negativeMargin) {}

  /**
   * The triplet loss (Schroff et al., CVPR 2015; batch-hard as Hermans et al., 2017).
   *
   * @param margin the margin alpha (0.2)
   * @param mining {@code semihard} (the default), {@code hard} or {@code all}
   * @param squaredDistance squared Euclidean distances as FaceNet (true), or plain ones as Hermans
   *     et al. (false)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Triplet(Double margin, String mining, Boolean squaredDistance) {}

  /**
   * The lifted structured loss (Song et al., CVPR 2016), its smooth form.
   *
   * @param margin the margin alpha (1)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LiftedStructure(Double margin) {}

  /**
   * The multi-class N-pair loss (Sohn, NIPS 2016).
   *
   * @param l2Weight lambda of the L2 penalty on the embeddings (0.002)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Npair(Double l2Weight) {}

  /**
   * The multi-similarity loss (Wang et al., CVPR 2019) with its pair mining.
   *
   * @param alpha the positive scale (2)
   * @param beta the negative scale (50)
   * @param lambda the similarity offset (1)
   * @param epsilon the mining margin (0.1)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MultiSimilarity(Double alpha, Double beta, Double lambda, Double epsilon) {}

  /**
   * The margin loss with distance-weighted sampling (Wu et al., ICCV 2017).
   *
   * @param margin the margin alpha (0.2)
   * @param beta0 the boundary beta's start (1.2); beta is learned
   * @param nu the weight of beta's regulariser (0)
   * @param cutoff distances below it are sampled as if at it (0.5)
   * @param nonzeroLossCutoff negatives at or beyond it are never sampled (1.4)
   * @param classSpecificBeta one beta per class (true) or one for all
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MarginLoss(
      Double margin,
      Double beta0,
      Double nu,
      Double cutoff,
      Double nonzeroLossCutoff,
      Boolean classSpecificBeta) {}

  /**
   * Proxy-NCA (Movshovitz-Attias et al., 2017).
   *
   * @param scale the scale of the squared distances (1: the paper's loss)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProxyNca(Double scale) {}

  /**
   * Proxy-Anchor (Kim et al., CVPR 2020, Eq. 4).
   *
   * @param alpha the scale alpha (32)
   * @param delta the margin delta (0.1)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProxyAnchor(Double alpha, Double delta) {}
}
