package org.rll.activities;

import java.nio.file.Path;
import java.time.Clock;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.storage.BlobStore;
import org.rll.db.ResultsRepository;

/**
 * What the activities of one worker process work with: the store of every artifact, where datasets
 * are fetched from, the results database, a local scratch directory and a clock.
 *
 * @param store the blob store (S3 in production)
 * @param sources the fetchers of dataset URIs, by scheme
 * @param results the results database
 * @param scratch local room for downloads and extraction; its contents may vanish between calls
 * @param clock the time of recorded rows
 */
public record ActivityEnvironment(
    BlobStore store, Sources sources, ResultsRepository results, Path scratch, Clock clock) {}
