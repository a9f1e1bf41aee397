package org.rll.workflows;

import io.temporal.failure.TemporalFailure;

/** The innermost cause of a Temporal failure chain, and its own message. */
public final class RootCause {

  private RootCause() {}

  /** The last cause of {@code e}'s chain ({@code e} itself when it has none). */
  public static Throwable of(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * The root cause's message as it was raised: a Temporal failure's original message, without the
   * type and flags that its {@code getMessage} adds.
   */
  public static String message(Throwable e) {
    Throwable root = of(e);
    return root instanceof TemporalFailure failure
        ? failure.getOriginalMessage()
        : root.getMessage();
  }
}
