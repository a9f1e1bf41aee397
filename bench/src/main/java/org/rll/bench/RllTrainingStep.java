package org.rll.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.train.EmbeddingTrainer;
import org.rll.core.train.StepPhases;

/**
 * The step being measured: {@link EmbeddingTrainer} with the paper's loss and optimiser settings
 * (momentum 0.9, weight decay 1e-5, heads at 10x the learning rate).
 */
final class RllTrainingStep implements TimedStep {
  private final NDManager manager;
  private final EmbeddingTrainer trainer;

  RllTrainingStep(ModelConfig config, int batch, double learningRate, NDManager parent) {
    manager = parent.newSubManager();
    SgdConfig sgd =
        SgdConfig.builder()
            .setSchedule(LrSchedule.constant(learningRate))
            .optLrMultiplier("embed_", 10)
            .build();
    trainer =
        new EmbeddingTrainer(
            config.build(manager, batch), RankedListLoss.builder().build(), sgd, manager);
  }

  @Override
  public void run(NDArray images, int[] labels, StepPhases phases) {
    trainer.step(images, labels, phases);
  }

  @Override
  public void close() {
    trainer.close();
    manager.close();
  }
}
