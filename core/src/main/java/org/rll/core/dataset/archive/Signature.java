package org.rll.core.dataset.archive;

import java.util.Arrays;
import java.util.Optional;

/**
 * The magic numbers that open compressed streams and archives, those {@link SafeExtractor} reads
 * and common ones it does not. A tar archive has no magic number at its start; {@link FirstBytes}
 * recognises it by its header.
 */
enum Signature {
  GZIP("a gzip stream", ArchiveFormat.TAR_GZ, 0x1f, 0x8b),
  ZIP("a zip archive", ArchiveFormat.ZIP, 'P', 'K', 3, 4),
  EMPTY_ZIP("an empty zip archive", ArchiveFormat.ZIP, 'P', 'K', 5, 6),
  BZIP2("a bzip2 stream", null, 'B', 'Z', 'h'),
  XZ("an xz stream", null, 0xfd, '7', 'z', 'X', 'Z', 0),
  SEVEN_Z("a 7z archive", null, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c),
  ZSTD("a zstd stream", null, 0x28, 0xb5, 0x2f, 0xfd),
  RAR("a rar archive", null, 'R', 'a', 'r', '!', 0x1a, 0x07);

  private final String description;
  private final ArchiveFormat format;
  private final byte[] magic;

  Signature(String description, ArchiveFormat format, int... magic) {
    this.description = description;
    this.format = format;
    this.magic = new byte[magic.length];
    for (int i = 0; i < magic.length; i++) {
      this.magic[i] = (byte) magic[i];
    }
  }

  /** What a file with this signature is, with its article: "a bzip2 stream". */
  String description() {
    return description;
  }

  /** The format rll reads it as; empty for a format rll does not extract. */
  Optional<ArchiveFormat> format() {
    return Optional.ofNullable(format);
  }

  /** The signature {@code bytes} start with, if any. */
  static Optional<Signature> of(byte[] bytes) {
    return Arrays.stream(values())
        .filter(
            s ->
                bytes.length >= s.magic.length
                    && Arrays.equals(bytes, 0, s.magic.length, s.magic, 0, s.magic.length))
        .findFirst();
  }
}
