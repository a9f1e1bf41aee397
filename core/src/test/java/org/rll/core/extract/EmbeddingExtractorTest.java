package org.rll.core.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.prepare.DatasetManifest;
import org.rll.core.dataset.prepare.ManifestRow;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.storage.ForwardingBlobStore;
import org.rll.core.storage.PutResult;
import org.rll.core.storage.Sha256Counter;

class EmbeddingExtractorTest {
  private static final String ROOT = "runs/r1/embeddings/";
  private static final int[] LABELS = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 3, 3};

  @TempDir Path dir;
  private final List<String> puts = new ArrayList<>();
  private BlobStore store;
  private Gallery gallery;

  @BeforeEach
  void gallery() {
    store =
        new ForwardingBlobStore(new FileSystemBlobStore(dir)) {
          @Override
          public PutResult put(String key, InputStream data) {
            puts.add(key);
            return super.put(key, data);
          }
        };
    gallery = Gallery.write(store, 4, LABELS);
    puts.clear();
  }

  private EmbeddingIndex extract(PixelEmbedder embedder, String identity) {
    return gallery
        .extractor(store, embedder)
        .optBatchSize(2)
        .optShardSize(4)
        .optIdentity(identity)
        .build()
        .extract();
  }

  private Map<String, byte[]> snapshot() {
    Map<String, byte[]> bytes = new TreeMap<>();
    for (String key : store.list(ROOT)) {
      bytes.put(key, store.readAllBytes(key));
    }
    return bytes;
  }

  private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((key, bytes) -> assertArrayEquals(bytes, actual.get(key), key));
  }

  @Test
  void writesEveryRowExactlyInShardsAndTheIndexLast() {
    PixelEmbedder embedder = new PixelEmbedder();
    EmbeddingIndex index = extract(embedder, "m1");

    assertEquals(7, embedder.calls.get());
    assertEquals(
        List.of(new EmbeddingIndex.OutputDim("A", 2), new EmbeddingIndex.OutputDim("A,B", 3)),
        index.outputs());
    assertEquals(List.of(4, 4, 4, 2), index.shards().stream().map(ShardEntry::rows).toList());
    assertEquals(ROOT + "index.json", puts.get(puts.size() - 1));
    assertEquals(ROOT + "shard-00003.json", puts.get(puts.size() - 2));
    assertEquals(
        List.of(
            ROOT + "A/shard-00000.npy",
            ROOT + "AB/shard-00000.npy",
            ROOT + "images-00000.csv",
            ROOT + "shard-00000.json"),
        puts.subList(0, 4));
    for (ShardEntry shard : index.shards()) {
      for (PutResult file : shard.files()) {
        byte[] bytes = store.readAllBytes(file.key());
        assertEquals(file.size(), bytes.length, file.key());
        assertEquals(file.sha256(), Sha256Counter.hex(bytes), file.key());
      }
      Npy.Matrix a = Npy.decode(store.readAllBytes(shard.outputs().get(0).key()), "A");
      Npy.Matrix ab = Npy.decode(store.readAllBytes(shard.outputs().get(1).key()), "AB");
      assertEquals(shard.rows(), ab.rows());
      for (int r = 0; r < shard.rows(); r++) {
        float[] expected = PixelEmbedder.expectedRow(4 * shard.shard() + r, 4);
        assertArrayEquals(expected, Arrays.copyOfRange(ab.values(), 3 * r, 3 * r + 3));
        assertArrayEquals(
            Arrays.copyOf(expected, 2), Arrays.copyOfRange(a.values(), 2 * r, 2 * r + 2));
      }
    }
    assertEquals(
        "image_key,class_id\n" + "gallery/test.idx#12,3\n" + "gallery/test.idx#13,3\n",
        new String(store.readAllBytes(ROOT + "images-00003.csv"), StandardCharsets.UTF_8));
  }

  @Test
  void aResumedExtractionEqualsAStraightOneByteForByte() {
    extract(new PixelEmbedder(), "m1");
    Map<String, byte[]> straight = snapshot();
    for (String key : store.list(ROOT)) {
      if (key.matches(".*-0000[23]\\.(npy|csv|json)") || key.endsWith("index.json")) {
        store.delete(key);
      }
    }
    List<int[]> progress = new ArrayList<>();
    PixelEmbedder embedder = new PixelEmbedder();
    gallery
        .extractor(store, embedder)
        .optBatchSize(2)
        .optShardSize(4)
        .optIdentity("m1")
        .optProgress((done, total) -> progress.add(new int[] {done, total}))
        .build()
        .extract();

    assertEquals(3, embedder.calls.get());
    assertSameBytes(straight, snapshot());
    assertEquals(
        List.of("8/14", "10/14", "12/14", "14/14"),
        progress.stream().map(p -> p[0] + "/" + p[1]).toList());
  }

  @Test
  void aShardWithAWrongSizedFileIsRedoneWithEveryLaterOne() {
    extract(new PixelEmbedder(), "m1");
    Map<String, byte[]> straight = snapshot();
    store.delete(ROOT + "index.json");
    store.put(ROOT + "AB/shard-00001.npy", new byte[] {1, 2, 3});
    PixelEmbedder embedder = new PixelEmbedder();
    extract(embedder, "m1");
    assertEquals(5, embedder.calls.get());
    assertSameBytes(straight, snapshot());
  }

  @Test
  void aRerunAfterTheIndexIsWrittenDoesNothing() {
    EmbeddingIndex first = extract(new PixelEmbedder(), "m1");
    Map<String, byte[]> before = snapshot();
    puts.clear();
    PixelEmbedder embedder = new PixelEmbedder();
    assertEquals(first, extract(embedder, "m1"));
    assertEquals(0, embedder.calls.get());
    assertEquals(List.of(), puts);
    assertSameBytes(before, snapshot());
  }

  @Test
  void refusesToMixTwoPlansUnderOnePrefix() {
    extract(new PixelEmbedder(), "m1");
    ValidationException afterIndex =
        assertThrows(ValidationException.class, () -> extract(new PixelEmbedder(), "m2"));
    assertTrue(afterIndex.getMessage().contains("index.json was written with other settings"));
    store.delete(ROOT + "index.json");
    ValidationException afterMarker =
        assertThrows(ValidationException.class, () -> extract(new PixelEmbedder(), "m2"));
    assertTrue(afterMarker.getMessage().contains("shard-00000.json was written with other"));
  }

  @Test
  void shardsMustHoldWholeBatches() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                gallery
                    .extractor(store, new PixelEmbedder())
                    .optBatchSize(3)
                    .optShardSize(4)
                    .build());
    assertEquals(
        "shard size must be a positive multiple of the batch size 3, got 4", e.getMessage());
  }

  @Test
  void refusesARandomTransform() {
    ImageTransformConfig training =
        ImageTransformConfig.builder()
            .setNormalization(gallery.transform().normalization())
            .optChannels(1)
            .optResize(4, 4)
            .optCrop(4, 4)
            .optFlip(true)
            .build();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> gallery.extractor(store, new PixelEmbedder()).setTransform(training).build());
    assertTrue(e.getMessage().startsWith("extraction needs the test transform"), e.getMessage());
  }

  @Test
  void theManifestGivesTheTestSplit() {
    DatasetManifest manifest =
        new DatasetManifest(
            List.of(
                new ManifestRow(gallery.keys().get(0), 0, "a", Split.TRAIN),
                new ManifestRow(gallery.keys().get(5), 7, "b", Split.TEST),
                new ManifestRow(gallery.keys().get(1), 0, "a", Split.TRAIN),
                new ManifestRow(gallery.keys().get(9), 8, "c", Split.TEST)));
    gallery
        .extractor(store, new PixelEmbedder())
        .setManifest(manifest)
        .optBatchSize(1)
        .optShardSize(1)
        .build()
        .extract();
    StoredEmbeddings stored = StoredEmbeddings.open(store, "runs/r1/");
    assertArrayEquals(new int[] {7, 8}, stored.labels());
    assertEquals(List.of(gallery.keys().get(5), gallery.keys().get(9)), stored.imageKeys());
    float[] expected = new float[6];
    System.arraycopy(PixelEmbedder.expectedRow(5, 4), 0, expected, 0, 3);
    System.arraycopy(PixelEmbedder.expectedRow(9, 4), 0, expected, 3, 3);
    assertArrayEquals(expected, stored.output("A,B"));
  }
}
