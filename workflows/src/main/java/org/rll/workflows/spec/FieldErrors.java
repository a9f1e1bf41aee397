package org.rll.workflows.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns Jackson's refusal to build a spec from a JSON tree into a message that names the field, the
 * type it needs and the value it got: {@code spec field loss.temperature must be a number, got the
 * string "hot"}.
 */
final class FieldErrors {
  private static final Pattern OPENED_AT =
      Pattern.compile(
          " \\((?:for \\w+ starting|start marker) at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

  /** A YAML parser quotes the source line under each mark it names; the line is named apart. */
  private static final Pattern YAML_MARK =
      Pattern.compile("\\n in '[^']*', line \\d+, column \\d+:\\n[^\\n]*\\n *\\^");

  private static final Pattern CONSTRAINT = Pattern.compile(", from `[^`]*`");

  private FieldErrors() {}

  /**
   * The refusal {@code e}, raised while reading {@code tree}, as an {@link InvalidSpecException}.
   */
  static InvalidSpecException describe(Exception e, JsonNode tree) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      List<JsonMappingException.Reference> path = mapping.getPath();
      Class<?> target = targetType(mapping);
      String expected = target == null ? "" : " must be " + expected(target) + ",";
      String field = name(path);
      return new InvalidSpecException(
          "spec field " + field + expected + " got " + JsonValues.describe(at(tree, path)), field);
    }
    return new InvalidSpecException("the spec cannot be read: " + original(e));
  }

  /**
   * Jackson's message with its location as line and column instead of its source excerpt; the
   * exception's class when it has no message.
   */
  static String original(Exception e) {
    JsonLocation at = e instanceof JacksonException jackson ? jackson.getLocation() : null;
    return problem(e)
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  /** Jackson's message without its location or any excerpt of the source, on one line. */
  static String problem(Exception e) {
    if (!(e instanceof JacksonException jackson) || jackson.getOriginalMessage() == null) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    String message = YAML_MARK.matcher(jackson.getOriginalMessage().strip()).replaceAll("");
    message =
        OPENED_AT
            .matcher(message)
            .replaceAll(" (opened at line $1, column $2)")
            .replace("\n", ": ");
    message = CONSTRAINT.matcher(message).replaceAll("");
    return message.replaceAll("\\p{Cntrl}", " ");
  }

  private static Class<?> targetType(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch) {
      return mismatch.getTargetType();
    }
    return e.getCause() instanceof InputCoercionException coercion
        ? coercion.getTargetType()
        : null;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "an integer that fits 32 bits";
    }
    if (type == Long.class || type == long.class) {
      return "an integer that fits 64 bits";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
  }

  private static String name(List<JsonMappingException.Reference> path) {
    StringBuilder name = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        name.append(name.length() == 0 ? "" : ".").append(step.getFieldName());
      } else {
        name.append('[').append(step.getIndex()).append(']');
      }
    }
    return name.toString();
  }

  private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> path) {
    JsonNode node = tree;
    for (JsonMappingException.Reference step : path) {
      node =
          step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
    }
    return node;
  }
}
