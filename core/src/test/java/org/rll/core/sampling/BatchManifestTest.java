package org.rll.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

class BatchManifestTest {
  private static final int HEADER = 33; // 4 magic + 4 version + 8 seed + 4 x int32 + 1 width
  private static final int CHECKSUM = 4;

  /** 300 images in 30 classes of 10: indices take 2 bytes; 50 batches of 4 x 3 = 1200 bytes. */
  private static final int[] LABELS = cyclicLabels(300, 30);

  private static final ClassBalancedSampler SAMPLER = sampler(LABELS, 4, 3, 50);
  private static final byte[] BYTES = write(SAMPLER);
  private static final int BODY = 50 * 12 * 2;

  @Test
  void roundTripGivesEveryBatchAndHeaderField() throws IOException {
    assertEquals(HEADER + BODY + CHECKSUM, BYTES.length);
    BatchManifest manifest = read(BYTES);
    assertEquals(new ManifestHeader(21, 4, 3, 50, 300, 2), manifest.header());
    assertEquals(50, manifest.iterations());
    for (int t = 0; t < 50; t++) {
      assertArrayEquals(SAMPLER.batch(t), manifest.batch(t), "iteration " + t);
    }
  }

  @Test
  void indexWidthIsTheFewestBytesHoldingTheLargestIndex() {
    assertEquals(1, ManifestHeader.indexWidthFor(1));
    assertEquals(1, ManifestHeader.indexWidthFor(256)); // largest index 255
    assertEquals(2, ManifestHeader.indexWidthFor(257));
    assertEquals(2, ManifestHeader.indexWidthFor(65536));
    assertEquals(3, ManifestHeader.indexWidthFor(65537));
    assertEquals(3, ManifestHeader.indexWidthFor(1 << 24));
    assertEquals(4, ManifestHeader.indexWidthFor((1 << 24) + 1));
    assertEquals(4, ManifestHeader.indexWidthFor(Integer.MAX_VALUE));
  }

  @Test
  void roundTripsAtOneAndThreeByteWidths() throws IOException {
    for (int[] labels : new int[][] {cyclicLabels(256, 16), cyclicLabels(70_000, 20)}) {
      ClassBalancedSampler sampler = sampler(labels, 5, 2, 30);
      BatchManifest manifest = read(write(sampler));
      assertEquals(ManifestHeader.indexWidthFor(labels.length), manifest.header().indexWidth());
      for (int t = 0; t < 30; t++) {
        assertArrayEquals(sampler.batch(t), manifest.batch(t), "iteration " + t);
      }
    }
  }

