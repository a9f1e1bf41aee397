package org.rll.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.rll.core.random.SplitMix64;

/**
 * Times {@link RllTrainingStep} against {@link PlainSgdStep} on one random batch of class-balanced
 * labels. The two take turns step by step, so load from other processes hits them alike; each step
 * copies the batch from a Java array, as training does with every batch it loads.
 */
final class TrainBenchmark {
  private static final double LEARNING_RATE = 0.01;

  private final TrainBenchSpec spec;

  TrainBenchmark(TrainBenchSpec spec) {
    this.spec = spec;
  }

  /** The phase clocks of both variants after the timed steps. */
  Result run(long seed) {
    float[] pixels = randomPixels(seed);
    int[] labels = new int[spec.batch()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i / spec.perClass();
    }
    Shape shape =
        new Shape(spec.batch(), spec.model().backbone().channels(), spec.size(), spec.size());
    PhaseClock measured = new PhaseClock(spec.iterations());
    PhaseClock baseline = new PhaseClock(spec.iterations());
    Engine.getInstance().setRandomSeed((int) seed);
    try (NDManager manager = NDManager.newBaseManager(spec.device());
        TimedStep rll = new RllTrainingStep(spec.model(), spec.batch(), LEARNING_RATE, manager);
        TimedStep plain = new PlainSgdStep(spec.model(), spec.batch(), LEARNING_RATE, manager)) {
      for (int step = 0; step < spec.warmup() + spec.iterations(); step++) {
        boolean record = step >= spec.warmup();
        once(rll, measured, manager, pixels, shape, labels, record);
        once(plain, baseline, manager, pixels, shape, labels, record);
      }
    }
    return new Result(measured, baseline);
  }

  private static void once(
      TimedStep step,
      PhaseClock clock,
      NDManager manager,
      float[] pixels,
      Shape shape,
      int[] labels,
      boolean record) {
    clock.begin();
    try (NDManager scope = manager.newSubManager()) {
      NDArray images = scope.create(pixels, shape);
      clock.dataReady();
      step.run(images, labels, clock);
    }
    clock.finish(record);
  }

  private float[] randomPixels(long seed) {
    SplitMix64 random = SplitMix64.derive(seed, spec.size());
    float[] pixels = new float[spec.batch() * spec.pixelsPerImage()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    return pixels;
  }

  /**
   * Both variants' timings.
   *
   * @param measured the ranked list loss step
   * @param baseline the trivial-loss, plain-SGD step
   */
  record Result(PhaseClock measured, PhaseClock baseline) {}
}
