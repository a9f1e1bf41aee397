/**
 * The {@link org.rll.core.storage.BlobStore} every artifact goes through, its key rules, and the
 * filesystem implementation. The S3 implementation lives in the storage-s3 module.
 */
package org.rll.core.storage;
