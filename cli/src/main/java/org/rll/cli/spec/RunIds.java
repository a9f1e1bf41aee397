package org.rll.cli.spec;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.rll.core.exceptions.ValidationException;

/** Run ids: given ones are checked, new ones are {@code rll-<8 random hex digits>}. */
public final class RunIds {
  private static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  /** A fresh run id. */
  public static String fresh() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return "rll-" + HexFormat.of().formatHex(bytes);
  }

  /**
   * {@code id}, checked to be usable as a workflow id and a store prefix: letters, digits, '.', '_'
   * and '-', starting with a letter or digit, at most 128 characters.
   */
  public static String check(String id) {
    ValidationException.check(
        id.matches(PATTERN),
        "a run id must be letters, digits, '.', '_' and '-', starting with a letter or digit,"
            + " at most 128 characters; got '%s'",
        id);
    return id;
  }
}
