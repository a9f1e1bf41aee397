package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.random.SplitMix64;

/**
 * The loss inside DJL: several heads summed, only the result left in the caller's manager, and a
 * Trainer that learns with it.
 */
class RankedListLossTrainingTest {
  private static final int STEPS = 10;

  @Test
  void evaluateSumsTheHeadsAndKeepsEachHeadsCounts() {
    RankedListLoss loss = RankedListLoss.builder().build();
    RankedListLossConfig config = loss.getConfig();
    LossFixtures.Batch low = LossFixtures.clusteredBatch(1L, 12, 4, 3, config);
    LossFixtures.Batch mid = LossFixtures.clusteredBatch(2L, 12, 4, 8, config);
    LossFixtures.Batch high = LossFixtures.clusteredBatch(3L, 12, 4, 16, config);
    NaiveRankedListLoss reference = new NaiveRankedListLoss(config);
    List<NaiveRankedListLoss.Result> expected =
        List.of(
            reference.evaluate(low.embeddings(), low.labels()),
            reference.evaluate(mid.embeddings(), mid.labels()),
            reference.evaluate(high.embeddings(), high.labels()));

    try (NDManager manager = NDManager.newBaseManager()) {
      NDList heads =
          new NDList(toArray(manager, low), toArray(manager, mid), toArray(manager, high));
      heads.forEach(head -> head.setRequiresGradient(true));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray total = loss.evaluate(new NDList(manager.create(low.labels())), heads);
        collector.backward(total);
        double expectedTotal =
            expected.stream().mapToDouble(NaiveRankedListLoss.Result::loss).sum();
        assertEquals(expectedTotal, total.getDouble(), 1e-12);
        assertEquals(
            expected.stream().map(NaiveRankedListLoss.Result::counts).toList(),
            loss.getLatestMinedCounts());
        double[] midGradient = heads.get(1).getGradient().toDoubleArray();
        double[][] expectedMid = expected.get(1).gradient();
        for (int i = 0; i < 12; i++) {
          for (int k = 0; k < 8; k++) {
            assertEquals(expectedMid[i][k], midGradient[i * 8 + k], 1e-12);
          }
        }
      }
    }
  }

  @Test
  void leavesOnlyItsResultInTheCallersManager() {
    RankedListLoss loss = RankedListLoss.builder().build();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(4L, 12, 4, 8, loss.getConfig());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray embeddings = toArray(manager, batch);
      NDArray labels = manager.create(batch.labels());
      embeddings.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        int before = ((BaseNDManager) manager).getManagedArrays().size();
        NDArray total = loss.evaluate(new NDList(labels), new NDList(embeddings, embeddings));
        HeadLoss head = loss.evaluateHead(labels, embeddings);
        assertEquals(before + 2, ((BaseNDManager) manager).getManagedArrays().size());
        assertEquals(2 * head.loss().getDouble(), total.getDouble(), 1e-12);
        collector.backward(total);
        assertTrue(embeddings.getGradient().abs().sum().getDouble() > 0);
      }
    }
  }

  @Test
  void trainerWithLinearEmbeddingLowersTheLoss() {
    Engine.getInstance().setRandomSeed(42);
    int classes = 4;
    int perClass = 3;
    int inputs = 16;
    RankedListLoss loss = RankedListLoss.builder().build();
    DefaultTrainingConfig trainingConfig =
        new DefaultTrainingConfig(loss)
            .optDevices(Engine.getInstance().getDevices(1))
            .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build());
    SequentialBlock block =
        new SequentialBlock()
            .add(Linear.builder().setUnits(8).build())
            .add(LambdaBlock.singleton(x -> x.div(x.norm(new int[] {1}, true))));
    try (Model model = Model.newInstance("rll-smoke");
        NDManager manager = NDManager.newBaseManager()) {
      model.setBlock(block);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        int n = classes * perClass;
        trainer.initialize(new Shape(n, inputs));
        float[] data = separatedClasses(classes, perClass, inputs);
        long[] labels = new long[n];
        Arrays.setAll(labels, i -> i / perClass);
        NDList evaluationData = new NDList(manager.create(data, new Shape(n, inputs)));
        NDList evaluationLabels = new NDList(manager.create(labels));
        float first = 0;
        float last = 0;
        for (int step = 0; step < STEPS; step++) {
          float current =
              loss.evaluate(evaluationLabels, trainer.evaluate(evaluationData)).getFloat();
          first = step == 0 ? current : first;
          last = current;

          NDManager batchManager = manager.newSubManager();
          try (Batch batch =
              new Batch(
                  batchManager,
                  new NDList(batchManager.create(data, new Shape(n, inputs))),
                  new NDList(batchManager.create(labels)),
                  n,
                  Batchifier.STACK,
                  Batchifier.STACK,
                  step,
                  STEPS)) {
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
          }
        }
        assertTrue(first > 0.1, "the untrained embedding must have a loss, got " + first);
        assertTrue(last < first / 4, "loss fell only from " + first + " to " + last);
        assertEquals(1, loss.getLatestMinedCounts().size());
      }
    }
  }

  /** Class means uniform in [-1, 1] per coordinate, noise uniform in [-0.5, 0.5]: separable. */
  private static float[] separatedClasses(int classes, int perClass, int inputs) {
    SplitMix64 random = new SplitMix64(42);
    float[] values = new float[classes * perClass * inputs];
    float[][] means = new float[classes][inputs];
    for (float[] mean : means) {
      for (int k = 0; k < inputs; k++) {
        mean[k] = (float) (2 * (random.nextDouble() - 0.5));
      }
    }
    for (int i = 0; i < classes * perClass; i++) {
      for (int k = 0; k < inputs; k++) {
        values[i * inputs + k] = means[i / perClass][k] + (float) (random.nextDouble() - 0.5);
      }
    }
    return values;
  }

  private static NDArray toArray(NDManager manager, LossFixtures.Batch batch) {
    int n = batch.embeddings().length;
    int dim = batch.embeddings()[0].length;
    double[] flat = new double[n * dim];
    for (int i = 0; i < n; i++) {
      System.arraycopy(batch.embeddings()[i], 0, flat, i * dim, dim);
    }
    return manager.create(flat, new Shape(n, dim));
  }
}
