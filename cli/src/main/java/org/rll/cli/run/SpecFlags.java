package org.rll.cli.run;

import java.util.ArrayList;
import java.util.List;
import org.rll.workflows.spec.SpecTree;
import picocli.CommandLine.Option;

/**
 * Spec fields given as flags, each set at its spec path ({@code --iterations} at {@code
 * training.iterations}, {@code --set} at any path) over the spec file's value. The merged tree is
 * decoded as the workflow decodes its input and checked where every spec is, by the planning stage,
 * so a flag and a file fail the same way.
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

  @Option(
      names = "--set",
      paramLabel = "<path>=<value>",
      description = {
        "Sets any spec field, such as loss.alpha=1.3 or training.lrSteps=[4000,8000]: the value is"
            + " JSON when it is a JSON scalar or array, the text as a string otherwise; null"
            + " clears a field. Applied after the other flags; repeatable."
      })
  List<String> assignments = new ArrayList<>();

  /** Sets every given flag at its spec path in {@code tree}, then every {@code --set}. */
  public void applyTo(SpecTree tree) {
    set(tree, "runId", runId);
    set(tree, "dataset.source", source);
    set(tree, "dataset.format", format);
    set(tree, "dataset.checksum", checksum);
    set(tree, "model.backbone", backbone);
    set(tree, "training.iterations", iterations);
    set(tree, "training.learningRate", learningRate);
    set(tree, "training.seed", seed);
    set(tree, "training.chunkIterations", chunkIterations);
    set(tree, "sampler.classesPerBatch", classesPerBatch);
    set(tree, "sampler.imagesPerClass", imagesPerClass);
    set(tree, "evaluation.every", evaluateEvery);
    assignments.forEach(tree::assign);
  }

  private static void set(SpecTree tree, String path, Object flag) {
    if (flag != null) {
      tree.set(path, flag);
    }
  }
}
