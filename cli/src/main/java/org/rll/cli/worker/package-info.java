/**
 * {@code rll worker}: a Temporal worker process over the configured store, results database and
 * task queues, stopped gracefully by SIGTERM.
 */
package org.rll.cli.worker;
