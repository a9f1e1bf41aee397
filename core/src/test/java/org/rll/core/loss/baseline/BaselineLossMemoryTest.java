package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossFixtures;

/**
 * The backward pass must not read memory the forward pass let go of: a scalar operand that autograd
 * saved would live in a Java direct buffer, freed by a garbage collection once the loss's scope has
 * closed. Between forward and backward, this test collects garbage and overwrites the freed memory,
 * then expects the gradient of an undisturbed run.
 */
class BaselineLossMemoryTest {

  @Test
  void gradientsSurviveCollectionBeforeBackward() {
    LossFixtures.Batch batch =
        LossFixtures.roundedToFloat(BatchSpec.unit(30, 10, 32, 0.8).draw(5L, candidate -> true));
    List<EmbeddingLoss> losses =
        List.of(
            LiftedStructureLoss.builder().build(),
            NPairLoss.builder().build(),
            MultiSimilarityLoss.builder().build());
    for (EmbeddingLoss loss : losses) {
      double[][] expected = LossFixtures.run(loss, batch, DataType.FLOAT32).gradient();
      for (int round = 0; round < 5; round++) {
        double[][] actual =
            LossFixtures.run(
                    loss, batch, DataType.FLOAT32, BaselineLossMemoryTest::reuseFreedMemory)
                .gradient();
        double error = LossFixtures.relativeError(actual, expected);
        assertTrue(error < 1e-6, loss.getName() + " round " + round + ": gradient error " + error);
      }
    }
  }

  /** Collects unreachable direct buffers, then fills many small new ones with 0x7f bytes. */
  private static void reuseFreedMemory() {
    System.gc();
    try {
      Thread.sleep(30);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ByteBuffer> filler = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      filler.add(ByteBuffer.allocateDirect(8).putLong(0, 0x7f7f7f7f7f7f7f7fL));
    }
  }
}
