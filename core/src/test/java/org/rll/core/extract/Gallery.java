package org.rll.core.extract;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;
import org.rll.core.image.BlobImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;
import org.rll.core.storage.BlobStore;

/**
 * A tiny gallery for the extraction tests: {@code labels.length} images of {@code side x side} grey
 * pixels in one IDX blob, pixel p of image i being {@code (16 i + p) % 251}, preprocessed as they
 * are (no resize, no crop, values 0..255 unchanged).
 */
public record Gallery(List<String> keys, int[] labels, int side) {
  public static final String IDX_KEY = "gallery/test.idx";

  /** Writes the images to {@code store}. */
  public static Gallery write(BlobStore store, int side, int... labels) {
    ByteBuffer idx = ByteBuffer.allocate(16 + labels.length * side * side);
    idx.putInt(0x00000803).putInt(labels.length).putInt(side).putInt(side);
    for (int i = 0; i < labels.length; i++) {
      for (int p = 0; p < side * side; p++) {
        idx.put((byte) pixel(i, p));
      }
    }
    store.put(IDX_KEY, idx.array());
    List<String> keys = IntStream.range(0, labels.length).mapToObj(i -> IDX_KEY + "#" + i).toList();
    return new Gallery(keys, labels, side);
  }

  /** Pixel {@code p} (row-major) of image {@code i}. */
  public static int pixel(int i, int p) {
    return (16 * i + p) % 251;
  }

  /** The preprocessing that leaves the pixel values as they are. */
  public ImageTransformConfig transform() {
    return ImageTransformConfig.builder()
        .setNormalization(
            new Normalization(
                Normalization.ChannelOrder.RGB, 1, new double[] {0}, new double[] {1}))
        .optChannels(1)
        .optResize(side, side)
        .optCrop(side, side)
        .build();
  }

  /** An extractor of this gallery into {@code store} under {@code runs/r1/}. */
  public EmbeddingExtractor.Builder extractor(
      BlobStore store, org.rll.core.embed.Embedder embedder) {
    return EmbeddingExtractor.builder()
        .setStore(store)
        .setImages(keys, labels)
        .setSource(new BlobImageSource(store))
        .setTransform(transform())
        .setEmbedder(embedder)
        .setPrefix("runs/r1/");
  }
}
