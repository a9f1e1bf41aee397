package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.sampling.BatchManifestWriter;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.sampling.ClassBalancedSampler;
import org.rll.core.storage.FileSystemBlobStore;

class BatchLoaderTest {
  private static final int IMAGES = 24;
  private static final ImageTransformConfig TRAINING =
      ImageTransformConfig.builder()
          .setNormalization(Normalization.RESNET50_TORCHVISION)
          .optResize(8, 8)
          .optCrop(5, 6)
          .optRandomCrop(true)
          .optFlip(true)
          .build();

  @TempDir Path root;
  private FileSystemBlobStore store;
  private List<String> keys;
  private BatchManifest manifest;
  private BlobImageSource source;

  @BeforeEach
  void storeImagesAndManifest() throws IOException {
    store = new FileSystemBlobStore(root);
    keys = storeImages(store);
    manifest = manifest();
    source = new BlobImageSource(store);
  }

  /** 24 PNG images of 6 classes (index i is class i % 6), sized 7x5 to 10x5. */
  private static List<String> storeImages(FileSystemBlobStore store) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      String key = "datasets/x/images/" + (i % 6) + "/" + i + ".png";
      store.put(key, ImageFixtures.encode(ImageFixtures.pattern(7 + i % 4, 5, 3, i), "png"));
      keys.add(key);
    }
    return keys;
  }

  /** 10 batches of 3 classes x 2 images, through a real manifest. */
  private static BatchManifest manifest() throws IOException {
    int[] labels = IntStream.range(0, IMAGES).map(i -> i % 6).toArray();
    BatchSamplerConfig config =
        BatchSamplerConfig.builder()
            .setSeed(3)
            .setIterations(10)
            .optClassesPerBatch(3)
            .optImagesPerClass(2)
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BatchManifestWriter(new ClassBalancedSampler(config, labels)).write(out);
    return BatchManifest.read(new ByteArrayInputStream(out.toByteArray()));
  }

  private BatchLoader.Builder loader() {
    return BatchLoader.builder()
        .setKeys(keys)
        .setSource(source)
        .setTransform(TRAINING)
        .setSeed(17)
        .setBatches(manifest::batch)
        .setIterations(0, manifest.iterations());
  }

  private static List<float[]> drain(BatchLoader loader) {
    List<float[]> values = new ArrayList<>();
    while (loader.hasNext()) {
      values.add(loader.next().values());
    }
    return values;
  }

  @Test
  void eachBatchIsItsImagesTransformedAtTheirPositions() {
    try (BatchLoader loader = loader().optThreads(2).build()) {
      for (int t = 0; t < manifest.iterations(); t++) {
        ImageBatch batch = loader.next();
        assertEquals(t, batch.iteration());
        assertArrayEquals(manifest.batch(t), batch.indices());
        assertArrayEquals(new long[] {6, 3, 6, 5}, batch.shape());
        for (int p = 0; p < 6; p++) {
          float[] expected =
              ReferenceImageOps.transform(
                  source.load(keys.get(manifest.batch(t)[p])), TRAINING, 17, t, p);
          float[] actual = new float[expected.length];
          System.arraycopy(batch.values(), p * expected.length, actual, 0, expected.length);
          assertArrayEquals(expected, actual, "iteration " + t + " position " + p);
        }
      }
      assertFalse(loader.hasNext());
      assertThrows(NoSuchElementException.class, loader::next);
    }
  }

  @Test
  void batchesAreIdenticalWithOneOrFourThreadsAndWhenResumed() {
    List<float[]> one;
    try (BatchLoader loader = loader().optThreads(1).build()) {
      one = drain(loader);
    }
    List<float[]> four;
    try (BatchLoader loader = loader().optThreads(4).optPrefetch(3).build()) {
      four = drain(loader);
    }
    List<float[]> resumed;
    try (BatchLoader loader = loader().optThreads(3).setIterations(6, 10).build()) {
      resumed = drain(loader);
    }
    assertEquals(10, one.size());
    for (int t = 0; t < 10; t++) {
      assertArrayEquals(one.get(t), four.get(t), "iteration " + t);
    }
    for (int t = 6; t < 10; t++) {
      assertArrayEquals(one.get(t), resumed.get(t - 6), "resumed iteration " + t);
    }
  }

  @Test
  void prefetchNeverRunsMoreThanDepthBatchesAhead() throws Exception {
    DecodedImage image = ImageFixtures.pattern(8, 8, 3, 0);
    AtomicInteger nextCalls = new AtomicInteger();
    AtomicInteger loads = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    int batchSize = 4;
    int depth = 2;
    ImageSource counting =
        key -> {
          int loaded = loads.incrementAndGet();
          int ahead = (loaded - 1) / batchSize + 1 - nextCalls.get();
          mostAhead.accumulateAndGet(ahead, Math::max);
          return image;
        };
    List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(keys)
            .setSource(counting)
            .setTransform(TRAINING)
            .setSeed(1)
            .setBatches(t -> new int[] {t % 8, (t + 1) % 8, (t + 2) % 8, (t + 3) % 8})
            .setIterations(0, 12)
            .optThreads(4)
            .optPrefetch(depth)
            .build()) {
      for (int t = 0; t < 12; t++) {
        // A slow consumer: wait until all it allows is loaded, then give the threads a further
        // chance to run ahead before asking.
        int allowed = Math.min(t + depth, 12) * batchSize;
        while (loads.get() < allowed) {
          Thread.sleep(1);
        }
        Thread.sleep(20);
        assertEquals(allowed, loads.get(), "loads before batch " + t + " is asked for");
        nextCalls.incrementAndGet();
        loader.next();
      }
    }
    assertEquals(12 * batchSize, loads.get());
    assertEquals(depth, mostAhead.get(), "batches loaded beyond those asked for");
  }

  @Test
  void aCorruptImageFailsTheBatchNamingItsKey() {
    String broken = keys.get(manifest.batch(1)[4]);
    store.put(broken, "truncated".getBytes());
    try (BatchLoader loader = loader().optThreads(3).build()) {
      loader.next();
      CorruptDataException e = assertThrows(CorruptDataException.class, loader::next);
      assertTrue(e.getMessage().contains(broken), e.getMessage());
    }
  }

  @Test
  void closingStopsTheDecodeThreads() {
    ImageSource slow = key -> ImageFixtures.pattern(8, 8, 3, 0);
    BatchLoader loader =
        BatchLoader.builder()
            .setKeys(List.of("a"))
            .setSource(slow)
            .setTransform(TRAINING)
            .setSeed(1)
            .setBatches(t -> new int[] {0, 0})
            .setIterations(0, 1000)
            .optThreads(3)
            .build();
    loader.next();
    assertTrue(decodeThreads() > 0);
    loader.close();
    assertEquals(0, decodeThreads());
  }

  private static long decodeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("rll-image-decode-") && thread.isAlive())
        .count();
  }

  @Test
  void aBatchBecomesAnNchwNdArray() {
    try (BatchLoader loader =
            BatchLoader.builder()
                .setKeys(List.of("a", "b"))
                .setSource(key -> ImageFixtures.pattern(8, 8, 3, key.charAt(0)))
                .setTransform(TRAINING)
                .setSeed(1)
                .setBatches(t -> new int[] {1, 0, 1})
                .setIterations(0, 1)
                .build();
        NDManager manager = NDManager.newBaseManager()) {
      ImageBatch batch = loader.next();
      NDArray array = batch.toNDArray(manager);
      assertEquals(new Shape(3, 3, 6, 5), array.getShape());
      assertArrayEquals(batch.values(), array.toFloatArray());
    }
  }
}
