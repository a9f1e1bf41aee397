package org.rll.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.DecodedImage;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.random.SplitMix64;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.sampling.ClassBalancedSampler;
import org.rll.core.storage.FileSystemBlobStore;

class TrainingChunkTest {
  private static final int IMAGES = 40;
  private static final int[] LABELS = IntStream.range(0, IMAGES).map(i -> i % 5).toArray();
  private static final TrainingIdentity IDENTITY = new TrainingIdentity("chunk test");

  @TempDir Path root;

  /** 28x28 images whose class sets a stripe pattern, with per-image noise. */
  private static final ImageSource SOURCE =
      key -> {
        int index = Integer.parseInt(key.substring(4));
        SplitMix64 noise = new SplitMix64(index);
        byte[] pixels = new byte[28 * 28];
        for (int p = 0; p < pixels.length; p++) {
          int stripe = (p / 28) % (LABELS[index] + 2) == 0 ? 180 : 40;
          pixels[p] = (byte) (stripe + noise.nextInt(60));
        }
        return DecodedImage.of(28, 28, 1, pixels);
      };

  private static BatchLoader loader(int first, int end) {
    ClassBalancedSampler sampler =
        new ClassBalancedSampler(
            BatchSamplerConfig.builder()
                .setSeed(3)
                .setIterations(end)
                .optClassesPerBatch(3)
                .optImagesPerClass(2)
                .build(),
            LABELS);
    return BatchLoader.builder()
        .setKeys(IntStream.range(0, IMAGES).mapToObj(i -> "img-" + i).toList())
        .setSource(SOURCE)
        .setTransform(ImageTransformConfig.grayscale28())
        .setSeed(5)
        .setBatches(sampler::batch)
        .setIterations(first, end)
        .optThreads(2)
        .build();
  }

  private EmbeddingTrainer trainer(NDManager manager) {
    Engine.getInstance().setRandomSeed(1);
    SgdConfig sgd = SgdConfig.builder().setSchedule(LrSchedule.constant(0.01)).build();
    return new EmbeddingTrainer(
        ModelConfig.demo().build(manager, 6), RankedListLoss.builder().build(), sgd, manager);
  }

  /** Records every log and checkpoint, and the live arrays after each iteration. */
  private static final class Recorder implements TrainingListener {
    final List<StepLog> logs = new ArrayList<>();
    final List<Long> checkpoints = new ArrayList<>();
    final List<Integer> liveArrays = new ArrayList<>();
    final NDManager manager;

    Recorder(NDManager manager) {
      this.manager = manager;
    }

    @Override
    public void onStep(StepLog log, double imagesPerSecond) {
      logs.add(log);
      liveArrays.add(LiveArrays.count(manager));
      assertTrue(imagesPerSecond > 0);
    }

    @Override
    public void onCheckpoint(CheckpointMeta meta) {
      checkpoints.add(meta.iteration());
    }
  }

  @Test
  void checkpointsEveryIntervalAndAtTheEnd() {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer = trainer(manager);
        BatchLoader batches = loader(0, 5)) {
      Recorder recorder = new Recorder(manager);
      CheckpointStore store = new CheckpointStore(new FileSystemBlobStore(root), "runs/a/");
      ChunkResult result =
          new TrainingChunk(trainer, store, IDENTITY, 2, recorder)
              .run(batches, LABELS, manager, () -> false);
      assertEquals(List.of(2L, 4L, 5L), recorder.checkpoints);
      assertEquals(5, result.iterationsDone());
      assertFalse(result.stopped());
      assertEquals(5, store.newest().orElseThrow().iteration());
      assertEquals(
          List.of(0L, 1L, 2L, 3L, 4L), recorder.logs.stream().map(StepLog::iteration).toList());
      assertEquals(1, recorder.logs.get(0).mined().size());
    }
  }

  @Test
  void aStopRequestEndsAfterTheCurrentIterationWithACheckpoint() {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer = trainer(manager);
        BatchLoader batches = loader(0, 10)) {
      Recorder recorder = new Recorder(manager);
      CheckpointStore store = new CheckpointStore(new FileSystemBlobStore(root), "runs/b/");
      ChunkResult result =
          new TrainingChunk(trainer, store, IDENTITY, 100, recorder)
              .run(batches, LABELS, manager, () -> recorder.logs.size() == 3);
      assertTrue(result.stopped());
      assertEquals(3, result.iterationsDone());
      assertEquals(List.of(3L), recorder.checkpoints);
    }
  }

  @Test
  void noNativeArraysAccumulateAcrossIterations() {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer = trainer(manager);
        BatchLoader batches = loader(0, 300)) {
      Recorder recorder = new Recorder(manager);
      CheckpointStore store = new CheckpointStore(new FileSystemBlobStore(root), "runs/c/");
      new TrainingChunk(trainer, store, IDENTITY, 1000, recorder)
          .run(batches, LABELS, manager, () -> false);
      int afterWarmUp = recorder.liveArrays.get(9);
      assertEquals(afterWarmUp, recorder.liveArrays.get(299), "live arrays after 10 vs 300 steps");
    }
  }
}
