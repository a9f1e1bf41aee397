package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The masked log-sum-exp on rows that are empty, single, equal and far past exp's range. */
class MaskedLogSumExpTest {
  private static final double[] LOGITS = {5, 1000, 1000, -3, 7, 2, 0.5, 0.25, 4};
  private static final boolean[] MASK = {
    false, true, true, false, true, false, false, false, false
  };

  @Test
  void rowsInBothDtypes() {
    for (DataType dtype : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
      try (NDManager manager = NDManager.newBaseManager()) {
        NDArray logits = manager.create(LOGITS, new Shape(3, 3)).toType(dtype, false);
        NDArray mask = manager.create(MASK, new Shape(3, 3));
        // row 0: 1000 and 1000; row 1: 7 alone; row 2: nothing, a finite -1e30 (to float32
        // rounding)
        double[] rows = values(MaskedLogSumExp.rowLogSumExp(logits, mask));
        assertEquals(1000 + Math.log(2), rows[0], 1e-3);
        assertEquals(7, rows[1], 1e-6);
        assertEquals(-MaskedLogSumExp.OUT_OF_MASK_PENALTY, rows[2], 1e23);
        assertArrayEquals(
            new double[] {1000 + Math.log(2), 7 + Math.log1p(Math.exp(-7)), 0},
            values(MaskedLogSumExp.logOnePlusSumExp(logits, mask)),
            1e-4);
      }
    }
  }

  private static double[] values(NDArray array) {
    return array.toType(DataType.FLOAT64, false).toDoubleArray();
  }
}
