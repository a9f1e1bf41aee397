package org.rll.activities;

import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.rll.core.exceptions.ExceptionText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an activity's exceptions become Temporal failures, sorted by {@link
 * FailureKind}: a permanent one fails the run at once (non-retryable), a transient one lets the
 * workflow try again. The failure's type is the exception's simple name and its message names the
 * problem; the exception travels as the failure's cause, so the stack trace reaches the workflow's
 * log when the run finally fails. Every message in the chain has the user part of its URIs masked.
 * Each failed attempt is one line in the worker's log, without a stack trace.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final int MAX_CAUSES = 8;

  private Failures() {}

  /** Runs {@code work}, mapping what it throws. */
  public static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (ActivityCompletionException | ApplicationFailure e) {
      throw e;
    } catch (Exception e) {
      throw failure(e);
    }
  }

  /** Runs {@code work}, which returns nothing, mapping what it throws. */
  public static void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /** {@code e} as the failure of an attempt, logged as one line. */
  static ApplicationFailure failure(Exception e) {
    Throwable carried = FailureKind.unwrap(e);
    FailureKind kind = FailureKind.of(carried);
    String type = carried.getClass().getSimpleName();
    String message = mask(describe(carried));
    LOG.warn("{} failure {}: {}", kind.name().toLowerCase(Locale.ROOT), type, message);
    Throwable cause = masked(carried, MAX_CAUSES);
    return kind == FailureKind.PERMANENT
        ? ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause)
        : ApplicationFailure.newFailureWithCause(message, type, cause);
  }

  /**
   * {@code message} with the user part of every URI in it replaced by {@code ***@}, and control
   * characters (which input may carry into a message) written as {@code \\uXXXX}.
   */
  static String mask(String message) {
    if (message == null) {
      return null;
    }
    String masked = USER_INFO.matcher(message).replaceAll("***@");
    return CONTROL
        .matcher(masked)
        .replaceAll(c -> String.format("\\\\u%04x", (int) c.group().charAt(0)));
  }

  /**
   * A copy of {@code e} and its causes that Temporal can carry: each level an application failure
   * named after the original class, with its masked message and its stack trace.
   */
  private static ApplicationFailure masked(Throwable e, int depth) {
    Throwable cause = e.getCause();
    ApplicationFailure copy =
        ApplicationFailure.newFailureWithCause(
            mask(ExceptionText.describe(e)),
            e.getClass().getName(),
            cause == null || cause == e || depth <= 1 ? null : masked(cause, depth - 1));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  /** The message of {@code e}, with its cause's when that adds something, never "null". */
  private static String describe(Throwable e) {
    String message = ExceptionText.describe(e);
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null || message.contains(cause.getMessage())
        ? message
        : message + ": " + cause.getMessage();
  }
}
