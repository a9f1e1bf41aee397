package org.rll.activities.resolve;

import static org.rll.activities.resolve.Specs.field;
import static org.rll.activities.resolve.Specs.or;
import static org.rll.activities.resolve.Specs.orEmpty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.loss.RankedListLossConfig;
import org.rll.core.loss.baseline.ContrastiveLoss;
import org.rll.core.loss.baseline.ContrastiveLossConfig;
import org.rll.core.loss.baseline.LiftedStructureLoss;
import org.rll.core.loss.baseline.LiftedStructureLossConfig;
import org.rll.core.loss.baseline.MarginLoss;
import org.rll.core.loss.baseline.MarginLossConfig;
import org.rll.core.loss.baseline.MultiSimilarityLoss;
import org.rll.core.loss.baseline.MultiSimilarityLossConfig;
import org.rll.core.loss.baseline.NPairLoss;
import org.rll.core.loss.baseline.NPairLossConfig;
import org.rll.core.loss.baseline.ProxyAnchorLoss;
import org.rll.core.loss.baseline.ProxyAnchorLossConfig;
import org.rll.core.loss.baseline.ProxyNcaLoss;
import org.rll.core.loss.baseline.ProxyNcaLossConfig;
import org.rll.core.loss.baseline.TripletLoss;
import org.rll.core.loss.baseline.TripletLossConfig;
import org.rll.core.loss.baseline.TripletMining;
import org.rll.workflows.spec.LossSection;

/**
 * Resolves the spec's {@code loss} section: {@code loss.type} picks the loss, and its fields (or
 * its section's) default to that loss's paper.
 */
public final class LossResolver {
  /** Every loss type, in the order messages list them. */
  private static final Map<String, Function<LossSection, LossConfig>> TYPES = types();

  private LossResolver() {}

  /** The loss {@code section} chooses; an unknown type is refused, naming the known ones. */
  public static LossConfig resolve(LossSection section) {
    String type = or(section.type(), "ranked-list");
    Function<LossSection, LossConfig> resolver = TYPES.get(type);
    ValidationException.check(
        resolver != null,
        "loss.type must be one of %s, got '%s'",
        String.join(", ", TYPES.keySet()),
        type);
    return resolver.apply(section);
  }

  /** The loss types a spec may name, in the order messages list them. */
  public static Set<String> typeNames() {
    return TYPES.keySet();
  }

  /** The loss {@code type} at its paper's defaults. */
  public static LossConfig defaults(String type) {
    return resolve(Specs.section(Map.of("type", type), LossSection.class));
  }

  private static Map<String, Function<LossSection, LossConfig>> types() {
    Map<String, Function<LossSection, LossConfig>> types = new LinkedHashMap<>();
    types.put("ranked-list", LossResolver::rankedList);
    types.put("contrastive", LossResolver::contrastive);
    types.put("triplet", LossResolver::triplet);
    types.put("lifted-structure", LossResolver::liftedStructure);
    types.put("npair", LossResolver::npair);
    types.put("multi-similarity", LossResolver::multiSimilarity);
    types.put("margin", LossResolver::margin);
    types.put("proxy-nca", LossResolver::proxyNca);
    types.put("proxy-anchor", LossResolver::proxyAnchor);
    return types;
  }

  private static LossConfig rankedList(LossSection section) {
    return field(
        "loss",
        () ->
            RankedListLoss.builder()
                .optAlpha(or(section.alpha(), RankedListLossConfig.DEFAULT_ALPHA))
                .optMargin(or(section.margin(), RankedListLossConfig.DEFAULT_MARGIN))
                .optTemperature(or(section.temperature(), RankedListLossConfig.DEFAULT_TEMPERATURE))
                .optPositiveTemperature(
                    or(
                        section.positiveTemperature(),
                        RankedListLossConfig.DEFAULT_POSITIVE_TEMPERATURE))
                .optBalance(or(section.balance(), RankedListLossConfig.DEFAULT_BALANCE))
                .build()
                .getConfig());
  }

  private static LossConfig contrastive(LossSection section) {
    LossSection.Contrastive s = orEmpty(section.contrastive(), LossSection.Contrastive.class);
    return field(
        "loss.contrastive",
        () ->
            ContrastiveLoss.builder()
                .optPositiveMargin(
                    or(s.positiveMargin(), ContrastiveLossConfig.DEFAULT_POSITIVE_MARGIN))
                .optNegativeMargin(
                    or(s.negativeMargin(), ContrastiveLossConfig.DEFAULT_NEGATIVE_MARGIN))
                .build()
                .getConfig());
  }

