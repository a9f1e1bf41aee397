/**
 * Turns an extracted dataset into a prepared one in a {@link org.rll.core.storage.BlobStore}: every
 * image validated, small classes excluded, images copied, and a manifest written last.
 */
package org.rll.core.dataset.prepare;
