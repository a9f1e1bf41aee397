/**
 * Servers that a workstation and the tests start in process: Temporal's test server on the loopback
 * interface ({@link org.rll.devstack.LoopbackTemporalServer}), S3Proxy over a directory ({@link
 * org.rll.devstack.S3ProxyServer}) and PostgreSQL from its Maven artifact ({@link
 * org.rll.devstack.EmbeddedPostgresServer}). No production image carries them.
 */
package org.rll.devstack;
