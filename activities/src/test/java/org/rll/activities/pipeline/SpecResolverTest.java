package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.rll.activities.resolve.RunSettings;
import org.rll.activities.resolve.SpecResolver;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.loss.GradientMode;
import org.rll.core.loss.RankedListLossConfig;
import org.rll.core.loss.baseline.ContrastiveLossConfig;
import org.rll.core.loss.baseline.MultiSimilarityLossConfig;
import org.rll.core.loss.baseline.ProxyAnchorLossConfig;
import org.rll.core.loss.baseline.ProxyNcaLossConfig;
import org.rll.core.loss.baseline.TripletLossConfig;
import org.rll.core.loss.baseline.TripletMining;
import org.rll.core.model.ModelConfig;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecTree;

class SpecResolverTest {
  private static final String CUB = "https://data.example/CUB_200_2011.tgz";

  private static PipelineSpec spec(String source) {
    return source(source).toSpec();
  }

  private static SpecTree source(String source) {
    return SpecTree.empty().set("dataset.source", source);
  }

  @Test
  void aSourceAloneTakesThePapersDefaults() {
    RunSettings s = SpecResolver.resolve(spec(CUB));
    assertEquals(DatasetFormat.CUB200, s.dataset().format());
    assertEquals(ModelConfig.paper(), s.model());
    assertEquals(
        new RankedListLossConfig(1.2, 0.4, 10, 0, 0.5, GradientMode.CONSTANT_GALLERY), s.loss());
    assertEquals(60, s.sampler().classesPerBatch());
    assertEquals(3, s.sampler().imagesPerClass());
    assertEquals(1e-3, s.sgd().schedule().at(0));
    assertEquals(1e-3, s.sgd().schedule().at(1_000_000));
    assertEquals(0.9, s.sgd().momentum());
    assertEquals(1e-5, s.sgd().weightDecay());
    assertEquals(10.0, s.sgd().lrMultiplier("embed_H.weight"));
    assertEquals(1.0, s.sgd().lrMultiplier("conv1.weight"));
    assertEquals(10_000, s.iterations());
    assertEquals(200, s.checkpointEvery());
    assertEquals(1_000, s.chunkIterations());
    assertEquals(0, s.evaluateEvery());
    assertEquals(List.of(1, 2, 4, 8), s.ks());
    assertEquals(1e-4, s.exportTolerance());
    assertEquals(32, s.checkImages());
    assertEquals(0, s.seed());
    assertEquals(227, s.trainTransform().cropWidth());
    assertEquals(true, s.trainTransform().randomCrop());
    assertEquals(false, s.testTransform().randomCrop());
  }

  @Test
  void formatsAreInferredFromTheSourceName() {
    assertEquals(
        DatasetFormat.CARS196, SpecResolver.resolve(spec("s3://b/car_ims.tgz")).dataset().format());
    assertEquals(
        DatasetFormat.SOP,
        SpecResolver.resolve(spec("https://x/Stanford_Online_Products.zip")).dataset().format());
    assertEquals(
        DatasetFormat.FASHION_MNIST,
        SpecResolver.resolve(spec("file:///data/fashion-mnist/")).dataset().format());
    assertEquals(1e-2, SpecResolver.resolve(spec("s3://b/cars.tgz")).sgd().schedule().at(0));
    ValidationException e =
        assertThrows(ValidationException.class, () -> SpecResolver.resolve(spec("s3://b/x.tgz")));
    assertEquals(
        "dataset.format cannot be inferred from the source file name 'x.tgz'; set dataset.format"
            + " to one of cub200, cars196, sop, fashion-mnist, mnist, image-folder, csv",
        e.getMessage());
  }

