/**
 * Downloading dataset archives: {@link org.rll.core.dataset.fetch.Source}s per URI scheme, a
 * resumable spooled download, checksum pins, and a content-addressed cache in a {@link
 * org.rll.core.storage.BlobStore} ({@link org.rll.core.dataset.fetch.DatasetFetcher}).
 */
package org.rll.core.dataset.fetch;
