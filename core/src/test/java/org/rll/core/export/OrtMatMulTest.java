package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class OrtMatMulTest {

  @Test
  void multipliesByTheHeldMatrixExactly() {
    float[] right = {1, 2, 3, 4, 5, 6}; // 3 x 2
    try (NDManager manager = NDManager.newBaseManager();
        OrtMatMul product = new OrtMatMul(right, 3, 2)) {
      NDArray first = product.multiply(manager, new float[] {1, 0, 2, 0, 1, -1}, 2);
      assertEquals(new Shape(2, 2), first.getShape());
      assertArrayEquals(new float[] {11, 14, -2, -2}, first.toFloatArray());
      NDArray second = product.multiply(manager, new float[] {0.5f, 0.5f, 0.5f}, 1);
      assertArrayEquals(new float[] {4.5f, 6f}, second.toFloatArray());
    }
  }
}
