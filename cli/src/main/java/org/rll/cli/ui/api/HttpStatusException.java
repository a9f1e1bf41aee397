package org.rll.cli.ui.api;

/** A request the API answers with a 4xx status and the message as {@code {"error": ...}}. */
final class HttpStatusException extends RuntimeException {
  private final int status;

  HttpStatusException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
