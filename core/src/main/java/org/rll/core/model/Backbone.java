package org.rll.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.rll.core.exceptions.ValidationException;

/** The backbones rll trains, each with the input it expects. */
public enum Backbone {
  /** The paper's GoogLeNet V2 with BatchNorm; 227x227 BGR crops. */
  BN_INCEPTION(BnInception::backbone, BnInception.LEVELS, 3, 227),
  /** torchvision's ResNet-50; 224x224 RGB crops by default. */
  RESNET50(ResNet50::backbone, ResNet50.LEVELS, 3, 224),
  /** The small net for 28x28 grayscale data. */
  SMALL_CONV(SmallConvNet::backbone, SmallConvNet.LEVELS, 1, 28);

  private final Supplier<TappedSequence> factory;
  private final List<String> levels;
  private final int channels;
  private final int inputSize;

  Backbone(Supplier<TappedSequence> factory, List<String> levels, int channels, int inputSize) {
    this.factory = factory;
    this.levels = levels;
    this.channels = channels;
    this.inputSize = inputSize;
  }

  /** Parses a name such as {@code bn-inception} or {@code BN_INCEPTION}. */
  public static Backbone parse(String name) {
    String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Backbone backbone : values()) {
      if (backbone.name().equals(normal)) {
        return backbone;
      }
    }
    throw new ValidationException(
        String.format(
            "unknown backbone '%s'; known: %s",
            name, Arrays.stream(values()).map(Backbone::cliName).toList()));
  }

  /** The lower-case, dashed name used in specs and on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A fresh, uninitialised instance. */
  public TappedSequence create() {
    return factory.get();
  }

  /** The levels heads can attach to, shallow to deep. */
  public List<String> levels() {
    return levels;
  }

  /** Input channels: 3 for colour, 1 for grayscale. */
  public int channels() {
    return channels;
  }

  /** The side of the square input the backbone is trained at by default. */
  public int inputSize() {
    return inputSize;
  }
}
