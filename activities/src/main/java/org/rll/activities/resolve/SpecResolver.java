package org.rll.activities.resolve;

import static org.rll.activities.resolve.Specs.atLeast;
import static org.rll.activities.resolve.Specs.field;
import static org.rll.activities.resolve.Specs.or;
import static org.rll.activities.resolve.Specs.orEmpty;
import static org.rll.activities.resolve.Specs.positive;

import java.util.Arrays;
import java.util.List;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.evaluate.ProtocolKs;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;
import org.rll.core.model.Backbone;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.workflows.spec.EvaluationSection;
import org.rll.workflows.spec.ExportSection;
import org.rll.workflows.spec.LossSection;
import org.rll.workflows.spec.ModelSection;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SamplerSection;
import org.rll.workflows.spec.TrainingSection;

/**
 * Resolves a {@link PipelineSpec}'s defaults into {@link RunSettings}; every bad value is a {@link
 * ValidationException} naming its field. Defaults: the paper's loss (alpha 1.2, m 0.4, T 10), C 60,
 * K 3, BN-Inception with heads L, M, H of 512 units (the small conv net: head H of 128 units), SGD
 * momentum 0.9, weight decay 1e-5, lr 1e-2 (1e-3 for CUB) with the heads at 10x and no decay unless
 * {@code lrSteps} is given; 10,000 iterations in chunks of 1,000 with a checkpoint every 200;
 * evaluation at the end only; export tolerance 1e-4 on 32 check images; seed 0.
 */
public final class SpecResolver {
  /** Training iterations when the spec gives none. */
  public static final int DEFAULT_ITERATIONS = 10_000;

  /** Iterations between checkpoints when the spec gives none. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 200;

  /** Iterations of one chunk activity when the spec gives none. */
  public static final int DEFAULT_CHUNK_ITERATIONS = 1_000;

  /** Test images of the export check when the spec gives none. */
  public static final int DEFAULT_CHECK_IMAGES = 32;

  private static final double PAPER_LR = 1e-2;
  private static final double CUB_LR = 1e-3;
  private static final double HEAD_LR_MULTIPLIER = 10;
  private static final String HEAD_PREFIX = "embed_";

  private SpecResolver() {}

  /**
   * The run {@code spec} describes, every default filled in. Resolving reads nothing but the spec,
   * so whatever it throws would be thrown again by every retry: an unforeseen exception is reported
   * as invalid input, naming it, rather than retried.
   */
  public static RunSettings resolve(PipelineSpec spec) {
    try {
      return resolveFields(spec);
    } catch (RllException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ValidationException("the spec cannot be resolved: " + e);
    }
  }

  /** The settings of {@code spec}. */
  private static RunSettings resolveFields(PipelineSpec spec) {
    ValidationException.check(spec != null, "the pipeline spec is missing");
    DatasetSpec dataset = DatasetSpecs.resolve(spec.dataset());
    ModelSection modelSection = orEmpty(spec.model(), ModelSection.class);
    ModelConfig model = field("model", () -> model(modelSection));
    TrainingSection training = orEmpty(spec.training(), TrainingSection.class);
    long seed = or(training.seed(), 0L);
    int iterations =
        atLeast("training.iterations", or(training.iterations(), DEFAULT_ITERATIONS), 1);
    EvaluationSection evaluation = orEmpty(spec.evaluation(), EvaluationSection.class);
    ExportSection export = orEmpty(spec.export(), ExportSection.class);
    LossSection loss = orEmpty(spec.loss(), LossSection.class);
    return new RunSettings(
        dataset,
        model,
        modelSection.pretrained(),
        LossResolver.resolve(loss),
        sampler(orEmpty(spec.sampler(), SamplerSection.class), seed, iterations),
        sgd(training, dataset.format(), loss.lrMultiplier()),
        transform(model.backbone(), true),
        transform(model.backbone(), false),
        seed,
        iterations,
        atLeast(
            "training.checkpointEvery",
            or(training.checkpointEvery(), DEFAULT_CHECKPOINT_EVERY),
            1),
        atLeast(
            "training.chunkIterations",
            or(training.chunkIterations(), DEFAULT_CHUNK_ITERATIONS),
            1),
        atLeast("evaluation.every", or(evaluation.every(), 0), 0),
        ks(evaluation.ks(), dataset.format()),
        or(evaluation.seed(), seed),
        positive("export.tolerance", or(export.tolerance(), 1e-4)),
        atLeast("export.checkImages", or(export.checkImages(), DEFAULT_CHECK_IMAGES), 1));
  }

