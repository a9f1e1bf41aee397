package org.rll.activities;

import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.exceptions.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an activity's exceptions become Temporal failures. Input that can never
 * succeed (an invalid spec, corrupt or unsafe data, a failed export check, a missing required
 * input) fails at once, non-retryable; storage, database and I/O faults are retried. The failure's
 * type is the exception's simple name; its message names the problem, with any credentials in a
 * URI's user part masked, and no cause travels with it: the worker's log keeps the stack trace of a
 * retryable one.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

  private Failures() {}

  /** Runs {@code work}, mapping what it throws. */
  public static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (ActivityCompletionException | ApplicationFailure e) {
      throw e;
    } catch (ValidationException
        | CorruptDataException
        | ExportCheckException
        | BlobNotFoundException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          mask(e.getMessage()), e.getClass().getSimpleName());
    } catch (Exception e) {
      LOG.warn("retryable activity failure: {}", mask(e.getMessage()), e);
      throw ApplicationFailure.newFailure(mask(describe(e)), e.getClass().getSimpleName());
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

  /** {@code message} with the user part of every URI in it replaced by {@code ***@}. */
  static String mask(String message) {
    return message == null ? null : USER_INFO.matcher(message).replaceAll("***@");
  }

  private static String describe(Exception e) {
    Throwable cause = e.getCause();
    return cause == null || cause.getMessage() == null
        ? String.valueOf(e.getMessage())
        : e.getMessage() + ": " + cause.getMessage();
  }
}
