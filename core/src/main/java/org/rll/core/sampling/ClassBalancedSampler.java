package org.rll.core.sampling;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-balanced batches of image indices: every batch holds C distinct classes x K images, laid
 * out class-major (positions [cK, (c + 1)K) belong to the batch's c-th class).
 *
 * <p>Batch t is a function of (seed, t) alone, so it is read by random access ({@link #batch}) and
 * a resumed run never replays the sampler. Classes follow {@code EpochSchedule} (each class once
 * per epoch); images follow {@code ClassImageDraw} with the stream (seed, IMAGE, t, label). Classes
 * with fewer than two images are excluded, reported by {@link #excludedClasses} and logged.
 *
 * <p>Safe for concurrent use.
 */
public final class ClassBalancedSampler {
  private static final Logger LOG = LoggerFactory.getLogger(ClassBalancedSampler.class);
  private static final int MAX_LOGGED_CLASSES = 100;

  private final BatchSamplerConfig config;
  private final ClassIndex index;
  private final EpochSchedule schedule;

  /**
   * A sampler over the split where image index {@code i} has class {@code labels[i]}.
   *
   * @throws ValidationException if the labels are empty or negative, or fewer than C classes have
   *     two images
   */
  public ClassBalancedSampler(BatchSamplerConfig config, int[] labels) {
    this.config = config;
    this.index = ClassIndex.of(labels);
    int[] eligible = index.eligibleIds();
    ValidationException.check(
        eligible.length >= config.classesPerBatch(),
        "only %d classes have at least %d images, fewer than C = %d classes per batch",
        eligible.length,
        ClassIndex.MIN_IMAGES_PER_CLASS,
        config.classesPerBatch());
    this.schedule = new EpochSchedule(eligible, config.classesPerBatch(), config.seed());
    warnAboutExcluded(index.excludedClasses());
  }

  /** The config this sampler draws with. */
  public BatchSamplerConfig config() {
    return config;
  }

  /** The number of images in the split; batches hold indices in {@code [0, numImages)}. */
  public int numImages() {
    return index.numImages();
  }

  /** Labels of the classes that take part in batches (at least two images), ascending. */
  public int[] eligibleClasses() {
    return index.eligibleClasses();
  }

  /** Labels of the classes left out because they have fewer than two images, ascending. */
  public int[] excludedClasses() {
    return index.excludedClasses();
  }

  /** Batches per epoch: ceil(eligible classes / C). */
  public int batchesPerEpoch() {
    return schedule.batchesPerEpoch();
  }

  /**
   * The C x K image indices of batch {@code iteration}, class-major.
   *
   * @throws ValidationException if {@code iteration} is outside {@code [0, iterations)}
   */
  public int[] batch(int iteration) {
    ValidationException.check(
        iteration >= 0 && iteration < config.iterations(),
        "iteration must be in [0, %d), got %d",
        config.iterations(),
        iteration);
    int k = config.imagesPerClass();
    int[] classes = schedule.classesOf(iteration);
    int[] batch = new int[config.batchSize()];
    for (int slot = 0; slot < classes.length; slot++) {
      int label = index.label(classes[slot]);
      SplitMix64 rng = SplitMix64.derive(config.seed(), SamplerStreams.IMAGE, iteration, label);
      ClassImageDraw.draw(index, classes[slot], k, rng, batch, slot * k);
    }
    return batch;
  }

  private static void warnAboutExcluded(int[] excluded) {
    if (excluded.length == 0) {
      return;
    }
    String named =
        IntStream.of(excluded)
            .limit(MAX_LOGGED_CLASSES)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(", "));
    String more =
        excluded.length > MAX_LOGGED_CLASSES
            ? " and " + (excluded.length - MAX_LOGGED_CLASSES) + " more"
            : "";
    LOG.warn(
        "excluding {} classes with fewer than {} images from batches: {}{}",
        excluded.length,
        ClassIndex.MIN_IMAGES_PER_CLASS,
        named,
        more);
  }
}
