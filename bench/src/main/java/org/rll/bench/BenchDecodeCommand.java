package org.rll.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.CropPlacement;
import org.rll.core.image.DecodedImage;
import org.rll.core.image.ImageDecoder;
import org.rll.core.image.ImageTransform;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench decode}: images per second on one thread (so per core) for decode, resize to
 * 256x256, random 227x227 crop and flip, and normalisation to float32 CHW, with the rll pipeline
 * against the plain ImageIO + Java2D path ({@code ImageIO.read}, then a bilinear scaled {@code
 * Graphics2D.drawImage}, then the crop and the same normalisation) on the same in-memory JPEGs.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "JPEG decode+resize+crop images/s per core: rll pipeline against ImageIO+Java2D.")
public final class BenchDecodeCommand implements Runnable {
  private static final int[][] SIZES = {{500, 375}, {700, 480}};
  private static final String[] SIZE_NAMES = {"CUB-like 500x375", "CARS-like 700x480"};

  @Spec CommandSpec spec;

  @Option(names = "--images", description = "JPEGs per size (default: ${DEFAULT-VALUE}).")
  int images = 60;

  @Option(names = "--quality", description = "JPEG quality 0..1 (default: ${DEFAULT-VALUE}).")
  float quality = 0.9f;

  @Option(
      names = "--seed",
      description = "Seed of the images and crops (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--repeat",
      description =
          "Alternating timed passes; the best of each counts (default: ${DEFAULT-VALUE}).")
  int repeat = 3;

  @Override
  public void run() {
    ValidationException.check(images > 0, "images must be positive, got %d", images);
    ValidationException.check(repeat > 0, "repeat must be positive, got %d", repeat);
    ValidationException.check(
        quality > 0 && quality <= 1, "quality must be in (0, 1], got %s", quality);
    ImageIO.setUseCache(false); // both paths decode from memory, never through a temp file
    ImageTransformConfig config = ImageTransformConfig.training(Normalization.RESNET50_TORCHVISION);
    print("thread", "1 (figures are per core); timings on a shared machine are noisy");
    for (int s = 0; s < SIZES.length; s++) {
      byte[][] jpegs = new byte[images][];
      long bytes = 0;
      for (int i = 0; i < images; i++) {
        jpegs[i] = SyntheticJpegs.make(seed, i, SIZES[s][0], SIZES[s][1], quality);
        bytes += jpegs[i].length;
      }
      print(
          SIZE_NAMES[s],
          String.format(Locale.ROOT, "%d JPEGs, %d KiB mean", images, bytes / images / 1024));
      measure(jpegs, config);
    }
  }

  private void measure(byte[][] jpegs, ImageTransformConfig config) {
    ImageTransform transform = new ImageTransform(config);
    float[] out = new float[config.imageFloats()];
    IntConsumer pipeline =
        i -> transform.apply(ImageDecoder.decode(jpegs[i], "bench-" + i), seed, 0, i, out, 0);
    IntConsumer baseline = i -> java2d(jpegs[i], config, i, out);
    IntConsumer decodeOnly = i -> ImageDecoder.decode(jpegs[i], "bench-" + i);
    double pipelineRate = 0;
    double baselineRate = 0;
    double decodeRate = 0;
    for (int pass = 0; pass <= repeat; pass++) {
      double b = rate(baseline, jpegs.length);
      double p = rate(pipeline, jpegs.length);
      double d = rate(decodeOnly, jpegs.length);
      if (pass > 0) { // pass 0 warms up the JIT
        baselineRate = Math.max(baselineRate, b);
        pipelineRate = Math.max(pipelineRate, p);
        decodeRate = Math.max(decodeRate, d);
      }
    }
    print("  ImageIO+Java2D", String.format(Locale.ROOT, "%.1f images/s", baselineRate));
    print("  rll pipeline", String.format(Locale.ROOT, "%.1f images/s", pipelineRate));
    print(
        "  decode only",
        String.format(Locale.ROOT, "%.1f images/s (rll ImageDecoder)", decodeRate));
    print(
        "  ratio",
        String.format(Locale.ROOT, "%.2f x the ImageIO+Java2D rate", pipelineRate / baselineRate));
  }

  /** The plain path: ImageIO decode, Java2D bilinear scale, sub-image crop, then normalise. */
  private void java2d(byte[] jpeg, ImageTransformConfig config, int index, float[] out) {
    BufferedImage decoded;
    try {
      decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BufferedImage resized =
        new BufferedImage(
            config.resizeWidth(), config.resizeHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D graphics = resized.createGraphics();
    graphics.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.drawImage(decoded, 0, 0, config.resizeWidth(), config.resizeHeight(), null);
    graphics.dispose();
    CropPlacement at = CropPlacement.draw(config, seed, 0, index);
    BufferedImage crop =
        resized.getSubimage(at.x(), at.y(), config.cropWidth(), config.cropHeight());
    DecodedImage pixels = ImageDecoder.fromBufferedImage(crop);
    float[][] table = config.normalization().lookupTable();
    int plane = config.cropWidth() * config.cropHeight();
    byte[] raw = pixels.pixels();
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < plane; p++) {
        int column = p % config.cropWidth();
        int source = at.mirrored() ? p - column + config.cropWidth() - 1 - column : p;
        out[c * plane + p] = table[c][raw[source * 3 + c] & 0xff];
      }
    }
  }

  private static double rate(IntConsumer work, int count) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      work.accept(i);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private void print(String name, String value) {
    spec.commandLine().getOut().printf(Locale.ROOT, "%-20s %s%n", name + ":", value);
  }
}
