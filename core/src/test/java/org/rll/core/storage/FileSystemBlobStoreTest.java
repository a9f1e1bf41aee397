package org.rll.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.TransientStorageException;

class FileSystemBlobStoreTest extends BlobStoreContract {
  @TempDir Path root;

  @Override
  protected BlobStore store() {
    return new FileSystemBlobStore(root);
  }

  @Test
  void aFailedPutLeavesNeitherTheBlobNorAStagingFile() throws IOException {
    BlobStore store = store();
    InputStream failing =
        new InputStream() {
          private int left = 1000;

          @Override
          public int read() throws IOException {
            if (left-- <= 0) {
              throw new IOException("connection reset");
            }
            return 1;
          }
        };
    assertThrows(TransientStorageException.class, () -> store.put("half", failing));
    assertEquals(List.of(), store.list(""));
    try (var staged = Files.list(root.resolve(".staging"))) {
      assertEquals(0, staged.count());
    }
  }
}
