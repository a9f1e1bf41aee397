package org.rll.workflows;

import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;
import org.rll.workflows.spec.InvalidSpecException;

/** How a workflow reads its input: bad input fails the workflow at once, non-retryable, named. */
public final class ValidInput {

  private ValidInput() {}

  /** What {@code read} makes of the input; an {@link InvalidSpecException} fails the workflow. */
  public static <T> T of(Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidSpecException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), InvalidSpecException.class.getSimpleName());
    }
  }
}
