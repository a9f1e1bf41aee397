/**
 * The embedded stack ({@link org.rll.workstation.dev.DevStack}): Temporal test server, PostgreSQL,
 * S3Proxy and a worker in one process, and {@code rll dev}, which runs it.
 */
package org.rll.workstation.dev;
