package org.rll.core.sampling;

/** Image indices as fixed-width big-endian unsigned integers of 1 to 4 bytes. */
final class IndexBytes {
  private IndexBytes() {}

  /** Writes {@code indices} at {@code width} bytes each into {@code out} from position 0. */
  static void encode(int[] indices, int width, byte[] out) {
    int pos = 0;
    for (int index : indices) {
      for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
        out[pos++] = (byte) (index >>> shift);
      }
    }
  }

  /** Reads the index of {@code width} bytes starting at {@code pos} of {@code in}. */
  static int decode(byte[] in, int pos, int width) {
    int value = 0;
    for (int i = 0; i < width; i++) {
      value = (value << 8) | (in[pos + i] & 0xFF);
    }
    return value;
  }
}
