package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.LossFixtures.Batch;
import org.rll.core.loss.LossFixtures.Outcome;

/**
 * The backward pass must not read memory the forward pass let go of. DJL backs scalar operands with
 * Java direct buffers; if autograd saved one and the loss's scope closed, a garbage collection
 * between forward and backward would free it and the gradient would be computed from whatever
 * reused that memory.
 */
class RankedListLossMemoryTest {

  @Test
  void gradientIsExactWhenMemoryIsCollectedAndReusedBeforeBackward() {
    RankedListLoss loss = RankedListLoss.builder().build();
    Batch batch =
        LossFixtures.roundedToFloat(LossFixtures.clusteredBatch(5, 30, 10, 32, loss.getConfig()));
    double[][] expected =
        new NaiveRankedListLoss(loss.getConfig())
            .evaluate(batch.embeddings(), batch.labels())
            .gradient();
    for (int round = 0; round < 10; round++) {
      Outcome outcome =
          LossFixtures.run(
              loss, batch, DataType.FLOAT32, RankedListLossMemoryTest::collectAndReuseMemory);
      double error = LossFixtures.relativeError(outcome.gradient(), expected);
      assertTrue(error < 1e-5, "round " + round + ": gradient relative error " + error);
    }
  }

  /** Frees unreachable direct buffers, then fills small allocations with a huge float pattern. */
  private static void collectAndReuseMemory() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ByteBuffer> filler = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(4 << (i % 2));
      while (buffer.hasRemaining()) {
        buffer.put((byte) 0x7e);
      }
      filler.add(buffer);
    }
  }
}
