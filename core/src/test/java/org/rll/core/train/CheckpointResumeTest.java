package org.rll.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.loss.TrainingClasses;
import org.rll.core.loss.baseline.MarginLoss;
import org.rll.core.loss.baseline.ProxyAnchorLoss;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.SmallConvNet;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.random.SplitMix64;
import org.rll.core.storage.FileSystemBlobStore;

/**
 * Training T iterations, checkpointing, rebuilding from the checkpoint alone and training T more
 * must equal training 2T straight, bit for bit.
 */
class CheckpointResumeTest {
  private static final int T = 3;
  private static final int CLASSES = 4;
  private static final int PER_CLASS = 3;
  private static final long RUN_SEED = 5;
  private static final TrainingIdentity IDENTITY = new TrainingIdentity("small-net test config");

  @TempDir Path root;

  /** Builds the loss of a trainer whose model and loss are seeded with {@code seed}. */
  private interface LossFactory {
    EmbeddingLoss create(EmbeddingModel model, NDManager manager, long seed);
  }

  private static final LossFactory RANKED_LIST =
      (model, manager, seed) -> RankedListLoss.builder().build();

  /** Proxy-Anchor with proxies for the four batch classes and one absent class. */
  private static final LossFactory PROXY_ANCHOR =
      (model, manager, seed) -> {
        EmbeddingLoss loss = ProxyAnchorLoss.builder().build();
        loss.initialize(
            LossContext.forModel(model, manager, TrainingClasses.of(0, 1, 2, 3, 9), seed));
        return loss;
      };

  /**
   * The margin loss with one beta per class, drawing its negatives from (run seed, iteration): the
   * run's seed is part of its spec, so a resumed run has it too, whatever seeds the new model.
   */
  private static final LossFactory MARGIN =
      (model, manager, seed) -> {
        EmbeddingLoss loss = MarginLoss.builder().build();
        loss.initialize(
            LossContext.forModel(model, manager, TrainingClasses.of(0, 1, 2, 3, 9), RUN_SEED));
        return loss;
      };

  private static EmbeddingTrainer trainer(NDManager manager, int initSeed) {
    return trainer(manager, initSeed, RANKED_LIST);
  }

  private static EmbeddingTrainer trainer(NDManager manager, int initSeed, LossFactory loss) {
    Engine.getInstance().setRandomSeed(initSeed);
    EmbeddingModel model =
        new EmbeddingModel(SmallConvNet.backbone(), SmallConvNet.LEVELS, List.of("M", "H"), 16);
    model.initialize(manager, DataType.FLOAT32, new Shape(CLASSES * PER_CLASS, 1, 28, 28));
    SgdConfig sgd =
        SgdConfig.builder()
            .setSchedule(new LrSchedule(0.05, 0.5, 2))
            .optLrMultiplier("embed_", 10)
            .build();
    return new EmbeddingTrainer(model, loss.create(model, manager, initSeed), sgd, manager);
  }

  /** Iteration t's batch: class c's images share a pattern, each with its own noise. */
  private static float[] trainOn(EmbeddingTrainer trainer, NDManager manager, int iteration) {
    int n = CLASSES * PER_CLASS;
    float[] pixels = new float[n * 28 * 28];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i / PER_CLASS;
      SplitMix64 noise = SplitMix64.derive(7, iteration, i);
      for (int p = 0; p < 28 * 28; p++) {
        float pattern = (p % (labels[i] + 2) == 0) ? 1f : 0f;
        pixels[i * 28 * 28 + p] = pattern + 0.3f * (float) noise.nextGaussian();
      }
    }
    try (NDManager scope = manager.newSubManager()) {
      NDArray images = scope.create(pixels, new Shape(n, 1, 28, 28));
      StepLog log = trainer.step(images, labels);
      return new float[] {
        log.loss(), log.mined().get(1).positives(), log.mined().get(1).negatives()
      };
    }
  }

  @Test
  void resumingFromACheckpointEqualsTrainingStraight() {
    assertResumeIsExact(RANKED_LIST, "runs/r1/");
  }

  /** The proxies and their momentum come back from the checkpoint, not from the new seed. */
  @Test
  void resumingWithLearnedProxiesEqualsTrainingStraight() {
    Map<String, float[]> trained = assertResumeIsExact(PROXY_ANCHOR, "runs/proxies/");
    assertTrue(trained.containsKey("loss.proxies.H"));
    assertTrue(trained.containsKey("loss.proxies.M"));
  }

  /**
   * Beta and its momentum come back from the checkpoint, and the resumed iterations draw the
   * negatives of the same iterations of the straight run.
   */
  @Test
  void resumingWithTheMarginLossEqualsTrainingStraight() {
    Map<String, float[]> trained = assertResumeIsExact(MARGIN, "runs/margin/");
    assertTrue(trained.containsKey("loss.beta.H"));
    assertTrue(trained.containsKey("loss.beta.M"));
  }

  private Map<String, float[]> assertResumeIsExact(LossFactory loss, String run) {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<float[]> straightLog = new ArrayList<>();
      Map<String, float[]> straight;
      try (EmbeddingTrainer trainer = trainer(manager, 11, loss)) {
        for (int t = 0; t < 2 * T; t++) {
          straightLog.add(trainOn(trainer, manager, t));
        }
        straight = values(trainer.parameters());
      }

      CheckpointStore checkpoints = new CheckpointStore(new FileSystemBlobStore(root), run);
      List<float[]> resumedLog = new ArrayList<>();
      try (EmbeddingTrainer first = trainer(manager, 11, loss)) {
        for (int t = 0; t < T; t++) {
          resumedLog.add(trainOn(first, manager, t));
        }
        checkpoints.save(T, first.parameters(), first.optimizer(), IDENTITY);
      }
      Map<String, float[]> resumed;
      try (EmbeddingTrainer second = trainer(manager, 99, loss)) {
        CheckpointMeta meta = checkpoints.newest().orElseThrow();
        assertEquals(T, meta.iteration());
        checkpoints.restore(meta, second.parameters(), second.optimizer(), IDENTITY);
        for (int t = T; t < 2 * T; t++) {
          resumedLog.add(trainOn(second, manager, t));
        }
        resumed = values(second.parameters());
      }

      for (int t = 0; t < 2 * T; t++) {
        assertArrayEquals(straightLog.get(t), resumedLog.get(t), "log of iteration " + t);
      }
      assertEquals(straight.keySet(), resumed.keySet());
      assertTrue(straight.containsKey("bn2.running_var"));
      for (String name : straight.keySet()) {
        assertArrayEquals(straight.get(name), resumed.get(name), name);
      }
      return straight;
    }
  }

  @Test
  void aCheckpointOfAnotherConfigIsRefused() {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer = trainer(manager, 11)) {
      CheckpointStore checkpoints = new CheckpointStore(new FileSystemBlobStore(root), "runs/r2/");
      checkpoints.save(0, trainer.parameters(), trainer.optimizer(), IDENTITY);
      CheckpointMeta meta = checkpoints.newest().orElseThrow();
      TrainingIdentity other = new TrainingIdentity("another config");
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> checkpoints.restore(meta, trainer.parameters(), trainer.optimizer(), other));
      assertTrue(e.getMessage().contains(IDENTITY.configHash()), e.getMessage());
      assertTrue(e.getMessage().contains(other.configHash()), e.getMessage());
    }
  }

  private static Map<String, float[]> values(Map<String, Parameter> parameters) {
    Map<String, float[]> values = new java.util.TreeMap<>();
    parameters.forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
    return values;
  }
}
