package org.rll.core.dataset.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;

/**
 * A generic image folder {@code root/<class>/<image>}: one directory per class, named by the class.
 * Hidden files and directories (a leading '.') are skipped; classes and images are listed in name
 * order.
 */
final class ImageFolderFormat implements FormatReader {

  @Override
  public DatasetListing read(Path root) {
    ValidationException.check(Files.isDirectory(root), "image folder %s is not a directory", root);
    List<Map.Entry<String, String>> images = new ArrayList<>();
    for (Path classDirectory : VisibleFiles.sorted(root)) {
      if (Files.isDirectory(classDirectory)) {
        String className = classDirectory.getFileName().toString();
        for (Path image : VisibleFiles.sorted(classDirectory)) {
          if (Files.isRegularFile(image)) {
            String path = BlobKeys.join(className, image.getFileName().toString());
            images.add(Map.entry(path, className));
          }
        }
      }
    }
    ValidationException.check(
        !images.isEmpty(), "no <class>/<image> files (%s)", VisibleFiles.summary(root));
    return SortedClasses.listing(root, images);
  }
}
