package org.rll.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rll.core.exceptions.ValidationException;

/**
 * Moves parameter values by name between a model and an {@link NDList} whose arrays carry names:
 * checkpoints and pretrained weights (npz, safetensors) both go through here.
 */
public final class NamedArrays {
  private NamedArrays() {}

  /** Copies of every parameter's values, each named after its parameter, in {@code manager}. */
  public static NDList snapshot(Map<String, Parameter> parameters, NDManager manager) {
    NDList list = new NDList(parameters.size());
    for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
      NDArray copy = entry.getValue().getArray().duplicate();
      copy.attach(manager);
      copy.setName(entry.getKey());
      list.add(copy);
    }
    return list;
  }

  /**
   * Copies the values of {@code arrays} into the parameters of the same name, in place.
   *
   * @return the names present on one side only
   * @throws ValidationException when a tensor's shape differs from its parameter's, naming it
   */
  public static LoadReport load(Map<String, Parameter> parameters, NDList arrays) {
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (NDArray array : arrays) {
      byName.put(array.getName(), array);
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
      NDArray source = byName.get(entry.getKey());
      if (source == null) {
        missing.add(entry.getKey());
        continue;
      }
      NDArray target = entry.getValue().getArray();
      ValidationException.check(
          source.getShape().equals(target.getShape()),
          "tensor '%s' has shape %s, the model's parameter has %s",
          entry.getKey(),
          source.getShape(),
          target.getShape());
      target.set(source.toType(target.getDataType(), false).toByteBuffer());
    }
    TreeSet<String> unexpected = new TreeSet<>(byName.keySet());
    unexpected.removeAll(parameters.keySet());
    return new LoadReport(missing, List.copyOf(unexpected));
  }

  /**
   * Names that matched nothing on the other side.
   *
   * @param missing model parameters the file did not hold
   * @param unexpected tensors of the file the model has no parameter for
   */
  public record LoadReport(List<String> missing, List<String> unexpected) {
    /** Whether every parameter was loaded and every tensor used. */
    public boolean isExact() {
      return missing.isEmpty() && unexpected.isEmpty();
    }
  }
}
