package org.rll.activities.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.rll.activities.resolve.RunData;
import org.rll.activities.resolve.RunSettings;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.TrainingClasses;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.PretrainedWeights;
import org.rll.core.storage.BlobStore;
import org.rll.core.train.EmbeddingTrainer;

/**
 * A run's network and its trainer on one device, in a manager of its own: initialised from the
 * run's seed, then restored from a checkpoint or loaded with pretrained backbone weights. Closing
 * it frees every array.
 */
public final class RunModel implements AutoCloseable {
  private final NDManager manager;
  private final EmbeddingModel model;
  private final EmbeddingTrainer trainer;

  private RunModel(NDManager manager, EmbeddingModel model, EmbeddingTrainer trainer) {
    this.manager = manager;
    this.model = model;
    this.trainer = trainer;
  }

  /**
   * A freshly initialised model of {@code settings} on the GPU when there is one, else the CPU,
   * with its loss initialised for the training classes of {@code data} (a loss's own parameters,
   * such as proxies, are drawn from the seed and trained and checkpointed with the model's).
   */
  public static RunModel create(RunSettings settings, RunData data) {
    Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    NDManager manager = NDManager.newBaseManager(device);
    try {
      EmbeddingModel model;
      // The engine's generator is global: seeding and drawing the initial weights under one lock
      // keeps two models built at once in one worker from drawing from each other's stream.
      synchronized (RunModel.class) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        model = settings.model().build(manager, settings.batchSize());
      }
      EmbeddingLoss loss = settings.newLoss();
      loss.initialize(
          LossContext.forModel(
              model, manager, TrainingClasses.of(data.train().labels()), settings.seed()));
      EmbeddingTrainer trainer = new EmbeddingTrainer(model, loss, settings.sgd(), manager);
      return new RunModel(manager, model, trainer);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The model of {@code settings} as the checkpoint of {@code iteration} holds it. */
  public static RunModel restored(
      RunSettings settings, RunData data, CheckpointStore checkpoints, long iteration) {
    RunModel run = create(settings, data);
    try {
      run.restore(checkpoints, checkpoints.meta(iteration), settings);
      return run;
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
  }

  /** Restores parameters, BatchNorm statistics and optimiser state from {@code meta}. */
  public void restore(CheckpointStore checkpoints, CheckpointMeta meta, RunSettings settings) {
    checkpoints.restore(meta, trainer.parameters(), trainer.optimizer(), settings.identity());
  }

  /**
   * Loads the pretrained backbone weights {@code settings} names, if any: a {@code file://} URI, a
   * local path, or else a key of {@code store}, copied into {@code scratch} first.
   */
  public void loadPretrained(RunSettings settings, BlobStore store, Path scratch) {
    Optional<Path> local = localFile(settings.pretrained());
    if (settings.pretrained() == null) {
      return;
    }
    if (local.isPresent()) {
      PretrainedWeights.load(local.get(), trainer.parameters());
      return;
    }
    String key = settings.pretrained();
    if (!store.exists(key)) {
      throw new BlobNotFoundException(key, "model.pretrained '" + key + "' is not in the store");
    }
    try {
      Files.createDirectories(scratch);
      String name = key.substring(key.lastIndexOf('/') + 1);
      Path file = Files.createTempDirectory(scratch, "pretrained-").resolve(name);
      try (InputStream in = store.open(key)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      PretrainedWeights.load(file, trainer.parameters());
      Files.delete(file);
      Files.delete(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy pretrained weights " + key, e);
    }
  }

  private static Optional<Path> localFile(String pretrained) {
    if (pretrained == null) {
      return Optional.empty();
    }
    if (pretrained.startsWith("file:")) {
      return Optional.of(Path.of(URI.create(pretrained)));
    }
    Path path = Path.of(pretrained);
    return path.isAbsolute() && Files.exists(path) ? Optional.of(path) : Optional.empty();
  }

  /** The network. */
  public EmbeddingModel model() {
    return model;
  }

  /** Its trainer. */
  public EmbeddingTrainer trainer() {
    return trainer;
  }

  /** The manager of its arrays; callers keep their temporaries in sub-managers of it. */
  public NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    try {
      trainer.close();
    } finally {
      manager.close();
    }
  }
}
