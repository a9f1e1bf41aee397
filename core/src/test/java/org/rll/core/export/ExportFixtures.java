package org.rll.core.export;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.SplittableRandom;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;

/** Models with non-trivial BatchNorm state, specs and image batches for export tests. */
final class ExportFixtures {
  static final String CONFIG_HASH = "ab".repeat(32);

  private ExportFixtures() {}

  /** The test-time transform of {@code side} x {@code side} crops for {@code config}'s backbone. */
  static ImageTransformConfig transform(ModelConfig config, int side) {
    Normalization normalization =
        switch (config.backbone()) {
          case BN_INCEPTION -> Normalization.BN_INCEPTION;
          case RESNET50 -> Normalization.RESNET50_TORCHVISION;
          case SMALL_CONV -> Normalization.FASHION_MNIST;
        };
    return ImageTransformConfig.builder()
        .setNormalization(normalization)
        .optChannels(config.backbone().channels())
        .optResize(side, side)
        .optCrop(side, side)
        .build();
  }

  static ExportSpec.Builder spec(ModelConfig config, int side) {
    return ExportSpec.builder()
        .setModel(config)
        .setTransform(transform(config, side))
        .setRunId("run-7")
        .setCheckpointIteration(1200)
        .setConfigHash(CONFIG_HASH)
        .optSoftwareVersion("1.2.3");
  }

  /**
   * {@code config}'s model with random BatchNorm scales and shifts, and running statistics from
   * three training-mode forwards of random batches.
   */
  static EmbeddingModel model(NDManager manager, ModelConfig config, int side, long seed) {
    // The initial weights come from the engine's global generator: seeded here, they do not
    // depend on which tests ran before in this JVM.
    Engine.getInstance().setRandomSeed((int) seed);
    EmbeddingModel model = config.build(manager, 2);
    SplittableRandom random = new SplittableRandom(seed);
    randomizeBatchNorms(model, random);
    long[] shape = {4, config.backbone().channels(), side, side};
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      for (int i = 0; i < 3; i++) {
        model.forward(
            store, new NDList(scope.create(images(random, shape), new Shape(shape))), true);
      }
    }
    return model;
  }

  /** Standard normal values for a batch of {@code shape}. */
  static float[] images(SplittableRandom random, long[] shape) {
    float[] values = new float[Math.toIntExact(shape[0] * shape[1] * shape[2] * shape[3])];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) gaussian(random);
    }
    return values;
  }

  private static void randomizeBatchNorms(Block block, SplittableRandom random) {
    if (block instanceof BatchNorm) {
      var params = block.getDirectParameters();
      params.get("gamma").getArray().set(uniform(params.get("gamma"), random, 0.5, 1.5));
      params.get("beta").getArray().set(uniform(params.get("beta"), random, -0.2, 0.2));
    }
    for (Pair<String, Block> child : block.getChildren()) {
      randomizeBatchNorms(child.getValue(), random);
    }
  }

  private static float[] uniform(
      ai.djl.nn.Parameter parameter, SplittableRandom random, double low, double high) {
    float[] values = new float[Math.toIntExact(parameter.getArray().size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble(low, high);
    }
    return values;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
