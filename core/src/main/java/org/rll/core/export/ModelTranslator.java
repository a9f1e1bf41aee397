package org.rll.core.export;

import static org.rll.core.export.OnnxGraph.integer;
import static org.rll.core.export.OnnxGraph.ints;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.Bottleneck;
import org.rll.core.model.ConcatBranches;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.Layers;
import org.rll.core.model.Pooling;
import org.rll.core.model.Relu;
import org.rll.core.model.TappedSequence;

/**
 * Writes an {@link EmbeddingModel} as ONNX nodes in inference mode: every BatchNorm folded into the
 * convolution before it, each head as global average pooling, Gemm and L2 normalisation ({@code x /
 * max(||x||, 1e-12)}, as DJL and PyTorch compute it), plus the heads' concatenation when there are
 * several. A BatchNorm that does not directly follow a convolution (in the same sequence, with the
 * convolution's own output not tapped) is not supported: translation fails naming it.
 */
final class ModelTranslator {
  /** The input's name. */
  static final String INPUT = "images";

  private static final float NORM_EPSILON = 1e-12f;

  private final OnnxGraph graph = new OnnxGraph();

  private ModelTranslator() {}

  /**
   * The graph of {@code model} for (N, channels, height, width) input; outputs as {@link #outputs}.
   */
  static OnnxGraph translate(EmbeddingModel model, int channels, int height, int width) {
    ModelTranslator translator = new ModelTranslator();
    translator.graph.input(INPUT, channels, height, width);
    List<String> features = translator.block(model.backbone(), List.of(INPUT));
    translator.heads(model, features);
    return translator.graph;
  }

  /** The output names for {@code heads}: one per head, then their concatenation if several. */
  static List<String> outputs(List<String> heads) {
    List<String> names = new ArrayList<>();
    heads.forEach(head -> names.add(OutputNames.of(List.of(head))));
    if (heads.size() > 1) {
      names.add(OutputNames.of(heads));
    }
    return names;
  }

  private void heads(EmbeddingModel model, List<String> features) {
    List<String> levels = model.heads();
    List<String> names = outputs(levels);
    String epsilon = graph.constant(new float[] {NORM_EPSILON});
    List<String> embeddings = new ArrayList<>();
    for (int h = 0; h < levels.size(); h++) {
      String pooled = graph.node("GlobalAveragePool", List.of(features.get(model.headInput(h))));
      String flat = graph.node("Flatten", List.of(pooled), integer("axis", 1));
      Linear layer = model.headLayer(h);
      String projected =
          graph.node(
              "Gemm",
              List.of(flat, initializer(layer, "weight"), initializer(layer, "bias")),
              integer("transB", 1));
      String norm =
          graph.node("ReduceL2", List.of(projected), ints("axes", 1), integer("keepdims", 1));
      String clamped = graph.node("Max", List.of(norm, epsilon));
      embeddings.add(graph.node("Div", names.get(h), List.of(projected, clamped)));
      graph.output(names.get(h), model.dim());
    }
    if (levels.size() > 1) {
      String joined = names.get(levels.size());
      graph.node("Concat", joined, embeddings, integer("axis", 1));
      graph.output(joined, (long) model.dim() * levels.size());
    }
  }

  private List<String> block(Block block, List<String> inputs) {
    if (block instanceof TappedSequence sequence) {
      return sequence(sequence, inputs);
    }
    String input = single(inputs, block);
    if (block instanceof Conv2d conv) {
      return List.of(convolution(conv, weights(conv, "weight"), optional(conv, "bias"), input));
    }
    if (block instanceof Relu) {
      return List.of(graph.node("Relu", List.of(input)));
    }
    if (block instanceof Pooling pooling) {
      return List.of(pooling(pooling, input));
    }
    if (block instanceof Bottleneck bottleneck) {
      String residual = single(block(bottleneck.residual(), inputs), bottleneck);
      String shortcut = bottleneck.downsample().map(d -> single(block(d, inputs), d)).orElse(input);
      return List.of(graph.node("Relu", List.of(graph.node("Add", List.of(residual, shortcut)))));
    }
    if (block instanceof ConcatBranches concat) {
      List<String> branches = new ArrayList<>();
      concat.branches().forEach(branch -> branches.add(single(block(branch, inputs), branch)));
      return List.of(graph.node("Concat", branches, integer("axis", 1)));
    }
    throw new ValidationException(
        String.format(
            "cannot export %s: no ONNX translation for %s",
            block, block.getClass().getSimpleName()));
  }

