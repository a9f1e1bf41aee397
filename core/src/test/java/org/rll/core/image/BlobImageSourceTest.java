package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.storage.ForwardingBlobStore;

class BlobImageSourceTest {
  private static final String IDX_KEY = "datasets/x/prepared/test-images.idx";

  @TempDir Path root;

  @Test
  void anImageKeyIsDecodedFromItsBlob() {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    DecodedImage image = ImageFixtures.pattern(5, 4, 3, 4);
    store.put("datasets/x/images/a/b.png", ImageFixtures.encode(image, "png"));
    DecodedImage loaded = new BlobImageSource(store).load("datasets/x/images/a/b.png");
    assertArrayEquals(image.pixels(), loaded.pixels());
  }

  @Test
  void anIndexSuffixPicksOneIdxRecord() {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    store.put(IDX_KEY, ImageFixtures.idx(50, 3, 2));
    DecodedImage record = new BlobImageSource(store).load(IDX_KEY + "#42");
    assertEquals(2, record.width());
    assertEquals(3, record.height());
    assertEquals(1, record.channels());
    // Record 42 is bytes 252..257 of the body; byte i holds i % 251.
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, record.pixels());
  }

  @Test
  void eachIdxBlobIsReadOnceWhateverTheThreads() throws Exception {
    FileSystemBlobStore files = new FileSystemBlobStore(root);
    files.put(IDX_KEY, ImageFixtures.idx(50, 3, 2));
    CountingStore store = new CountingStore(files);
    BlobImageSource source = new BlobImageSource(store);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DecodedImage>> loads =
          java.util.stream.IntStream.range(0, 50)
              .mapToObj(i -> pool.submit(() -> source.load(IDX_KEY + "#" + i)))
              .toList();
      for (int i = 0; i < 50; i++) {
        assertEquals((6 * i) % 251, loads.get(i).get().value(0, 0, 0), "record " + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, store.opens.get());
  }

  @Test
  void badKeysAndBadBlobsFailNamingTheKey() {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    store.put(IDX_KEY, ImageFixtures.idx(5, 3, 2));
    store.put("datasets/x/images/broken.jpg", "JFIF? no".getBytes());
    store.put("datasets/x/prepared/labels.idx", new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 7});
    BlobImageSource source = new BlobImageSource(store);
    ValidationException past =
        assertThrows(ValidationException.class, () -> source.load(IDX_KEY + "#5"));
    assertTrue(past.getMessage().contains(IDX_KEY + "#5"), past.getMessage());
    CorruptDataException broken =
        assertThrows(CorruptDataException.class, () -> source.load("datasets/x/images/broken.jpg"));
    assertTrue(broken.getMessage().contains("datasets/x/images/broken.jpg"), broken.getMessage());
    CorruptDataException labels =
        assertThrows(
            CorruptDataException.class, () -> source.load("datasets/x/prepared/labels.idx#0"));
    assertTrue(labels.getMessage().contains("labels.idx#0"), labels.getMessage());
    assertThrows(BlobNotFoundException.class, () -> source.load("datasets/x/images/none.jpg"));
  }

  @Test
  void aHashWithoutDigitsIsPartOfAnOrdinaryKey() {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    DecodedImage image = ImageFixtures.pattern(3, 2, 1, 0);
    store.put("datasets/x/images/a#b.png", ImageFixtures.encode(image, "png"));
    assertArrayEquals(
        image.pixels(), new BlobImageSource(store).load("datasets/x/images/a#b.png").pixels());
  }

  /** A store that counts how often blobs are opened. */
  private static final class CountingStore extends ForwardingBlobStore {
    private final AtomicInteger opens = new AtomicInteger();

    CountingStore(BlobStore inner) {
      super(inner);
    }

    @Override
    public InputStream open(String key, long offset) {
      opens.incrementAndGet();
      return super.open(key, offset);
    }
  }
}
