package org.rll.core.image;

import java.util.Arrays;
import org.rll.core.exceptions.ValidationException;

/**
 * How a backbone wants its input: the order of the colour channels, a scale applied to the 0..255
 * pixel value, then a per-channel mean subtracted and a standard deviation divided: {@code out =
 * (value x scale - mean[c]) / std[c]}, {@code c} counted in the output order. Immutable.
 *
 * @param channelOrder the order of the output channels (ignored for one channel)
 * @param scale the factor applied to the 0..255 value first, such as 1/255
 * @param mean per output channel, 1 or 3 values
 * @param std per output channel, positive, as many as {@code mean}
 */
public record Normalization(ChannelOrder channelOrder, double scale, double[] mean, double[] std) {

  /** torchvision's ResNet-50: RGB in [0, 1], ImageNet mean and standard deviation. */
  public static final Normalization RESNET50_TORCHVISION =
      new Normalization(
          ChannelOrder.RGB,
          1 / 255.0,
          new double[] {0.485, 0.456, 0.406},
          new double[] {0.229, 0.224, 0.225});

  /** The common Caffe-trained BN-Inception port: BGR in 0..255 with the mean pixel removed. */
  public static final Normalization BN_INCEPTION =
      new Normalization(ChannelOrder.BGR, 1, new double[] {104, 117, 128}, new double[] {1, 1, 1});

  /** Fashion-MNIST greyscale: [0, 1] with the training set's mean and standard deviation. */
  public static final Normalization FASHION_MNIST =
      new Normalization(ChannelOrder.RGB, 1 / 255.0, new double[] {0.2860}, new double[] {0.3530});

  /** The order of the colour channels in the output tensor. */
  public enum ChannelOrder {
    RGB,
    BGR
  }

  /** Validates every value and keeps copies of the arrays. */
  public Normalization {
    ValidationException.check(channelOrder != null, "channelOrder must not be null");
    ValidationException.check(
        Double.isFinite(scale) && scale > 0, "scale must be positive and finite, got %s", scale);
    ValidationException.check(
        mean != null && std != null && (mean.length == 1 || mean.length == 3),
        "mean must have 1 or 3 values, got %s",
        Arrays.toString(mean));
    ValidationException.check(
        std.length == mean.length,
        "std must have as many values as mean (%d), got %s",
        mean.length,
        Arrays.toString(std));
    for (int c = 0; c < mean.length; c++) {
      ValidationException.check(
          Double.isFinite(mean[c]), "mean must be finite, got %s", Arrays.toString(mean));
      ValidationException.check(
          Double.isFinite(std[c]) && std[c] > 0,
          "std must be positive and finite, got %s",
          Arrays.toString(std));
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** The number of channels: 1 or 3. */
  public int channels() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /** The image channel (0 = R, 1 = G, 2 = B, or 0 = grey) that fills output channel {@code c}. */
  public int sourceChannel(int c) {
    return channelOrder == ChannelOrder.BGR && mean.length == 3 ? 2 - c : c;
  }

  /**
   * The normalised value of every pixel value, per output channel: {@code table[c][v]} is {@code
   * (float) ((v x scale - mean[c]) / std[c])}, computed in double.
   */
  public float[][] lookupTable() {
    float[][] table = new float[mean.length][256];
    for (int c = 0; c < mean.length; c++) {
      for (int v = 0; v < 256; v++) {
        table[c][v] = (float) ((v * scale - mean[c]) / std[c]);
      }
    }
    return table;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Normalization n
        && n.channelOrder == channelOrder
        && Double.compare(n.scale, scale) == 0
        && Arrays.equals(n.mean, mean)
        && Arrays.equals(n.std, std);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(channelOrder, scale, Arrays.hashCode(mean), Arrays.hashCode(std));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "Normalization[%s, scale %s, mean %s, std %s]",
        channelOrder,
        scale,
        Arrays.toString(mean),
        Arrays.toString(std));
  }
}
