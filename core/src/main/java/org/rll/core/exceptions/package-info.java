/**
 * Every exception rll raises on purpose. {@link org.rll.core.exceptions.ValidationException},
 * {@link org.rll.core.exceptions.CorruptDataException} and {@link
 * org.rll.core.exceptions.BlobNotFoundException} are permanent: callers must not retry them. {@link
 * org.rll.core.exceptions.TransientStorageException} is the one to retry.
 */
package org.rll.core.exceptions;