  private static LossConfig triplet(LossSection section) {
    LossSection.Triplet s = orEmpty(section.triplet(), LossSection.Triplet.class);
    return field(
        "loss.triplet",
        () ->
            TripletLoss.builder()
                .optMargin(or(s.margin(), TripletLossConfig.DEFAULT_MARGIN))
                .optMining(
                    s.mining() == null
                        ? TripletLossConfig.DEFAULT_MINING
                        : TripletMining.parse(s.mining()))
                .optSquaredDistance(
                    or(s.squaredDistance(), TripletLossConfig.DEFAULT_SQUARED_DISTANCE))
                .build()
                .getConfig());
  }

  private static LossConfig liftedStructure(LossSection section) {
    LossSection.LiftedStructure s =
        orEmpty(section.liftedStructure(), LossSection.LiftedStructure.class);
    return field(
        "loss.liftedStructure",
        () ->
            LiftedStructureLoss.builder()
                .optMargin(or(s.margin(), LiftedStructureLossConfig.DEFAULT_MARGIN))
                .build()
                .getConfig());
  }

  private static LossConfig npair(LossSection section) {
    LossSection.Npair s = orEmpty(section.npair(), LossSection.Npair.class);
    return field(
        "loss.npair",
        () ->
            NPairLoss.builder()
                .optL2Weight(or(s.l2Weight(), NPairLossConfig.DEFAULT_L2_WEIGHT))
                .build()
                .getConfig());
  }

  private static LossConfig multiSimilarity(LossSection section) {
    LossSection.MultiSimilarity s =
        orEmpty(section.multiSimilarity(), LossSection.MultiSimilarity.class);
    return field(
        "loss.multiSimilarity",
        () ->
            MultiSimilarityLoss.builder()
                .optAlpha(or(s.alpha(), MultiSimilarityLossConfig.DEFAULT_ALPHA))
                .optBeta(or(s.beta(), MultiSimilarityLossConfig.DEFAULT_BETA))
                .optLambda(or(s.lambda(), MultiSimilarityLossConfig.DEFAULT_LAMBDA))
                .optEpsilon(or(s.epsilon(), MultiSimilarityLossConfig.DEFAULT_EPSILON))
                .build()
                .getConfig());
  }

  private static LossConfig margin(LossSection section) {
    LossSection.MarginLoss s = orEmpty(section.marginLoss(), LossSection.MarginLoss.class);
    return field(
        "loss.marginLoss",
        () ->
            MarginLoss.builder()
                .optMargin(or(s.margin(), MarginLossConfig.DEFAULT_MARGIN))
                .optBeta0(or(s.beta0(), MarginLossConfig.DEFAULT_BETA0))
                .optNu(or(s.nu(), MarginLossConfig.DEFAULT_NU))
                .optCutoff(or(s.cutoff(), MarginLossConfig.DEFAULT_CUTOFF))
                .optNonzeroLossCutoff(
                    or(s.nonzeroLossCutoff(), MarginLossConfig.DEFAULT_NONZERO_LOSS_CUTOFF))
                .optClassSpecificBeta(
                    or(s.classSpecificBeta(), MarginLossConfig.DEFAULT_CLASS_SPECIFIC_BETA))
                .build()
                .getConfig());
  }

  private static LossConfig proxyNca(LossSection section) {
    LossSection.ProxyNca s = orEmpty(section.proxyNca(), LossSection.ProxyNca.class);
    return field(
        "loss.proxyNca",
        () ->
            ProxyNcaLoss.builder()
                .optScale(or(s.scale(), ProxyNcaLossConfig.DEFAULT_SCALE))
                .build()
                .getConfig());
  }

  private static LossConfig proxyAnchor(LossSection section) {
    LossSection.ProxyAnchor s = orEmpty(section.proxyAnchor(), LossSection.ProxyAnchor.class);
    return field(
        "loss.proxyAnchor",
        () ->
            ProxyAnchorLoss.builder()
                .optAlpha(or(s.alpha(), ProxyAnchorLossConfig.DEFAULT_ALPHA))
                .optDelta(or(s.delta(), ProxyAnchorLossConfig.DEFAULT_DELTA))
                .build()
                .getConfig());
  }
}
