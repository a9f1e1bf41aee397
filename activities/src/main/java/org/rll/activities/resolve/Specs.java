package org.rll.activities.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Supplier;
import org.rll.core.exceptions.ValidationException;

/** Small helpers of spec resolution: defaults of nullable fields and messages naming the field. */
final class Specs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Specs() {}

  /** {@code value}, or {@code fallback} when it is null. */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** {@code section}, or the section of type {@code type} with every field left to its default. */
  static <T> T orEmpty(T section, Class<T> type) {
    return section != null ? section : section(Map.of(), type);
  }

  /** The section of type {@code type} with {@code fields} set and the others left to default. */
  static <T> T section(Map<String, ?> fields, Class<T> type) {
    return JSON.convertValue(fields, type);
  }

  /**
   * Builds a core config from a spec section; its validation message is prefixed by the section.
   */
  static <T> T field(String name, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      throw new ValidationException(name + ": " + e.getMessage());
    }
  }

  /** Checks that the integer {@code field} is at least {@code min}. */
  static int atLeast(String field, int value, int min) {
    ValidationException.check(value >= min, "%s must be >= %d, got %d", field, min, value);
    return value;
  }

  /** Checks that the number {@code field} is positive and finite. */
  static double positive(String field, double value) {
    ValidationException.check(
        value > 0 && Double.isFinite(value),
        "%s must be a positive number, got %s",
        field,
        Double.toString(value));
    return value;
  }
}
