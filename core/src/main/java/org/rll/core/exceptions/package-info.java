/**
 * Every exception rll raises on purpose. {@link org.rll.core.exceptions.ValidationException} and
 * {@link org.rll.core.exceptions.CorruptDataException} are permanent: callers must not retry them.
 */
package org.rll.core.exceptions;
