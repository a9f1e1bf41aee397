package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartBufferTest {

  /** A stream that hands out at most 3 bytes per read, as a slow socket might. */
  private static InputStream trickle(byte[] data) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }
    };
  }

  private static byte[] content(PartBuffer buffer) throws IOException {
    try (InputStream in = buffer.body().contentStreamProvider().newStream()) {
      return in.readAllBytes();
    }
  }

  private static byte[] range(int from, int to) {
    byte[] bytes = new byte[to - from];
    for (int i = from; i < to; i++) {
      bytes[i - from] = (byte) i;
    }
    return bytes;
  }

  @Test
  void fillsWholePartsThenTheRestThenNothing() throws IOException {
    InputStream in = trickle(range(0, 25));
    PartBuffer buffer = new PartBuffer(10);

    assertFalse(buffer.fill(in));
    assertArrayEquals(range(0, 10), content(buffer));
    assertFalse(buffer.fill(in));
    assertArrayEquals(range(10, 20), content(buffer));
    assertTrue(buffer.fill(in));
    assertArrayEquals(range(20, 25), content(buffer));
    assertTrue(buffer.fill(in));
    assertEquals(0, buffer.length());
  }

  @Test
  void aStreamOfExactlyOnePartIsFullThenEmpty() throws IOException {
    InputStream in = trickle(range(0, 10));
    PartBuffer buffer = new PartBuffer(10);
    assertFalse(buffer.fill(in));
    assertEquals(10, buffer.length());
    assertTrue(buffer.fill(in));
    assertEquals(0, buffer.length());
  }

  @Test
  void growsPastItsInitialSizeUpToTheCapacity() throws IOException {
    byte[] data = new byte[200_000];
    Arrays.fill(data, (byte) 7);
    data[199_999] = 9;
    PartBuffer buffer = new PartBuffer(150_000);
    InputStream in = new ByteArrayInputStream(data);
    assertFalse(buffer.fill(in));
    assertArrayEquals(Arrays.copyOf(data, 150_000), content(buffer));
    assertTrue(buffer.fill(in));
    assertArrayEquals(Arrays.copyOfRange(data, 150_000, 200_000), content(buffer));
    assertEquals(50_000, buffer.body().optionalContentLength().orElseThrow());
  }
}
