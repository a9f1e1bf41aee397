package org.rll.workstation.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rll.cli.CommandPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rll demo}: the paper's method on real images, offline, with no set-up. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Starts the embedded stack (Temporal's test server, PostgreSQL, S3Proxy, a worker) and"
            + " runs the RllPipeline workflow: the small conv net trained with the Ranked List Loss"
            + " on Fashion-MNIST classes 0-4, exported to ONNX and checked, and scored on classes"
            + " 5-9, unseen in training, before and after training. Uses the"
            + " bundled 10,000-image test set, or with --full all 70,000 images of Debian's"
            + " dataset-fashion-mnist package. Exits 1 when training does not raise R@1.")
public final class DemoCommand implements Callable<Integer>, CommandPlugin {
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
      names = "--full",
      description = "All 70,000 images from /usr/share/datasets/fashion-mnist (Debian package).")
  boolean fullSet;

  @Option(
      names = "--home",
      paramLabel = "<dir>",
      description =
          "Where the embedded stack keeps PostgreSQL, S3 and the dataset copy (default:"
              + " ${DEFAULT-VALUE}; env RLL_HOME).")
  Path home;

  @Override
  public Integer call() throws Exception {
    DemoSettings settings =
        new DemoSettings(
            iterations, classesPerBatch, imagesPerClass, learningRate, seed, fullSet, home);
    return new FashionDemo(settings, System.out).run() > 0 ? 0 : 1;
  }
}
