package org.rll.core.dataset.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * The first bytes of a file and what they say it is: a format {@link SafeExtractor} reads, or, for
 * the message that refuses it, what else it is (another compressor, a web page, text).
 */
final class FirstBytes {
  /** Bytes looked at: one tar header. */
  static final int LENGTH = 512;

  private static final int USTAR_OFFSET = 257;
  private static final byte[] USTAR = {'u', 's', 't', 'a', 'r'};
  private static final int SHOWN_BYTES = 8;
  private static final int SHOWN_CHARS = 40;

  private final byte[] bytes;
  private final Optional<String> text;

  private FirstBytes(byte[] bytes) {
    this.bytes = bytes;
    this.text = Signature.of(bytes).isPresent() ? Optional.empty() : text(bytes);
  }

  /** The first {@link #LENGTH} bytes of {@code in} (fewer if it is shorter), which it rereads. */
  static FirstBytes peek(InputStream in) throws IOException {
    in.mark(LENGTH);
    byte[] bytes = in.readNBytes(LENGTH);
    in.reset();
    return new FirstBytes(bytes);
  }

  /** Whether there are no bytes at all. */
  boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The format these bytes open, if rll reads it. */
  Optional<ArchiveFormat> format() {
    return isTar() ? Optional.of(ArchiveFormat.TAR) : signature().flatMap(Signature::format);
  }

  /**
   * Whether the bytes are a tar header: POSIX and GNU headers say "ustar" at offset 257, older ones
   * only have a valid checksum, and an empty archive starts with a block of zeros.
   */
  boolean isTar() {
    if (bytes.length < LENGTH) {
      return false;
    }
    boolean ustar =
        Arrays.equals(bytes, USTAR_OFFSET, USTAR_OFFSET + USTAR.length, USTAR, 0, USTAR.length);
    return ustar || hasTarChecksum() || allZero();
  }

  private boolean hasTarChecksum() {
    try {
      return TarUtils.verifyCheckSum(bytes);
    } catch (IllegalArgumentException e) {
      return false; // the checksum field is not even octal
    }
  }

  /** The signature the bytes start with, if any. */
  Optional<Signature> signature() {
    return Signature.of(bytes);
  }

  /** A signature rll recognises but does not extract, such as bzip2's. */
  Optional<Signature> unreadSignature() {
    return signature().filter(s -> s.format().isEmpty());
  }

  /** What the bytes are when they are text: "an HTML page", "an XML document" or "a text file". */
  Optional<String> textKind() {
    return text.map(
        t -> {
          String start = t.stripLeading().toLowerCase(Locale.ROOT);
          if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "an HTML page";
          }
          return start.startsWith("<?xml") ? "an XML document" : "a text file";
        });
  }

  /**
   * The bytes as a message shows them: {@code it starts "..."} for text, else {@code first bytes}
   * and the first few in hex.
   */
  String evidence() {
    if (text.isPresent()) {
      String line = text.get().replaceAll("\\s+", " ").strip();
      return "it starts \""
          + (line.length() > SHOWN_CHARS
              ? line.substring(0, SHOWN_CHARS).stripTrailing() + "…"
              : line)
          + "\"";
    }
    int shown = Math.min(SHOWN_BYTES, bytes.length);
    return "first bytes "
        + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, shown)
        + (bytes.length > shown ? " …" : "");
  }

  private boolean allZero() {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes as text, when they are UTF-8 without control characters other than white space; a
   * character cut off by the end of the window does not count against them. Bytes with a known
   * signature are never text, even when they happen to be printable ("BZh91AY&SY").
   */
  private static Optional<String> text(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), chars, bytes.length < LENGTH);
    if (bytes.length == 0 || result.isError()) {
      return Optional.empty();
    }
    String decoded = chars.flip().toString().replace("\uFEFF", "");
    boolean printable =
        decoded.chars().allMatch(c -> c >= 0x20 ? c != 0x7f : "\t\n\r\f".indexOf(c) >= 0);
    return printable && !decoded.isBlank() ? Optional.of(decoded) : Optional.empty();
  }
}
