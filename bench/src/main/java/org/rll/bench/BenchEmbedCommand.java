package org.rll.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rll.core.embed.Embedder;
import org.rll.core.embed.ModelEmbedder;
import org.rll.core.export.ExportSpec;
import org.rll.core.export.OnnxEmbedder;
import org.rll.core.export.OnnxExport;
import org.rll.core.export.OnnxExporter;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;
import org.rll.core.model.Backbone;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;
import org.rll.core.random.SplitMix64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench embed}: export and check time of a backbone with random weights, then images per
 * second of the exported model under ONNX Runtime against the DJL net it came from, on the same
 * batches, taking turns.
 */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = "Times ONNX Runtime inference of an exported net against the DJL net.")
public final class BenchEmbedCommand implements Callable<Integer> {
  private static final String CONFIG_HASH = "0".repeat(64);

  @Spec CommandSpec spec;

  @Option(
      names = "--backbone",
      description = "bn-inception, resnet50 or small-conv (default: ${DEFAULT-VALUE}).")
  String backbone = "small-conv";

  @Option(
      names = "--batch",
      description = "Images per batch (default: 500 for small-conv, 32 for the others).")
  Integer batch;

  @Option(
      names = "--batches",
      description = "Timed batches of each (default: 20 for small-conv, 3 for the others).")
  Integer batches;

  @Option(names = "--seed", description = "Seed of weights and inputs (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Override
  public Integer call() {
    Backbone net = Backbone.parse(backbone);
    boolean small = net == Backbone.SMALL_CONV;
    ModelConfig paper = ModelConfig.paper();
    ModelConfig model =
        small ? ModelConfig.demo() : new ModelConfig(net, paper.heads(), paper.embeddingDim());
    ImageTransformConfig transform =
        small
            ? ImageTransformConfig.grayscale28()
            : ImageTransformConfig.test(
                net == Backbone.RESNET50
                    ? Normalization.RESNET50_TORCHVISION
                    : Normalization.BN_INCEPTION);
    int n = batch != null ? batch : small ? 500 : 32;
    int timed = batches != null ? batches : small ? 20 : 3;
    long[] shape = {n, transform.channels(), transform.cropHeight(), transform.cropWidth()};
    float[] images =
        randomImages(n * transform.channels() * transform.cropHeight() * transform.cropWidth());
    print(
        "rll bench embed: %s, batch %d, input %dx%dx%d, %d batches each after 1 warm-up, taking turns",
        model, n, shape[1], shape[2], shape[3], timed);
    Engine.getInstance().setRandomSeed((int) seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel embeddingModel = model.build(manager, n);
      long start = System.nanoTime();
      OnnxExport export =
          OnnxExporter.export(embeddingModel, spec(model, transform), images, shape);
      print(
          "export + ONNX Runtime check: %.2f s, %.1f MB, largest difference %.1e",
          (System.nanoTime() - start) / 1e9, export.bytes().length / 1e6, export.parity().worst());
      try (Embedder djl = new ModelEmbedder(embeddingModel, manager);
          Embedder onnx = OnnxEmbedder.open(export.bytes())) {
        djl.embed(images, shape);
        onnx.embed(images, shape);
        long djlNanos = 0;
        long onnxNanos = 0;
        for (int b = 0; b < timed; b++) {
          djlNanos += time(djl, images, shape);
          onnxNanos += time(onnx, images, shape);
        }
        double djlRate = timed * (double) n / (djlNanos / 1e9);
        double onnxRate = timed * (double) n / (onnxNanos / 1e9);
        print("images/s: ONNX Runtime %.1f, DJL (PyTorch) %.1f", onnxRate, djlRate);
        print("ratio: ONNX Runtime embeds at %.2fx the DJL net's rate", onnxRate / djlRate);
      }
    }
    return 0;
  }

  private static ExportSpec spec(ModelConfig model, ImageTransformConfig transform) {
    return ExportSpec.builder()
        .setModel(model)
        .setTransform(transform)
        .setRunId("bench")
        .setCheckpointIteration(0)
        .setConfigHash(CONFIG_HASH)
        .build();
  }

  private float[] randomImages(int size) {
    SplitMix64 random = new SplitMix64(seed);
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private static long time(Embedder embedder, float[] images, long[] shape) {
    long start = System.nanoTime();
    embedder.embed(images, shape);
    return System.nanoTime() - start;
  }

  private void print(String format, Object... args) {
    spec.commandLine().getOut().println(String.format(Locale.ROOT, format, args));
  }
}
