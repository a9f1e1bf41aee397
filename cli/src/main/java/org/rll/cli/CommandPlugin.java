package org.rll.cli;

import java.util.Optional;

/**
 * A command that a build adds beside the product's own, such as {@code rll bench} or {@code rll
 * dev}: a picocli {@code @Command} class with a public no-argument constructor, listed in {@code
 * META-INF/services/org.rll.cli.CommandPlugin} of its jar. The product image has none.
 */
public interface CommandPlugin {

  /**
   * The top-level plugin command this one goes under, such as {@code bench} for {@code rll bench
   * sweep}; empty (the default) for a top-level command.
   */
  default Optional<String> parent() {
    return Optional.empty();
  }
}
