package org.rll.cli.ui.api;

import java.util.regex.Pattern;

/**
 * Removes secrets from text the API sends: a password parameter of a JDBC URL, and the user
 * information of any URL, in case an error message quotes one.
 */
final class Redaction {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password|secret|token)=[^&\\s;,)]*");
  private static final Pattern USER_INFO = Pattern.compile("://[^/@\\s]+@");

  private Redaction() {}

  static String of(String text) {
    if (text == null) {
      return null;
    }
    String withoutParameters = PASSWORD_PARAMETER.matcher(text).replaceAll("$1=***");
    return USER_INFO.matcher(withoutParameters).replaceAll("://***@");
  }
}
