package org.rll.cli.ui.api;

import javax.sql.DataSource;
import org.rll.core.storage.BlobStore;
import org.rll.worker.TemporalConnection;

/**
 * What the dashboard reads and acts through.
 *
 * @param results the results database
 * @param temporal Temporal, for the live status of running runs, failures, cancel and resume
 * @param store the artifact store, for downloads
 */
public record UiBackends(DataSource results, TemporalConnection temporal, BlobStore store) {}
