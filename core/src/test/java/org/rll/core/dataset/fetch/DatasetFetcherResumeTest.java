package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.cutAfter;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.full;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.ranged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

/** A fetch that gave up part-way, retried by a new fetcher as a restarted worker would. */
class DatasetFetcherResumeTest {
  private static final byte[] ARCHIVE = FetchFixtures.archive();
  private static final RetryPolicy ONE_ATTEMPT =
      new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));

  @TempDir Path storeRoot;
  @TempDir Path spool;

  private DatasetFetcher fetcher(RetryPolicy retry) {
    return new DatasetFetcher(Sources.defaults(HttpSourceConfig.defaults()), spool, retry);
  }

  private long spooledBytes() throws IOException {
    try (var files = Files.list(spool)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void aPinnedFetchContinuesFromTheBytesAnEarlierAttemptSpooled() throws IOException {
    BlobStore store = new FileSystemBlobStore(storeRoot);
    Optional<Checksum> pin =
        Optional.of(new Checksum(Algorithm.MD5, FetchFixtures.hex(Algorithm.MD5, ARCHIVE)));
    try (ScriptedHttpServer server =
        ScriptedHttpServer.start(ARCHIVE, cutAfter(70_000), ranged())) {
      assertThrows(
          TransientStorageException.class,
          () -> fetcher(ONE_ATTEMPT).fetch(server.uri("/cub.tgz"), pin, store));
      assertEquals(70_000, spooledBytes());
      FetchResult result = fetcher(ONE_ATTEMPT).fetch(server.uri("/cub.tgz"), pin, store);
      assertEquals(List.of("", "bytes=70000-"), server.ranges());
      assertArrayEquals(ARCHIVE, store.readAllBytes(result.key()));
    }
    assertEquals(0, spooledBytes());
  }

  @Test
  void anUnpinnedFetchStartsOverBecauseNothingCouldCatchAChangedSource() throws IOException {
    BlobStore store = new FileSystemBlobStore(storeRoot);
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, cutAfter(70_000), full())) {
      assertThrows(
          TransientStorageException.class,
          () -> fetcher(ONE_ATTEMPT).fetch(server.uri("/cub.tgz"), Optional.empty(), store));
      assertEquals(0, spooledBytes());
      FetchResult result =
          fetcher(ONE_ATTEMPT).fetch(server.uri("/cub.tgz"), Optional.empty(), store);
      assertEquals(List.of("", ""), server.ranges());
      assertArrayEquals(ARCHIVE, store.readAllBytes(result.key()));
    }
  }
}
