package org.rll.core.dataset.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file completely and says what, if anything, is wrong with it.
 *
 * <p>Decoders often finish a truncated JPEG with only a warning ("Premature end of JPEG file") and
 * grey pixels, so any warning rejects the image too.
 */
final class ImageCheck {
  private ImageCheck() {}

  /** Why {@code file} is not a usable image, or empty when it decodes cleanly. */
  static Optional<String> problem(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.of("missing file");
    }
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.of("not an image: no decoder recognises its bytes");
      }
      return decode(readers.next(), in);
    } catch (IOException | RuntimeException e) {
      return Optional.of("undecodable: " + e);
    }
  }

  private static Optional<String> decode(ImageReader reader, ImageInputStream in)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try {
      reader.setInput(in, true, true);
      reader.read(0);
    } finally {
      reader.dispose();
    }
    return warnings.isEmpty()
        ? Optional.empty()
        : Optional.of("truncated or damaged: " + String.join("; ", warnings));
  }
}
