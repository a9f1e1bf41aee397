package org.rll.core.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PyTorch-style names of a block tree's parameters: {@code layer1.0.conv1.weight}, {@code
 * bn1.running_mean}. Checkpoints, optimiser state and pretrained weights are keyed by these names,
 * so the widely used PyTorch ports load directly.
 *
 * <p>Child names lose the two-digit position DJL prefixes them with; a child whose name is only
 * that prefix adds no segment, which lets a wrapper keep its backbone's names unchanged.
 */
public final class ParameterNames {
  private static final Pattern DJL_POSITION = Pattern.compile("^\\d{2}");
  private static final Map<String, String> TORCH_NAMES =
      Map.of(
          "gamma", "weight",
          "beta", "bias",
          "runningMean", "running_mean",
          "runningVar", "running_var");

  private ParameterNames() {}

  /** Every parameter of {@code block} by its PyTorch-style name, in declaration order. */
  public static Map<String, Parameter> of(Block block) {
    Map<String, Parameter> names = new LinkedHashMap<>();
    collect(block, "", names);
    return names;
  }

  private static void collect(Block block, String prefix, Map<String, Parameter> names) {
    for (Pair<String, Parameter> direct : block.getDirectParameters()) {
      String name = prefix + TORCH_NAMES.getOrDefault(direct.getKey(), direct.getKey());
      if (names.put(name, direct.getValue()) != null) {
        throw new IllegalStateException("two parameters are both named " + name);
      }
    }
    for (Pair<String, Block> child : block.getChildren()) {
      String segment = DJL_POSITION.matcher(child.getKey()).replaceFirst("");
      collect(child.getValue(), segment.isEmpty() ? prefix : prefix + segment + ".", names);
    }
  }
}
