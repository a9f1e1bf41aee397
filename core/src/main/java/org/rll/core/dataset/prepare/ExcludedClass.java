package org.rll.core.dataset.prepare;

import org.rll.core.exceptions.ValidationException;

/**
 * A class left out of a prepared dataset.
 *
 * @param classId the class id as the dataset numbers it
 * @param className the class's name
 * @param reason why it was left out
 */
public record ExcludedClass(int classId, String className, String reason) {
  public ExcludedClass {
    ValidationException.check(className != null, "excluded class %d needs a name", classId);
    ValidationException.check(
        reason != null && !reason.isEmpty(), "excluded class '%s' needs a reason", className);
  }
}
