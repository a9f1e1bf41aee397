package org.rll.workflows.spec;

import java.util.OptionalInt;

/**
 * A workflow input that is not a valid {@link PipelineSpec}: malformed JSON, a value of the wrong
 * type, a missing or oversized document. The message names the field and what was expected; {@link
 * #field()} and {@link #line()} say where the refusal points, for messages that name a file.
 */
public class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final int line;

  /** A refusal of the whole spec, described by {@code message}. */
  public InvalidSpecException(String message) {
    this(message, null, 0);
  }

  /** A refusal of the spec field {@code field} ({@code training.iterations}), line unknown. */
  InvalidSpecException(String message, String field) {
    this(message, field, 0);
  }

  private InvalidSpecException(String message, String field, int line) {
    super(message);
    this.field = field;
    this.line = line;
  }

  /**
   * The refusal {@code e} as at line {@code line} of the spec's text: where a syntax error stopped
   * the reading, or where the refused field was written.
   */
  static InvalidSpecException atLine(InvalidSpecException e, int line) {
    return new InvalidSpecException(e.getMessage(), e.field, line);
  }

  /** The spec field refused, such as {@code dataset.trainClasses[2]}; null for the whole spec. */
  public String field() {
    return field;
  }

  /** The line of the spec's text the refusal points at, when the spec was read from text. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }
}
