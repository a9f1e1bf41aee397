package org.rll.core.image;

import org.rll.core.exceptions.ValidationException;

/**
 * The preprocessing of one image: a plain bilinear resize (no aspect kept), a crop (random for
 * training, centred for test), an optional random horizontal flip, and a {@link Normalization}.
 * Immutable; build it with {@link #builder()} or take a preset.
 *
 * <p>A resize to the image's own size is a copy, and a crop as large as the resize is no crop, so
 * the 28x28 greyscale preset leaves IDX images as they are.
 *
 * @param resizeWidth width after the resize
 * @param resizeHeight height after the resize
 * @param cropWidth width of the crop, at most {@code resizeWidth}; the output width
 * @param cropHeight height of the crop, at most {@code resizeHeight}; the output height
 * @param randomCrop a crop at a random offset per sample; otherwise the centre crop
 * @param flip a horizontal flip of half the samples, chosen at random per sample
 * @param channels 1 (grey) or 3 (colour); images are converted to it
 * @param normalization the backbone's normalisation, with {@code channels} channels
 */
public record ImageTransformConfig(
    int resizeWidth,
    int resizeHeight,
    int cropWidth,
    int cropHeight,
    boolean randomCrop,
    boolean flip,
    int channels,
    Normalization normalization) {

  /** The paper's resize: 256 x 256. */
  public static final int PAPER_RESIZE = 256;

  /** The paper's crop: 227 x 227. */
  public static final int PAPER_CROP = 227;

  /** Validates the sizes and that the normalisation has as many channels as the output. */
  public ImageTransformConfig {
    ValidationException.check(
        resizeWidth > 0 && resizeHeight > 0,
        "resize must be positive, got %dx%d",
        resizeWidth,
        resizeHeight);
    ValidationException.check(
        cropWidth > 0 && cropHeight > 0 && cropWidth <= resizeWidth && cropHeight <= resizeHeight,
        "crop must be positive and at most the resize %dx%d, got %dx%d",
        resizeWidth,
        resizeHeight,
        cropWidth,
        cropHeight);
    ValidationException.check(
        channels == 1 || channels == 3, "channels must be 1 or 3, got %d", channels);
    ValidationException.check(normalization != null, "normalization must not be null");
    ValidationException.check(
        normalization.channels() == channels,
        "normalization has %d channels but the transform outputs %d: %s",
        normalization.channels(),
        channels,
        normalization);
  }

  /** The paper's training transform: resize 256, random crop 227, random flip. */
  public static ImageTransformConfig training(Normalization normalization) {
    return builder().setNormalization(normalization).optRandomCrop(true).optFlip(true).build();
  }

  /** The paper's test transform: resize 256, centre crop 227, no flip. */
  public static ImageTransformConfig test(Normalization normalization) {
    return builder().setNormalization(normalization).build();
  }

  /** 28x28 greyscale IDX images as they are (no resize, no crop, no flip), Fashion-MNIST norm. */
  public static ImageTransformConfig grayscale28() {
    return builder()
        .setNormalization(Normalization.FASHION_MNIST)
        .optChannels(1)
        .optResize(28, 28)
        .optCrop(28, 28)
        .build();
  }

  /** A builder: resize 256, centre crop 227, no flip, 3 channels; the normalisation is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Values of one output image: channels x cropHeight x cropWidth. */
  public int imageFloats() {
    return channels * cropHeight * cropWidth;
  }

  /** Builds an {@link ImageTransformConfig}. */
  public static final class Builder {
    private int resizeWidth = PAPER_RESIZE;
    private int resizeHeight = PAPER_RESIZE;
    private int cropWidth = PAPER_CROP;
    private int cropHeight = PAPER_CROP;
    private boolean randomCrop;
    private boolean flip;
    private int channels = 3;
    private Normalization normalization;

    private Builder() {}

    /** The backbone's normalisation (required). */
    public Builder setNormalization(Normalization normalization) {
      this.normalization = normalization;
      return this;
    }

    /** The size after the resize (default 256 x 256). */
    public Builder optResize(int width, int height) {
      this.resizeWidth = width;
      this.resizeHeight = height;
      return this;
    }

    /** The size of the crop, which is the output size (default 227 x 227). */
    public Builder optCrop(int width, int height) {
      this.cropWidth = width;
      this.cropHeight = height;
      return this;
    }

    /** A random crop per sample instead of the centre crop (default off). */
    public Builder optRandomCrop(boolean randomCrop) {
      this.randomCrop = randomCrop;
      return this;
    }

    /** A random horizontal flip per sample (default off). */
    public Builder optFlip(boolean flip) {
      this.flip = flip;
      return this;
    }

    /** 1 (grey) or 3 (colour) output channels (default 3). */
    public Builder optChannels(int channels) {
      this.channels = channels;
      return this;
    }

    /** Validates the settings and returns the config. */
    public ImageTransformConfig build() {
      return new ImageTransformConfig(
          resizeWidth,
          resizeHeight,
          cropWidth,
          cropHeight,
          randomCrop,
          flip,
          channels,
          normalization);
    }
  }
}
