package org.rll.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.idx.IdxArray;
import org.rll.core.idx.IdxReader;
import org.rll.core.storage.BlobStore;

/**
 * Images stored in a {@link BlobStore}. A key such as {@code datasets/x/images/a/b.jpg} is one
 * encoded image; a key ending in {@code #<index>}, such as {@code
 * datasets/x/prepared/test-images.idx#42}, is record 42 of an IDX image blob (n x rows x cols
 * unsigned bytes). Each IDX blob is read once and kept in memory, shared by every thread.
 */
public final class BlobImageSource implements ImageSource {
  private final BlobStore store;
  private final ConcurrentMap<String, IdxArray> idxBlobs = new ConcurrentHashMap<>();

  /** A source reading from {@code store}. */
  public BlobImageSource(BlobStore store) {
    this.store = store;
  }

  @Override
  public DecodedImage load(String imageKey) {
    int hash = imageKey.lastIndexOf('#');
    if (hash < 0 || !isIndex(imageKey.substring(hash + 1))) {
      return ImageDecoder.decode(store.readAllBytes(imageKey), imageKey);
    }
    IdxArray images = idxBlobs.computeIfAbsent(imageKey.substring(0, hash), this::readIdx);
    int[] shape = images.shape();
    if (shape.length != 3) {
      throw new CorruptDataException(
          imageKey + ": IDX images must have shape n x rows x cols, got " + Arrays.toString(shape));
    }
    int index = parseIndex(imageKey, imageKey.substring(hash + 1));
    ValidationException.check(
        index < images.count(),
        "%s: record %d is past the end of %d records",
        imageKey,
        index,
        images.count());
    return DecodedImage.wrap(shape[2], shape[1], 1, images.item(index));
  }

  private IdxArray readIdx(String blobKey) {
    try (InputStream in = store.open(blobKey)) {
      return IdxReader.read(in, store.describe(blobKey));
    } catch (IOException e) {
      throw new TransientStorageException("cannot read " + store.describe(blobKey), e);
    }
  }

  private static boolean isIndex(String suffix) {
    return !suffix.isEmpty() && suffix.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  private static int parseIndex(String imageKey, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new ValidationException(imageKey + ": record index out of range");
    }
  }
}