  private List<String> sequence(TappedSequence sequence, List<String> inputs) {
    List<Block> blocks = sequence.blocks();
    List<String> current = inputs;
    List<String> taps = new ArrayList<>();
    int i = 0;
    while (i < blocks.size()) {
      Block block = blocks.get(i);
      if (block instanceof BatchNorm) {
        throw new ValidationException(
            String.format(
                "cannot export BatchNorm %s at position %d of its sequence: only a BatchNorm"
                    + " directly after an untapped convolution is exported (folded into it)",
                block, i));
      }
      if (block instanceof Conv2d conv
          && i + 1 < blocks.size()
          && blocks.get(i + 1) instanceof BatchNorm norm
          && !sequence.isTapped(i)) {
        current = List.of(foldedConvolution(conv, norm, single(current, conv)));
        i++;
      } else {
        current = block(block, current);
      }
      if (sequence.isTapped(i)) {
        taps.addAll(current);
      }
      i++;
    }
    return sequence.hasTaps() ? taps : current;
  }

  private String foldedConvolution(Conv2d conv, BatchNorm norm, String input) {
    BatchNormFolding.Folded folded =
        BatchNormFolding.fold(
            weights(conv, "weight"),
            optional(conv, "bias"),
            weights(norm, "gamma"),
            weights(norm, "beta"),
            weights(norm, "runningMean"),
            weights(norm, "runningVar"),
            Layers.BATCH_NORM_EPSILON);
    return convolution(conv, folded.weight(), folded.bias(), input);
  }

  private String convolution(Conv2d conv, float[] weight, float[] bias, String input) {
    long[] shape = parameter(conv, "weight").getArray().getShape().getShape();
    List<String> inputs = new ArrayList<>(List.of(input, graph.constant(weight, shape)));
    if (bias != null) {
      inputs.add(graph.constant(bias, shape[0]));
    }
    long[] padding = conv.getPadding().getShape();
    return graph.node(
        "Conv",
        inputs,
        ints("kernel_shape", conv.getKernelShape().getShape()),
        ints("strides", conv.getStride().getShape()),
        ints("pads", padding[0], padding[1], padding[0], padding[1]),
        ints("dilations", conv.getDilation().getShape()),
        integer("group", conv.getGroups()));
  }

  private String pooling(Pooling pooling, String input) {
    long k = pooling.kernel();
    long s = pooling.stride();
    long p = pooling.padding();
    if (pooling.kind() == Pooling.Kind.MAX) {
      return graph.node(
          "MaxPool",
          List.of(input),
          ints("kernel_shape", k, k),
          ints("strides", s, s),
          ints("pads", p, p, p, p),
          integer("ceil_mode", pooling.ceil() ? 1 : 0));
    }
    return graph.node(
        "AveragePool",
        List.of(input),
        ints("kernel_shape", k, k),
        ints("strides", s, s),
        ints("pads", p, p, p, p),
        integer("ceil_mode", pooling.ceil() ? 1 : 0),
        integer("count_include_pad", 1));
  }

  private String initializer(Block block, String name) {
    NDArray array = parameter(block, name).getArray();
    return graph.constant(array.toFloatArray(), array.getShape().getShape());
  }

  private static float[] weights(Block block, String name) {
    return parameter(block, name).getArray().toFloatArray();
  }

  private static float[] optional(Block block, String name) {
    return block.getDirectParameters().contains(name) ? weights(block, name) : null;
  }

  private static Parameter parameter(Block block, String name) {
    Parameter parameter = block.getDirectParameters().get(name);
    if (parameter == null) {
      throw new ValidationException(
          String.format("cannot export %s: it has no parameter '%s'", block, name));
    }
    return parameter;
  }

  private static String single(List<String> values, Block block) {
    if (values.size() != 1) {
      throw new ValidationException(
          String.format("cannot export %s: it takes one input, not %d", block, values.size()));
    }
    return values.get(0);
  }
}
