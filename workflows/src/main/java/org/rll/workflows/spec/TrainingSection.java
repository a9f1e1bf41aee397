package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The optimiser, the schedule and how training is cut into durable chunks; a null field takes the
 * default the planning activity resolves (the paper's where it has one).
 *
 * @param iterations training iterations in all
 * @param learningRate base SGD learning rate (1e-2; 1e-3 for CUB)
 * @param momentum SGD momentum (0.9)
 * @param weightDecay L2 weight decay (1e-5)
 * @param headLrMultiplier learning-rate factor of the new embedding heads (10)
 * @param lrSteps iterations after which the learning rate is multiplied by {@code lrDecay}
 * @param lrDecay the step decay factor (0.1)
 * @param seed seed of the weights, the batches and the image pipeline
 * @param checkpointEvery iterations between checkpoints inside a chunk
 * @param chunkIterations iterations of one chunk activity
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingSection(
    Integer iterations,
    Double learningRate,
    Double momentum,
    Double weightDecay,
    Double headLrMultiplier,
    List<Integer> lrSteps,
    Double lrDecay,
    Long seed,
    Integer checkpointEvery,
    Integer chunkIterations) {}
