package org.rll.bench;

import ai.djl.ndarray.NDArray;
import org.rll.core.train.StepPhases;

/** One way of running a training step, as {@link TrainBenchmark} times it. */
interface TimedStep extends AutoCloseable {
  /** Trains one iteration on {@code images} (NCHW) with their class {@code labels}. */
  void run(NDArray images, int[] labels, StepPhases phases);

  @Override
  void close();
}
