package org.rll.cli;

/**
 * A top-level command that a build adds beside the product's own, such as {@code rll bench} or
 * {@code rll dev}: a picocli {@code @Command} class with a public no-argument constructor, listed
 * in {@code META-INF/services/org.rll.cli.CommandPlugin} of its jar. The product image has none.
 */
public interface CommandPlugin {}
