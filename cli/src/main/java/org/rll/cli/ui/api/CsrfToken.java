package org.rll.cli.ui.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token every action must carry in {@code X-CSRF-Token}: random per server, handed out by
 * {@code GET /api/session}. A page of another origin cannot read that answer, nor send the header
 * without a CORS preflight, which this server never grants.
 */
final class CsrfToken {
  static final String HEADER = "X-CSRF-Token";

  private final String value;

  CsrfToken(SecureRandom random) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    value = HexFormat.of().formatHex(bytes);
  }

  String value() {
    return value;
  }

  /** Whether {@code presented} is the token, compared in constant time. */
  boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.US_ASCII),
            presented.getBytes(StandardCharsets.US_ASCII));
  }
}
