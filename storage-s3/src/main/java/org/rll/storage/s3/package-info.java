/**
 * S3 at the edge of core: the S3 {@link org.rll.core.storage.BlobStore}, the {@code s3://} dataset
 * {@link org.rll.core.dataset.fetch.Source}, the client factory and the one place where S3 errors
 * become rll exceptions.
 */
package org.rll.storage.s3;
