package org.rll.cli.run;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of a failure chain as Temporal reports it.
 *
 * @param type the failure's class, such as {@code ActivityFailure} or {@code ApplicationFailure}
 * @param applicationType an application failure's own type (the exception an activity named), else
 *     null
 * @param message the failure's message; an application failure's as it was raised
 */
public record FailureLevel(String type, String applicationType, String message) {

  /** {@code failure} and its causes, outermost first. */
  public static List<FailureLevel> chain(Throwable failure) {
    List<FailureLevel> levels = new ArrayList<>();
    for (Throwable level = failure; level != null; level = level.getCause()) {
      levels.add(of(level));
    }
    return List.copyOf(levels);
  }

  private static FailureLevel of(Throwable level) {
    if (level instanceof ApplicationFailure application) {
      return new FailureLevel(
          ApplicationFailure.class.getSimpleName(),
          application.getType(),
          application.getOriginalMessage());
    }
    return new FailureLevel(level.getClass().getSimpleName(), null, level.getMessage());
  }
}
