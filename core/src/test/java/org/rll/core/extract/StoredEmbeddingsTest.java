package org.rll.core.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

class StoredEmbeddingsTest {
  private static final String SHARD = "runs/r1/embeddings/AB/shard-00001.npy";

  @TempDir Path dir;
  private BlobStore store;
  private Gallery gallery;

  @BeforeEach
  void extract() {
    store = new FileSystemBlobStore(dir);
    gallery = Gallery.write(store, 3, 5, 5, 6, 6, 7);
    gallery.extractor(store, new PixelEmbedder()).optBatchSize(1).optShardSize(2).build().extract();
  }

  @Test
  void readsBackEveryRowLabelAndKeyInGalleryOrder() {
    StoredEmbeddings stored = StoredEmbeddings.open(store, "runs/r1/");
    assertArrayEquals(new int[] {5, 5, 6, 6, 7}, stored.labels());
    assertEquals(gallery.keys(), stored.imageKeys());
    float[] ab = stored.output("A,B");
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(
          PixelEmbedder.expectedRow(i, 3), Arrays.copyOfRange(ab, 3 * i, 3 * i + 3), "row " + i);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = stored.output("A", manager);
      assertEquals(new Shape(5, 2), a.getShape());
      assertArrayEquals(new float[] {64, 65}, a.get(4).toFloatArray());
    }
  }

  @Test
  void aShardWithOneByteChangedIsCorruptAndNamed() {
    byte[] bytes = store.readAllBytes(SHARD);
    bytes[bytes.length - 1] ^= 1;
    store.put(SHARD, bytes);
    StoredEmbeddings stored = StoredEmbeddings.open(store, "runs/r1/");
    CorruptDataException e = assertThrows(CorruptDataException.class, () -> stored.output("A,B"));
    assertTrue(e.getMessage().contains(SHARD), e.getMessage());
    assertTrue(e.getMessage().contains("the index recorded " + bytes.length + " bytes"));
    stored.output("A");
  }

  @Test
  void aShortShardIsCorruptAndNamed() {
    byte[] bytes = store.readAllBytes(SHARD);
    store.put(SHARD, Arrays.copyOf(bytes, bytes.length - 4));
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> StoredEmbeddings.open(store, "runs/r1/").output("A,B"));
    assertTrue(e.getMessage().contains(SHARD), e.getMessage());
  }

  @Test
  void aChangedImageListIsCorrupt() {
    String images = "runs/r1/embeddings/images-00002.csv";
    store.put(images, "image_key,class_id\ngallery/test.idx#4,8\n".getBytes());
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class, () -> StoredEmbeddings.open(store, "runs/r1/").labels());
    assertTrue(e.getMessage().contains(images), e.getMessage());
  }

  @Test
  void aMissingShardIsNamed() {
    store.delete(SHARD);
    BlobNotFoundException e =
        assertThrows(
            BlobNotFoundException.class,
            () -> StoredEmbeddings.open(store, "runs/r1/").output("A,B"));
    assertEquals(SHARD, e.key());
  }

  @Test
  void noIndexSaysTheExtractionHasNotFinished() {
    store.delete("runs/r1/embeddings/index.json");
    BlobNotFoundException e =
        assertThrows(BlobNotFoundException.class, () -> StoredEmbeddings.open(store, "runs/r1/"));
    assertEquals("runs/r1/embeddings/index.json", e.key());
    assertTrue(e.getMessage().startsWith("no embeddings index at "), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("the extraction has not finished, or ran under another prefix"));
  }

  @Test
  void anIndexThatIsNotJsonIsCorruptAndNamed() {
    store.put("runs/r1/embeddings/index.json", "{\"plan\": 3".getBytes());
    CorruptDataException e =
        assertThrows(CorruptDataException.class, () -> StoredEmbeddings.open(store, "runs/r1/"));
    assertTrue(e.getMessage().contains("runs/r1/embeddings/index.json: invalid"), e.getMessage());
  }

  @Test
  void anUnknownOutputIsRefused() {
    StoredEmbeddings stored = StoredEmbeddings.open(store, "runs/r1/");
    assertThrows(org.rll.core.exceptions.ValidationException.class, () -> stored.output("H"));
  }
}