  private static ModelConfig model(ModelSection section) {
    Backbone backbone =
        section.backbone() == null ? Backbone.BN_INCEPTION : Backbone.parse(section.backbone());
    boolean small = backbone == Backbone.SMALL_CONV;
    List<String> heads = or(section.heads(), small ? List.of("H") : List.of("L", "M", "H"));
    int dim = or(section.embeddingDim(), small ? 128 : 512);
    return new ModelConfig(backbone, heads, dim);
  }

  private static BatchSamplerConfig sampler(SamplerSection section, long seed, int iterations) {
    int classes = or(section.classesPerBatch(), BatchSamplerConfig.DEFAULT_CLASSES_PER_BATCH);
    int images = or(section.imagesPerClass(), BatchSamplerConfig.DEFAULT_IMAGES_PER_CLASS);
    atLeast("sampler.classesPerBatch", classes, 2);
    atLeast("sampler.imagesPerClass", images, 2);
    return field(
        "sampler",
        () ->
            BatchSamplerConfig.builder()
                .setSeed(seed)
                .setIterations(iterations)
                .optClassesPerBatch(classes)
                .optImagesPerClass(images)
                .build());
  }

  private static SgdConfig sgd(
      TrainingSection section, DatasetFormat format, Double lossLrMultiplier) {
    double lr =
        positive(
            "training.learningRate",
            or(section.learningRate(), format == DatasetFormat.CUB200 ? CUB_LR : PAPER_LR));
    double momentum = or(section.momentum(), 0.9);
    ValidationException.check(
        momentum >= 0 && momentum < 1, "training.momentum must be in [0, 1), got %s", momentum);
    double decay = or(section.weightDecay(), 1e-5);
    ValidationException.check(
        decay >= 0 && Double.isFinite(decay), "training.weightDecay must be >= 0, got %s", decay);
    double headLr =
        positive("training.headLrMultiplier", or(section.headLrMultiplier(), HEAD_LR_MULTIPLIER));
    LrSchedule schedule = schedule(lr, section.lrSteps(), or(section.lrDecay(), 0.1));
    return field(
        "training",
        () -> {
          SgdConfig.Builder builder =
              SgdConfig.builder()
                  .setSchedule(schedule)
                  .optMomentum(momentum)
                  .optWeightDecay(decay)
                  .optLrMultiplier(HEAD_PREFIX, headLr);
          if (lossLrMultiplier != null) {
            builder.optLossLrMultiplier(positive("loss.lrMultiplier", lossLrMultiplier));
          }
          return builder.build();
        });
  }

  /** Step decay: the steps must be the multiples of the first one, as Caffe's "step" policy has. */
  private static LrSchedule schedule(double lr, List<Integer> steps, double decay) {
    if (steps == null || steps.isEmpty()) {
      return LrSchedule.constant(lr);
    }
    int first = steps.get(0) == null ? 0 : steps.get(0);
    for (int i = 0; i < steps.size(); i++) {
      ValidationException.check(
          steps.get(i) != null && steps.get(i) == (long) first * (i + 1) && first >= 1,
          "training.lrSteps must be evenly spaced from the first step (s, 2s, 3s, ...), got %s",
          steps);
    }
    ValidationException.check(
        decay > 0 && decay <= 1, "training.lrDecay must be in (0, 1], got %s", decay);
    return field("training.lrSteps", () -> new LrSchedule(lr, decay, first));
  }

  private static ImageTransformConfig transform(Backbone backbone, boolean training) {
    if (backbone == Backbone.SMALL_CONV) {
      return ImageTransformConfig.grayscale28();
    }
    Normalization normalization =
        backbone == Backbone.RESNET50
            ? Normalization.RESNET50_TORCHVISION
            : Normalization.BN_INCEPTION;
    int side = backbone.inputSize();
    return ImageTransformConfig.builder()
        .setNormalization(normalization)
        .optCrop(side, side)
        .optRandomCrop(training)
        .optFlip(training)
        .build();
  }

  private static List<Integer> ks(List<Integer> ks, DatasetFormat format) {
    if (ks == null) {
      return Arrays.stream(ProtocolKs.forFormat(format.id())).boxed().toList();
    }
    ValidationException.check(
        !ks.isEmpty() && ks.stream().allMatch(k -> k != null && k >= 1),
        "evaluation.ks must be a non-empty list of K >= 1, got %s",
        ks);
    return List.copyOf(ks);
  }
}
