package org.rll.worker.cli;

import java.util.concurrent.Callable;
import org.rll.worker.demo.DemoScores;
import org.rll.worker.demo.DemoSettings;
import org.rll.worker.demo.SyntheticDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rll demo}: the main job on the embedded default, with no set-up and no network. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Trains an embedding net with the Ranked List Loss on synthetic classes and scores it on"
            + " unseen classes before and after training.")
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--classes",
      description = "Classes, half for training (default: ${DEFAULT-VALUE}).")
  int classes = 60;

  @Option(
      names = "--points-per-class",
      description = "Points per class (default: ${DEFAULT-VALUE}).")
  int pointsPerClass = 40;

  @Option(names = "--iterations", description = "Training iterations (default: ${DEFAULT-VALUE}).")
  int iterations = 400;

  @Option(names = "--c", description = "Classes per batch (default: ${DEFAULT-VALUE}).")
  int classesPerBatch = 10;

  @Option(names = "--k", description = "Images per class in a batch (default: ${DEFAULT-VALUE}).")
  int imagesPerClass = 3;

  @Option(names = "--lr", description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = 0.05;

  @Option(
      names = "--seed",
      description = "Seed of data, sampler and weights (default: ${DEFAULT-VALUE}).")
  long seed = 7;

  @Override
  public Integer call() throws Exception {
    DemoSettings settings =
        new DemoSettings(
            classes,
            pointsPerClass,
            iterations,
            classesPerBatch,
            imagesPerClass,
            learningRate,
            seed);
    DemoScores[] scores = new SyntheticDemo(settings, System.out).run();
    return scores[1].recallAtK().get(1) > scores[0].recallAtK().get(1) ? 0 : 1;
  }
}
