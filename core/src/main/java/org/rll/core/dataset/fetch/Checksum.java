package org.rll.core.dataset.fetch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.rll.core.exceptions.ValidationException;

/**
 * An expected digest of an archive, written {@code sha256:<hex>} or {@code md5:<hex>}.
 *
 * @param algorithm the digest algorithm
 * @param hex the digest in lower-case hex
 */
public record Checksum(Algorithm algorithm, String hex) {

  /** The digests a pin may use. MD5 is accepted because older dataset pages publish only MD5. */
  public enum Algorithm {
    SHA256("sha256", "SHA-256", 64),
    MD5("md5", "MD5", 32);

    private final String label;
    private final String jcaName;
    private final int hexLength;

    Algorithm(String label, String jcaName, int hexLength) {
      this.label = label;
      this.jcaName = jcaName;
      this.hexLength = hexLength;
    }

    /** The prefix in the written form, such as {@code sha256}. */
    public String label() {
      return label;
    }

    /** Hex digits in a digest. */
    public int hexLength() {
      return hexLength;
    }

    /** A fresh digest of this algorithm. */
    public MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance(jcaName);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has " + jcaName, e);
      }
    }
  }

  public Checksum {
    ValidationException.check(algorithm != null, "checksum algorithm must not be null");
    ValidationException.check(
        hex != null && hex.length() == algorithm.hexLength() && hex.matches("[0-9a-f]*"),
        "%s checksum must be %d lower-case hex digits, got '%s'",
        algorithm.label(),
        algorithm.hexLength(),
        hex);
  }

  /** Parses {@code sha256:<hex>} or {@code md5:<hex>}; the prefix and hex may be in any case. */
  public static Checksum parse(String text) {
    ValidationException.check(text != null, "checksum must not be null");
    int colon = text.indexOf(':');
    ValidationException.check(
        colon > 0, "checksum must look like 'sha256:<hex>' or 'md5:<hex>', got '%s'", text);
    String label = text.substring(0, colon).toLowerCase(Locale.ROOT);
    for (Algorithm algorithm : Algorithm.values()) {
      if (algorithm.label().equals(label)) {
        return new Checksum(algorithm, text.substring(colon + 1).toLowerCase(Locale.ROOT));
      }
    }
    throw new ValidationException(
        "checksum algorithm must be sha256 or md5, got '" + label + "' in '" + text + "'");
  }

  /** The written form, {@code <algorithm>:<hex>}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return algorithm.label() + ":" + hex;
  }
}