  @Test
  void tenThousandBatchesOf180OverSixtyThousandImagesTakeTwoBytesPerIndex() throws IOException {
    ClassBalancedSampler sampler = sampler(cyclicLabels(60_000, 1000), 60, 3, 10_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = new BatchManifestWriter(sampler).write(out);
    assertEquals(HEADER + 3_600_000 + CHECKSUM, out.size());
    assertEquals(out.size(), written);
    assertEquals(3_600_000, read(out.toByteArray()).header().bodyBytes());
  }

  @Test
  void anEmptyRunHasNoBody() throws IOException {
    BatchManifest manifest = read(write(sampler(LABELS, 4, 3, 0)));
    assertEquals(0, manifest.iterations());
    assertEquals(0, manifest.header().bodyBytes());
  }

  @Test
  void everyFlippedHeaderByteIsRejected() {
    for (int pos = 0; pos < HEADER; pos++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] bytes = flipped(BYTES, pos, bit);
        assertThrows(CorruptDataException.class, () -> read(bytes), "byte " + pos + " ^ " + bit);
      }
    }
  }

  @Test
  void flippedHeaderFieldsAreNamed() {
    assertCorrupt(
        "not a batch manifest: magic 0x534C4C42, expected 0x524C4C42", flipped(BYTES, 0, 1));
    assertCorrupt(
        "unsupported batch manifest version 257, this reader knows 1", flipped(BYTES, 6, 1));
    assertCorrupt(
        "batch manifest header is invalid: index width 3 does not match 300 images (expected 2)",
        flipped(BYTES, 32, 1));
    // iterations 50 -> 51: the body is 24 bytes longer than what the stream holds after the header
    assertCorrupt(
        "batch manifest truncated: expected 1224 body bytes, stream ended after 1204",
        flipped(BYTES, 27, 1));
  }

  @Test
  void flippedBodyAndChecksumBytesFailTheChecksum() {
    int stored = ByteBuffer.wrap(BYTES, BYTES.length - CHECKSUM, CHECKSUM).getInt();
    for (int pos : new int[] {HEADER, HEADER + BODY / 2, HEADER + BODY - 1}) {
      byte[] bytes = flipped(BYTES, pos, 0x10);
      assertCorrupt(
          String.format(
              "checksum mismatch: stored 0x%08X, computed 0x%08X", stored, crcOfAllButTail(bytes)),
          bytes);
    }
    for (int pos = BYTES.length - CHECKSUM; pos < BYTES.length; pos++) {
      byte[] bytes = flipped(BYTES, pos, 0x01);
      int flippedStored = ByteBuffer.wrap(bytes, BYTES.length - CHECKSUM, CHECKSUM).getInt();
      assertCorrupt(
          String.format("checksum mismatch: stored 0x%08X, computed 0x%08X", flippedStored, stored),
          bytes);
    }
  }

  @Test
  void everyTruncationIsRejectedAndSaysWhere() {
    for (int length = 0; length < BYTES.length; length++) {
      byte[] bytes = Arrays.copyOf(BYTES, length);
      CorruptDataException e = assertThrows(CorruptDataException.class, () -> read(bytes));
      assertTrue(e.getMessage().startsWith("batch manifest truncated: expected "), e.getMessage());
    }
    assertCorrupt(
        "batch manifest truncated: expected 33 header bytes, stream ended after 10",
        Arrays.copyOf(BYTES, 10));
    assertCorrupt(
        "batch manifest truncated: expected 1200 body bytes, stream ended after 100",
        Arrays.copyOf(BYTES, HEADER + 100));
    assertCorrupt(
        "batch manifest truncated: expected 4 checksum bytes, stream ended after 2",
        Arrays.copyOf(BYTES, BYTES.length - 2));
  }

  @Test
  void trailingBytesAreRejected() {
    assertCorrupt(
        "batch manifest has trailing bytes after the checksum",
        Arrays.copyOf(BYTES, BYTES.length + 1));
  }

  @Test
  void anIndexBeyondTheImagesIsRejectedEvenWithAValidChecksum() {
    byte[] bytes = BYTES.clone();
    int slot = 2 * 12 + 5; // iteration 2, position 5
    bytes[HEADER + 2 * slot] = 0x01; // 0x012C = 300, the first index past 300 images
    bytes[HEADER + 2 * slot + 1] = 0x2C;
    ByteBuffer.wrap(bytes).putInt(bytes.length - CHECKSUM, crcOfAllButTail(bytes));
    assertCorrupt(
        "batch manifest index 300 at iteration 2, position 5 is out of range for 300 images",
        bytes);
  }

  @Test
  void batchOutsideTheRunIsRejected() throws IOException {
    BatchManifest manifest = read(BYTES);
    assertEquals(
        "iteration must be in [0, 50), got 50",
        assertThrows(ValidationException.class, () -> manifest.batch(50)).getMessage());
  }

  private static ClassBalancedSampler sampler(int[] labels, int c, int k, int iterations) {
    return new ClassBalancedSampler(
        BatchSamplerConfig.builder()
            .setSeed(21)
            .setIterations(iterations)
            .optClassesPerBatch(c)
            .optImagesPerClass(k)
            .build(),
        labels);
  }

  private static int[] cyclicLabels(int numImages, int numClasses) {
    int[] labels = new int[numImages];
    for (int i = 0; i < numImages; i++) {
      labels[i] = i % numClasses;
    }
    return labels;
  }

  private static byte[] write(ClassBalancedSampler sampler) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new BatchManifestWriter(sampler).write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BatchManifest read(byte[] bytes) throws IOException {
    return BatchManifest.read(new ByteArrayInputStream(bytes));
  }

  private static byte[] flipped(byte[] bytes, int pos, int bits) {
    byte[] copy = bytes.clone();
    copy[pos] ^= (byte) bits;
    return copy;
  }

  private static int crcOfAllButTail(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - CHECKSUM);
    return (int) crc.getValue();
  }

  private static void assertCorrupt(String expected, byte[] bytes) {
    assertEquals(
        expected, assertThrows(CorruptDataException.class, () -> read(bytes)).getMessage());
  }
}
