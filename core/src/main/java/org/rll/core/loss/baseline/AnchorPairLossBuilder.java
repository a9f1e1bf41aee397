package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;

/**
 * What the builders of the lifted structure, N-pair and multi-similarity losses share: the
 * evaluator name, checked when the loss is built.
 *
 * @param <B> the concrete builder, returned by {@link #optName} for chaining
 */
abstract class AnchorPairLossBuilder<B extends AnchorPairLossBuilder<B>> {
  private String name;

  AnchorPairLossBuilder(String defaultName) {
    this.name = defaultName;
  }

  /** The evaluator name shown in training logs. */
  @SuppressWarnings("unchecked")
  public B optName(String name) {
    this.name = name;
    return (B) this;
  }

  /** The name, which must be non-blank. */
  String validatedName() {
    ValidationException.check(
        name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
    return name;
  }
}
