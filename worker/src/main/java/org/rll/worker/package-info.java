/**
 * Temporal plumbing of the {@code rll} command: the connection and its tolerant data converter, the
 * workers of the task queues, and {@code rll worker}.
 */
package org.rll.worker;
