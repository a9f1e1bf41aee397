package org.rll.core.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.EmbeddingModel;

/**
 * The DJL reference {@link Embedder}: an {@link EmbeddingModel} in inference mode. Its outputs are
 * the model's heads in order and, when there is more than one, their concatenation along the
 * feature axis, named by the heads joined with commas (such as {@code L,M,H}). The model
 * L2-normalises each head, so a concatenation of h heads has norm sqrt(h).
 *
 * <p>Not thread-safe. Closing releases this embedder's arrays; the model stays with its owner.
 */
public final class ModelEmbedder implements Embedder {
  private final EmbeddingModel model;
  private final NDManager manager;
  private final ParameterStore store;
  private final List<String> outputNames;

  /** An embedder running {@code model}, whose parameters live under {@code manager}. */
  public ModelEmbedder(EmbeddingModel model, NDManager manager) {
    this.model = model;
    this.manager = manager.newSubManager();
    this.store = new ParameterStore(this.manager, false);
    List<String> names = new ArrayList<>(model.heads());
    if (names.size() > 1) {
      names.add(String.join(",", model.heads()));
    }
    this.outputNames = List.copyOf(names);
  }

  @Override
  public List<String> outputNames() {
    return outputNames;
  }

  @Override
  public float[][] embed(float[] values, long[] shape) {
    ValidationException.check(
        shape.length == 4, "input shape must be (N, C, H, W), got %s", Arrays.toString(shape));
    ValidationException.check(
        new Shape(shape).size() == values.length,
        "input shape %s holds %d values, got %d",
        Arrays.toString(shape),
        new Shape(shape).size(),
        values.length);
    try (NDManager batch = manager.newSubManager()) {
      NDList heads =
          model.forward(store, new NDList(batch.create(values, new Shape(shape))), false);
      heads.attach(batch);
      float[][] out = new float[outputNames.size()][];
      for (int h = 0; h < heads.size(); h++) {
        out[h] = heads.get(h).toFloatArray();
      }
      if (heads.size() > 1) {
        NDArray concatenated = NDArrays.concat(heads, 1);
        out[heads.size()] = concatenated.toFloatArray();
      }
      return out;
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
