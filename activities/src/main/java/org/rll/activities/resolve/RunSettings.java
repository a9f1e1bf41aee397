package org.rll.activities.resolve;

import java.util.List;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossConfig;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.SgdConfig;
import org.rll.core.sampling.BatchSamplerConfig;

/**
 * A {@link org.rll.workflows.spec.PipelineSpec} with every default resolved into the core configs
 * the stages run with. {@link SpecResolver} makes it; every stage resolves the same spec again and
 * gets the same settings.
 *
 * @param dataset where the dataset comes from, its format and split
 * @param model the network
 * @param pretrained backbone weights (a {@code file://} URI, a path or a store key), or null
 * @param loss the Ranked List Loss hyper-parameters
 * @param sampler the class-balanced batches of every iteration
 * @param sgd the optimiser and its learning-rate schedule
 * @param trainTransform the training images' preprocessing
 * @param testTransform the test images' preprocessing, for export and extraction
 * @param seed seed of the weights, the batches and the image pipeline
 * @param iterations training iterations in all
 * @param checkpointEvery iterations between checkpoints inside a chunk
 * @param chunkIterations iterations of one chunk activity
 * @param evaluateEvery iterations between evaluations during training; 0 for the end only
 * @param ks the Recall@K list
 * @param nmiSeed seed of the k-means of NMI
 * @param exportTolerance the largest ONNX Runtime difference the export accepts
 * @param checkImages test images the export check runs
 */
public record RunSettings(
    DatasetSpec dataset,
    ModelConfig model,
    String pretrained,
    LossConfig loss,
    BatchSamplerConfig sampler,
    SgdConfig sgd,
    ImageTransformConfig trainTransform,
    ImageTransformConfig testTransform,
    long seed,
    int iterations,
    int checkpointEvery,
    int chunkIterations,
    int evaluateEvery,
    List<Integer> ks,
    long nmiSeed,
    double exportTolerance,
    int checkImages) {

  public RunSettings {
    ks = List.copyOf(ks);
  }

  /** A new loss with these hyper-parameters; one with parameters still needs initialising. */
  public EmbeddingLoss newLoss() {
    return loss.newLoss();
  }

  /**
   * The canonical text of every setting that changes the trained parameters, and its hash. The
   * dataset enters by source, pinned checksum, format, split and minimum class size, which are
   * known before it is prepared.
   */
  public TrainingIdentity identity() {
    return new TrainingIdentity(
        String.join(
            "|",
            model.toString(),
            "pretrained " + pretrained,
            "init seed " + seed,
            loss.toString(),
            sampler.toString(),
            sgd.toString(),
            trainTransform.toString(),
            "dataset "
                + dataset.source()
                + " "
                + dataset.checksum().map(Object::toString).orElse("-"),
            "prepared " + dataset.preparationId()));
  }

  /** Images in each training batch: C x K. */
  public int batchSize() {
    return sampler.batchSize();
  }
}