  @Test
  void explicitTrainClassesAreClassNames() {
    PipelineSpec spec =
        SpecTree.parse(
                """
                {"dataset": {"source": "file:///data/birds/", "format": "image-folder",
                             "trainClasses": ["albatross", 7]}}
                """)
            .toSpec();
    assertEquals(
        SplitRule.trainClasses(List.of("albatross", "7")),
        SpecResolver.resolve(spec).dataset().split());
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SpecResolver.resolve(
                    source("file:///d/")
                        .set("dataset.format", "csv")
                        .set("dataset.trainClasses", List.of(" "))
                        .toSpec()));
    assertEquals(
        "dataset.trainClasses must be a non-empty list of class names, got [ ]", e.getMessage());
  }

  @Test
  void theSmallConvNetTakesTheGrayscalePipelineAndOneHead() {
    PipelineSpec spec =
        SpecTree.parse(
                """
                {"runId": "r",
                 "dataset": {"source": "file:///d/fashion-mnist"},
                 "sampler": {"classesPerBatch": 5, "imagesPerClass": 4},
                 "model": {"backbone": "small-conv"},
                 "training": {"iterations": 12, "lrSteps": [4, 8]},
                 "evaluation": {"every": 4, "ks": [1, 2], "seed": 7}}
                """)
            .toSpec();
    RunSettings s = SpecResolver.resolve(spec);
    assertEquals(ModelConfig.demo(), s.model());
    assertEquals(ImageTransformConfig.grayscale28(), s.trainTransform());
    assertEquals(ImageTransformConfig.grayscale28(), s.testTransform());
    assertEquals(20, s.batchSize());
    assertEquals(1e-2, s.sgd().schedule().at(3));
    assertEquals(1e-3, s.sgd().schedule().at(4), 1e-15);
    assertEquals(1e-4, s.sgd().schedule().at(8), 1e-15);
    assertEquals(4, s.evaluateEvery());
    assertEquals(List.of(1, 2), s.ks());
    assertEquals(7, s.nmiSeed());
  }

  @Test
  void everyBadValueIsNamed() {
    assertMessage(
        "sampler.classesPerBatch must be >= 2, got 1",
        source(CUB).set("sampler.classesPerBatch", 1));
    assertMessage(
        "training.iterations must be >= 1, got 0", source(CUB).set("training.iterations", 0));
    assertMessage(
        "training.lrSteps must be evenly spaced from the first step (s, 2s, 3s, ...), got [4, 6]",
        source(CUB).set("training.iterations", 10).set("training.lrSteps", List.of(4, 6)));
    assertMessage(
        "dataset.format: unknown dataset format 'imagenet', expected one of cub200, cars196, sop,"
            + " fashion-mnist, mnist, image-folder, csv",
        source(CUB).set("dataset.format", "imagenet"));
    assertMessage(
        "dataset.source is required: an https://, http://, s3:// or file:// URI or a path",
        SpecTree.empty());
    assertMessage(
        "dataset source 'https://***@data.example/CUB_200_2011.tgz' must not carry credentials"
            + " (user@ or user:password@); give the source's credentials to the worker instead",
        source("https://me:secret@data.example/CUB_200_2011.tgz"));
    PipelineSpec badAlpha = source(CUB).set("loss.alpha", -1.0).toSpec();
    ValidationException loss =
        assertThrows(ValidationException.class, () -> SpecResolver.resolve(badAlpha));
    assertEquals(true, loss.getMessage().startsWith("loss: "), loss.getMessage());
  }

  @Test
  void theConfigHashFollowsWhatChangesTraining() {
    String base = SpecResolver.resolve(spec(CUB)).identity().configHash();
    assertEquals(base, SpecResolver.resolve(spec(CUB)).identity().configHash());
    PipelineSpec moreIterations = source(CUB).set("training.iterations", 20_000).toSpec();
    assertNotEquals(base, SpecResolver.resolve(moreIterations).identity().configHash());
    PipelineSpec otherEvaluation = source(CUB).set("evaluation.every", 500).toSpec();
    assertEquals(base, SpecResolver.resolve(otherEvaluation).identity().configHash());
    assertEquals(URI.create(CUB), SpecResolver.resolve(spec(CUB)).dataset().source());
  }

  private static void assertMessage(String message, SpecTree tree) {
    PipelineSpec spec = tree.toSpec();
    ValidationException e =
        assertThrows(ValidationException.class, () -> SpecResolver.resolve(spec));
    assertEquals(message, e.getMessage());
  }

  @Test
  void anUnforeseenFailureToResolveIsInvalidInputNotATransientFault() throws Exception {
    // A null head, which decoding a workflow input refuses, read here without that check.
    PipelineSpec spec =
        new ObjectMapper()
            .readValue(
                """
                {"dataset": {"source": "file:///data/fashion-mnist"},
                 "model": {"backbone": "small-conv", "heads": ["H", null]}}
                """,
                PipelineSpec.class);

    ValidationException e =
        assertThrows(ValidationException.class, () -> SpecResolver.resolve(spec));

    assertTrue(e.getMessage().startsWith("the spec cannot be resolved: "), e.getMessage());
  }

  @Test
  void theLossTypePicksTheLossAndItsPapersDefaults() {
    RunSettings anchor =
        SpecResolver.resolve(source(CUB).set("loss.type", "proxy-anchor").toSpec());
    assertEquals(new ProxyAnchorLossConfig(32, 0.1), anchor.loss());
    assertEquals("proxy-anchor", anchor.loss().type());
    assertEquals(OptionalDouble.empty(), anchor.sgd().lossLrMultiplier());
    RunSettings nca =
        SpecResolver.resolve(
            source(CUB)
                .set("loss.type", "proxy-nca")
                .set("loss.proxyNca.scale", 3.0)
                .set("loss.lrMultiplier", 10.0)
                .toSpec());
    assertEquals(new ProxyNcaLossConfig(3), nca.loss());
    RunSettings triplet =
        SpecResolver.resolve(
            source(CUB).set("loss.type", "triplet").set("loss.triplet.mining", "hard").toSpec());
    assertEquals(new TripletLossConfig(0.2, TripletMining.HARD, true), triplet.loss());
    RunSettings contrastive =
        SpecResolver.resolve(
            source(CUB)
                .set("loss.type", "contrastive")
                .set("loss.contrastive.positiveMargin", 0.1)
                .toSpec());
    assertEquals(new ContrastiveLossConfig(0.1, 1), contrastive.loss());
    assertEquals(
        new MultiSimilarityLossConfig(2, 40, 1, 0.1),
        SpecResolver.resolve(
                source(CUB)
                    .set("loss.type", "multi-similarity")
                    .set("loss.multiSimilarity.beta", 40.0)
                    .toSpec())
            .loss());
    assertEquals(OptionalDouble.of(10), nca.sgd().lossLrMultiplier());
  }

  @Test
  void anUnknownLossTypeIsRefusedNamingTheKnownOnes() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> SpecResolver.resolve(source(CUB).set("loss.type", "arcface").toSpec()));
    assertEquals(
        "loss.type must be one of ranked-list, contrastive, triplet, lifted-structure, npair,"
            + " multi-similarity, margin, proxy-nca, proxy-anchor, got 'arcface'",
        e.getMessage());
    ValidationException delta =
        assertThrows(
            ValidationException.class,
            () ->
                SpecResolver.resolve(
                    source(CUB)
                        .set("loss.type", "proxy-anchor")
                        .set("loss.proxyAnchor.delta", -1.0)
                        .toSpec()));
    assertTrue(delta.getMessage().startsWith("loss.proxyAnchor: "), delta.getMessage());
  }
}
