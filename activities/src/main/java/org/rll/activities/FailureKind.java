package org.rll.activities;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.ValidationException;

/**
 * Whether another try of failed work may succeed: the one classification of every failure an
 * activity raises.
 *
 * <ul>
 *   <li>{@link #PERMANENT}: bad input (an invalid spec, an unsupported format, an unsafe archive),
 *       corrupt data (not an archive, truncated, a checksum mismatch, a failed export check),
 *       something that is not there, or a refusal (access denied, a missing bucket).
 *   <li>{@link #TRANSIENT}: everything else: the faults the storage and database layers call
 *       transient ({@link org.rll.core.exceptions.TransientStorageException}: 5xx, throttling,
 *       connections refused or reset, timeouts), any other I/O fault, and anything unforeseen,
 *       which the run's retry policy then bounds.
 * </ul>
 *
 * Wrappers that only carry another exception across threads ({@link ExecutionException}, {@link
 * CompletionException}, {@link UncheckedIOException}, {@link InvocationTargetException}) take the
 * kind of what they carry.
 */
public enum FailureKind {
  /** Another try gets the same answer; the run fails at once with the message. */
  PERMANENT,
  /** Another try, after a wait, may succeed. */
  TRANSIENT;

  /** The kind of {@code failure}. */
  public static FailureKind of(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof ValidationException
        || e instanceof CorruptDataException
        || e instanceof ExportCheckException
        || e instanceof BlobNotFoundException
        || e instanceof StorageAccessException) {
      return PERMANENT;
    }
    return TRANSIENT;
  }

  /** What {@code failure} carries, when it is only a wrapper; else {@code failure} itself. */
  static Throwable unwrap(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof ExecutionException
            || e instanceof CompletionException
            || e instanceof UncheckedIOException
            || e instanceof InvocationTargetException)
        && e.getCause() != null
        && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }
}
