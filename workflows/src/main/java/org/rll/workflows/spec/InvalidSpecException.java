package org.rll.workflows.spec;

/**
 * A workflow input that is not a valid {@link PipelineSpec}: malformed JSON, a value of the wrong
 * type, a missing or oversized document. The message names the field and what was expected.
 */
public class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal described by {@code message}. */
  public InvalidSpecException(String message) {
    super(message);
  }
}
