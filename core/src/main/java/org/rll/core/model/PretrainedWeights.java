package org.rll.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rll.core.exceptions.CorruptDataException;

/**
 * Loads pretrained weights from a {@code .safetensors} or {@code .npz} file into the parameters of
 * the same PyTorch-style name, such as torchvision's ResNet-50 or the BN-Inception port converted
 * to either format. BatchNorm's {@code num_batches_tracked} counters are skipped: they do not
 * change the model's output.
 */
public final class PretrainedWeights {
  private static final String BATCH_COUNTER = ".num_batches_tracked";

  private PretrainedWeights() {}

  /**
   * Copies every tensor of {@code file} into its parameter.
   *
   * @return the parameters the file lacked (such as new embedding heads) and the tensors no
   *     parameter took (such as a classifier)
   * @throws org.rll.core.exceptions.ValidationException when a tensor's shape differs, naming it
   */
  public static NamedArrays.LoadReport load(Path file, Map<String, Parameter> parameters) {
    try (NDManager scope = NDManager.newBaseManager(ai.djl.Device.cpu());
        InputStream in = Files.newInputStream(file)) {
      NDList tensors = new NDList();
      for (NDArray tensor : NDList.decode(scope, in)) {
        if (!tensor.getName().endsWith(BATCH_COUNTER)) {
          tensors.add(tensor);
        }
      }
      return NamedArrays.load(parameters, tensors);
    } catch (IOException e) {
      throw new CorruptDataException("cannot read pretrained weights " + file, e);
    }
  }
}
