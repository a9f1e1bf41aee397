package org.rll.core.dataset.prepare;

/**
 * An image left out of a prepared dataset.
 *
 * @param path the image's path relative to the dataset's base directory
 * @param reason why it was left out
 */
public record Rejection(String path, String reason) {}
