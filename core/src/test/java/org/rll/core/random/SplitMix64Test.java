package org.rll.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

  @Test
  void matchesReferenceOutputForSeed1234567() {
    SplitMix64 rng = new SplitMix64(1234567L);
    long[] expected = {
      6457827717110365317L,
      3203168211198807973L,
      Long.parseUnsignedLong("9817491932198370423"),
      4593380528125082431L,
      Long.parseUnsignedLong("16408922859458223821")
    };
    long[] actual = new long[5];
    for (int i = 0; i < 5; i++) {
      actual[i] = rng.nextLong();
    }
    assertArrayEquals(expected, actual);
  }

  @Test
  void derivedStreamsDependOnEveryKeyAndOnlyOnThem() {
    long a = SplitMix64.derive(7, 3, 5).nextLong();
    assertEquals(a, SplitMix64.derive(7, 3, 5).nextLong());
    assertNotEquals(a, SplitMix64.derive(7, 5, 3).nextLong());
    assertNotEquals(a, SplitMix64.derive(8, 3, 5).nextLong());
    assertNotEquals(a, SplitMix64.derive(7, 3).nextLong());
  }

  @Test
  void nextIntIsInRangeAndRoughlyUniform() {
    SplitMix64 rng = new SplitMix64(42);
    int[] counts = new int[6];
    for (int i = 0; i < 60_000; i++) {
      counts[rng.nextInt(6)]++;
    }
    for (int count : counts) {
      assertTrue(Math.abs(count - 10_000) < 400, "count " + count + " is far from 10000");
    }
    assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
  }

  @Test
  void shuffleIsAPermutationFixedByTheSeed() {
    int[] first = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] second = first.clone();
    new SplitMix64(99).shuffle(first);
    new SplitMix64(99).shuffle(second);
    assertArrayEquals(first, second);
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
  }

  @Test
  void nextDoubleIsInUnitInterval() {
    SplitMix64 rng = new SplitMix64(1);
    for (int i = 0; i < 10_000; i++) {
      double d = rng.nextDouble();
      assertTrue(d >= 0 && d < 1, "out of [0,1): " + d);
    }
  }

  @Test
  void nextGaussianHasUnitMomentsAndIsPortable() {
    SplitMix64 rng = new SplitMix64(5);
    double sum = 0;
    double sumSquares = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double g = rng.nextGaussian();
      sum += g;
      sumSquares += g * g;
    }
    assertEquals(0, sum / n, 0.01);
    assertEquals(1, sumSquares / n, 0.01);

    SplitMix64 uniforms = new SplitMix64(11);
    double u1 = uniforms.nextDouble();
    double u2 = uniforms.nextDouble();
    double expected = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    assertEquals(expected, new SplitMix64(11).nextGaussian(), 0.0);
  }
}
