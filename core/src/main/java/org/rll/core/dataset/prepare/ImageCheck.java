package org.rll.core.dataset.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.image.ImageDecoder;

/**
 * Decodes one image file completely and says what, if anything, is wrong with it.
 *
 * <p>Decoders often finish a truncated JPEG with only a warning ("Premature end of JPEG file") and
 * grey pixels, so any warning rejects the image too, as in {@link ImageDecoder#readStrictly}.
 */
final class ImageCheck {
  private ImageCheck() {}

  /** Why {@code file} is not a usable image, or empty when it decodes cleanly. */
  static Optional<String> problem(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.of("missing file");
    }
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      ImageDecoder.readStrictly(in);
      return Optional.empty();
    } catch (CorruptDataException e) {
      return Optional.of(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return Optional.of("undecodable: " + e);
    }
  }
}
