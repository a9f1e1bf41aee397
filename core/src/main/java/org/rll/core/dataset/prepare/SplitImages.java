package org.rll.core.dataset.prepare;

import java.util.Arrays;
import java.util.List;
import org.rll.core.dataset.format.Split;

/**
 * The images of one split of a prepared dataset: their blob keys and their classes, renumbered
 * densely (the split's smallest class id is 0), as the sampler and the metrics expect.
 *
 * @param keys the image keys, in manifest order
 * @param labels the dense label of each key
 * @param firstClass the dataset's id of dense label 0
 * @param lastClass the dataset's id of the highest dense label
 */
public record SplitImages(List<String> keys, int[] labels, int firstClass, int lastClass) {
  public SplitImages {
    keys = List.copyOf(keys);
    labels = labels.clone();
  }

  /** The first {@code maxImages} images of {@code split} (all when 0), in manifest order. */
  public static SplitImages of(DatasetManifest manifest, Split split, int maxImages) {
    List<String> keys = manifest.imageKeys(split);
    int[] classIds = manifest.classIds(split);
    int count = maxImages == 0 ? keys.size() : Math.min(maxImages, keys.size());
    int[] kept = Arrays.copyOf(classIds, count);
    int[] distinct = Arrays.stream(kept).distinct().sorted().toArray();
    int[] labels = Arrays.stream(kept).map(id -> Arrays.binarySearch(distinct, id)).toArray();
    return new SplitImages(
        keys.subList(0, count), labels, distinct[0], distinct[distinct.length - 1]);
  }

  /** The number of images. */
  public int size() {
    return keys.size();
  }

  /** The dense labels (a copy). */
  @Override
  public int[] labels() {
    return labels.clone();
  }
}
