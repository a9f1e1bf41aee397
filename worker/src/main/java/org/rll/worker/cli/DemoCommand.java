package org.rll.worker.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.model.ModelConfig;
import org.rll.db.ResultsRepository;
import org.rll.worker.demo.DemoSettings;
import org.rll.worker.demo.FashionDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rll demo}: the paper's method on real images, offline, with no set-up. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Trains the small conv net with the Ranked List Loss on Fashion-MNIST classes 0-4 and"
            + " scores it on classes 5-9, unseen in training, before and after training: exports"
            + " the trained net to ONNX, checks it, embeds the test images with it, and stores the"
            + " run, its training log and its metrics in the results database. Uses the"
            + " bundled 10,000-image test set, or with --full all 70,000 images of Debian's"
            + " dataset-fashion-mnist package. Exits 1 when training does not raise R@1.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--iterations", description = "Training iterations (default: ${DEFAULT-VALUE}).")
  int iterations = 300;

  @Option(names = "--c", description = "Classes per batch (default: ${DEFAULT-VALUE}).")
  int classesPerBatch = 5;

  @Option(names = "--k", description = "Images per class in a batch (default: ${DEFAULT-VALUE}).")
  int imagesPerClass = 36;

  @Option(
      names = "--lr",
      description = "SGD learning rate; the embedding head gets 10x (default: ${DEFAULT-VALUE}).")
  double learningRate = 0.01;

  @Option(
      names = "--seed",
      description = "Seed of weights, batches and k-means (default: ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(
      names = "--max-images",
      description = "Use only the first N images of each split; 0 for all (default: 0).")
  int maxImages = 0;

  @Option(
      names = "--full",
      description = "All 70,000 images from /usr/share/datasets/fashion-mnist (Debian package).")
  boolean fullSet;

  @Option(
      names = "--work-dir",
      defaultValue = "${sys:user.home}/.rll/demo",
      description =
          "Prepared dataset, batch manifest, checkpoints, embeddings and model.onnx (default:"
              + " ${DEFAULT-VALUE}).")
  Path workDir;

  @Mixin DatabaseOptions database;

  @Override
  public Integer call() throws Exception {
    DemoSettings settings =
        new DemoSettings(
            iterations,
            classesPerBatch,
            imagesPerClass,
            learningRate,
            seed,
            maxImages,
            fullSet,
            workDir);
    try (ResultsConnection connection = database.open()) {
      ResultsRepository results = new ResultsRepository(connection.dataSource());
      EvaluationReport[] scores = new FashionDemo(settings, results, System.out).run();
      return recallAt1(scores[1]) > recallAt1(scores[0]) ? 0 : 1;
    }
  }

  private static double recallAt1(EvaluationReport report) {
    return report.head(ModelConfig.demo().heads().get(0)).recallAtK().get(1);
  }
}
