package org.rll.core.exceptions;

/**
 * An exported model that does not compute what the trained model computes: ONNX Runtime's output
 * differs from the DJL model's beyond the tolerance, or the outputs do not line up. Nothing was
 * written; exporting the same checkpoint again gives the same result.
 */
public class ExportCheckException extends RllException {
  private static final long serialVersionUID = 1L;

  public ExportCheckException(String message) {
    super(message);
  }
}
