package org.rll.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class PoolingTest {

  private static NDArray run(NDManager manager, Pooling pooling, NDArray input) {
    return pooling
        .forward(new ParameterStore(manager, false), new NDList(input), false)
        .singletonOrThrow();
  }

  @Test
  void ceilModeMaxPoolingKeepsTheRaggedLastWindow() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Kernel 3, stride 2 over a row of 6 (3 rows high): windows at 0 and 2, and with ceil a
      // third at 4 that holds only 4 and 5.
      NDArray row = manager.create(new float[] {1, 5, 2, 0, 3, 8}).reshape(1, 1, 1, 6).repeat(2, 3);
      Pooling floor = new Pooling(Pooling.Kind.MAX, 3, 2, 0, false);
      Pooling ceil = new Pooling(Pooling.Kind.MAX, 3, 2, 0, true);
      assertArrayEquals(new float[] {5, 3}, run(manager, floor, row).toFloatArray());
      assertArrayEquals(new float[] {5, 3, 8}, run(manager, ceil, row).toFloatArray());
    }
  }

  @Test
  void averageCountsPadding() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray ones = manager.ones(new Shape(1, 1, 2, 2));
      // Each 3 x 3 window over the padded 2 x 2 holds four ones and five zeros.
      assertArrayEquals(
          new float[] {4 / 9f, 4 / 9f, 4 / 9f, 4 / 9f},
          run(manager, new Pooling(Pooling.Kind.AVERAGE, 3, 1, 1, true), ones).toFloatArray(),
          1e-7f);
    }
  }

  @Test
  void outputShapesAgreeWithTheForwardPass() {
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int side = 2; side <= 12; side++) {
        for (int[] setting : new int[][] {{3, 2, 0}, {3, 2, 1}, {2, 2, 0}, {3, 1, 1}}) {
          for (boolean ceil : new boolean[] {false, true}) {
            Pooling pooling =
                new Pooling(Pooling.Kind.MAX, setting[0], setting[1], setting[2], ceil);
            Shape input = new Shape(1, 2, side, side + 1);
            if (side + 2 * setting[2] < setting[0]) {
              continue;
            }
            assertEquals(
                run(manager, pooling, manager.zeros(input)).getShape(),
                pooling.getOutputShapes(new Shape[] {input})[0],
                side + " " + java.util.Arrays.toString(setting) + " ceil " + ceil);
          }
        }
      }
    }
  }

  @Test
  void rejectsSettingsPyTorchRejects() {
    assertThrows(ValidationException.class, () -> new Pooling(Pooling.Kind.MAX, 3, 2, 2, false));
    assertThrows(ValidationException.class, () -> new Pooling(Pooling.Kind.MAX, 3, 0, 1, false));
  }
}
