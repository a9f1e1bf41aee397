package org.rll.core.image;

/**
 * Where images come from, by key. Implementations are safe to call from several threads at once.
 */
public interface ImageSource {

  /**
   * Loads and decodes the image at {@code imageKey}.
   *
   * @throws org.rll.core.exceptions.RllException whose message names {@code imageKey}: a {@link
   *     org.rll.core.exceptions.CorruptDataException} for bytes that are not an image, a {@link
   *     org.rll.core.exceptions.TransientStorageException} for a fault worth retrying
   */
  DecodedImage load(String imageKey);
}
