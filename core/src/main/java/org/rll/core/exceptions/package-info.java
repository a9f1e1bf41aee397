/**
 * Every exception rll raises on purpose. {@link org.rll.core.exceptions.ValidationException} (and
 * its {@link org.rll.core.exceptions.UnsafeArchiveException}), {@link
 * org.rll.core.exceptions.CorruptDataException}, {@link
 * org.rll.core.exceptions.BlobNotFoundException}, {@link
 * org.rll.core.exceptions.StorageAccessException} and {@link
 * org.rll.core.exceptions.ExportCheckException} are permanent: callers must not retry them. {@link
 * org.rll.core.exceptions.TransientStorageException} is the one to retry.
 */
package org.rll.core.exceptions;
