package org.rll.cli.run;

import java.util.Optional;
import org.rll.workflows.spec.DatasetSection;
import org.rll.workflows.spec.EvaluationSection;
import org.rll.workflows.spec.ModelSection;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SamplerSection;
import org.rll.workflows.spec.TrainingSection;
import picocli.CommandLine.Option;

/**
 * Spec fields given as flags; each one given overrides the spec file's value. Values are checked
 * where every spec is, by the planning stage, so a flag and a file fail the same way.
 */
public final class SpecFlags {
  @Option(names = "--run-id", description = "The run's id, also its workflow id.")
  String runId;

  @Option(names = "--source", description = "Dataset archive or directory: URI or path.")
  String source;

  @Option(names = "--format", description = "Dataset format (cub200, cars196, sop, ...).")
  String format;

  @Option(names = "--checksum", description = "Pin of the archive: sha256:<hex> or md5:<hex>.")
  String checksum;

  @Option(names = "--backbone", description = "bn-inception, resnet50 or small-conv.")
  String backbone;

  @Option(names = "--iterations", description = "Training iterations in all.")
  Integer iterations;

  @Option(names = "--learning-rate", description = "Base SGD learning rate.")
  Double learningRate;

  @Option(names = "--seed", description = "Seed of the weights, the batches and the images.")
  Long seed;

  @Option(names = "--chunk-iterations", description = "Iterations of one training chunk.")
  Integer chunkIterations;

  @Option(names = "--classes", description = "Classes per batch (C).")
  Integer classesPerBatch;

  @Option(names = "--images-per-class", description = "Images per class in a batch (K).")
  Integer imagesPerClass;

  @Option(
      names = "--evaluate-every",
      description = "Iterations between evaluations; 0: at the end.")
  Integer evaluateEvery;

  /** {@code spec} (null for none) with every given flag applied. */
  public PipelineSpec applyTo(PipelineSpec spec) {
    PipelineSpec base =
        spec != null
            ? spec
            : new PipelineSpec(null, null, null, null, null, null, null, null, null);
    return new PipelineSpec(
        or(runId, base.runId()),
        dataset(base.dataset()),
        base.loss(),
        sampler(base.sampler()),
        model(base.model()),
        training(base.training()),
        evaluation(base.evaluation()),
        base.export(),
        base.retry());
  }

  private DatasetSection dataset(DatasetSection d) {
    Optional<DatasetSection> o = Optional.ofNullable(d);
    return new DatasetSection(
        or(source, o.map(DatasetSection::source).orElse(null)),
        or(checksum, o.map(DatasetSection::checksum).orElse(null)),
        or(format, o.map(DatasetSection::format).orElse(null)),
        o.map(DatasetSection::trainClasses).orElse(null),
        o.map(DatasetSection::minImagesPerClass).orElse(null));
  }

  private SamplerSection sampler(SamplerSection s) {
    if (classesPerBatch == null && imagesPerClass == null) {
      return s;
    }
    Optional<SamplerSection> o = Optional.ofNullable(s);
    return new SamplerSection(
        or(classesPerBatch, o.map(SamplerSection::classesPerBatch).orElse(null)),
        or(imagesPerClass, o.map(SamplerSection::imagesPerClass).orElse(null)));
  }

  private ModelSection model(ModelSection m) {
    if (backbone == null) {
      return m;
    }
    return m == null
        ? new ModelSection(backbone, null, null, null)
        : new ModelSection(backbone, m.heads(), m.embeddingDim(), m.pretrained());
  }

  private TrainingSection training(TrainingSection t) {
    if (iterations == null && learningRate == null && seed == null && chunkIterations == null) {
      return t;
    }
    TrainingSection b =
        t != null
            ? t
            : new TrainingSection(null, null, null, null, null, null, null, null, null, null);
    return new TrainingSection(
        or(iterations, b.iterations()),
        or(learningRate, b.learningRate()),
        b.momentum(),
        b.weightDecay(),
        b.headLrMultiplier(),
        b.lrSteps(),
        b.lrDecay(),
        or(seed, b.seed()),
        b.checkpointEvery(),
        or(chunkIterations, b.chunkIterations()));
  }

  private EvaluationSection evaluation(EvaluationSection e) {
    if (evaluateEvery == null) {
      return e;
    }
    return e == null
        ? new EvaluationSection(evaluateEvery, null, null, null)
        : new EvaluationSection(evaluateEvery, e.ks(), e.seed(), e.untrained());
  }

  private static <T> T or(T flag, T file) {
    return flag != null ? flag : file;
  }
}
