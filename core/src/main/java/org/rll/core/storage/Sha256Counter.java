package org.rll.core.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An input stream that hashes (SHA-256) and counts every byte read through it. */
public final class Sha256Counter extends FilterInputStream {
  private final MessageDigest digest;
  private long count;

  public Sha256Counter(InputStream in) {
    super(in);
    digest = newDigest();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      digest.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      digest.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("skipping would leave bytes out of the hash");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** Lower-case hex SHA-256 of {@code text} in UTF-8. */
  public static String hex(String text) {
    return hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  /** Lower-case hex SHA-256 of the bytes read so far; call once, at the end. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The result of a put of everything read so far to {@code key}. */
  public PutResult result(String key) {
    return new PutResult(key, count, sha256Hex());
  }
}
