package org.rll.bench.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

class SyntheticClassesTest {

  @Test
  void withoutNoiseEveryPointIsItsClassCentreDrawnFromTheSeedAndLabel() {
    float[] values =
        SyntheticClasses.builder()
            .setLabels(new int[] {4, 4, 9})
            .setDim(3)
            .optNoise(0)
            .optSeed(21)
            .build()
            .values();
    SplitMix64 centre4 = SplitMix64.derive(21, 1, 4);
    float[] expected4 = {
      (float) centre4.nextGaussian(), (float) centre4.nextGaussian(), (float) centre4.nextGaussian()
    };
    assertArrayEquals(expected4, Arrays.copyOfRange(values, 0, 3));
    assertArrayEquals(expected4, Arrays.copyOfRange(values, 3, 6));
    assertEquals((float) SplitMix64.derive(21, 1, 9).nextGaussian(), values[6]);
  }

  @Test
  void aPointDoesNotDependOnHowManyOthersAreGenerated() {
    float[] three = generate(new int[] {0, 1, 2});
    float[] four = generate(new int[] {0, 1, 2, 3});
    assertArrayEquals(three, Arrays.copyOf(four, three.length));
    assertNotEquals(four[0], four[12]);
  }

  @Test
  void nuisanceCoordinatesCarryOnlyNoiseOfTheGivenScale() {
    int n = 20_000;
    float[] values =
        SyntheticClasses.builder()
            .setLabels(new int[n])
            .setDim(3)
            .optSignalDim(1)
            .optNoise(0)
            .optNuisance(2.5)
            .build()
            .values();
    double squares = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(values[0], values[i * 3]);
      squares += values[i * 3 + 2] * values[i * 3 + 2];
    }
    assertEquals(2.5, Math.sqrt(squares / n), 0.05);
  }

  @Test
  void normalizedPointsHaveUnitLength() {
    float[] values =
        SyntheticClasses.builder()
            .setLabels(new int[] {0, 1, 1})
            .setDim(4)
            .optNormalize(true)
            .build()
            .values();
    for (int i = 0; i < 3; i++) {
      double squares = 0;
      for (int j = 0; j < 4; j++) {
        squares += values[i * 4 + j] * values[i * 4 + j];
      }
      assertEquals(1.0, squares, 1e-6);
    }
  }

  @Test
  void invalidSettingsAreNamed() {
    assertEquals(
        "dim must be positive, got 0",
        assertThrows(
                ValidationException.class,
                () -> SyntheticClasses.builder().setLabels(new int[] {0}).build())
            .getMessage());
    assertEquals(
        "signalDim must be in [1, dim = 2], got 3",
        assertThrows(
                ValidationException.class,
                () ->
                    SyntheticClasses.builder()
                        .setLabels(new int[] {0})
                        .setDim(2)
                        .optSignalDim(3)
                        .build())
            .getMessage());
    assertEquals(
        "labels[1] must be >= 0, got -2",
        assertThrows(
                ValidationException.class,
                () -> SyntheticClasses.builder().setLabels(new int[] {0, -2}).setDim(2).build())
            .getMessage());
  }

  private static float[] generate(int[] labels) {
    return SyntheticClasses.builder().setLabels(labels).setDim(4).optSeed(3).build().values();
  }
}
