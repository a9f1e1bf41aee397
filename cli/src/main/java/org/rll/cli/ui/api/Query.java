package org.rll.cli.ui.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rll.core.exceptions.ValidationException;

/** The parameters of a request's query string; an empty value counts as absent. */
final class Query {
  private final Map<String, String> values = new LinkedHashMap<>();

  Query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!value.isEmpty()) {
        values.put(name, value);
      }
    }
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  long longValue(String name, long absent) {
    String text = values.get(name);
    if (text == null) {
      return absent;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ValidationException(name + " must be an integer, got '" + text + "'");
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("the query string is not URL-encoded: '" + text + "'");
    }
  }
}
