package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.cutAfter;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.full;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.ranged;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.stallAfter;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

/** Downloads over HTTP: plain, resumed after a break, from servers that ignore ranges or fail. */
class DatasetFetcherTest {
  private static final byte[] ARCHIVE = FetchFixtures.archive();
  private static final String SHA256 = FetchFixtures.hex(Algorithm.SHA256, ARCHIVE);

  @TempDir Path storeRoot;
  @TempDir Path spool;

  private BlobStore store() {
    return new FileSystemBlobStore(storeRoot);
  }

  private DatasetFetcher fetcher() {
    return new DatasetFetcher(
        Sources.defaults(HttpSourceConfig.defaults()), spool, FetchFixtures.QUICK_RETRY);
  }

  private void assertStored(FetchResult result, BlobStore store) {
    assertEquals(
        new FetchResult("datasets/" + SHA256 + "/cub.tgz", SHA256, 200_000, false), result);
    assertArrayEquals(ARCHIVE, store.readAllBytes(result.key()));
  }

  @Test
  void downloadsToTheContentAddressedKey() throws IOException {
    BlobStore store = store();
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, full())) {
      assertStored(fetcher().fetch(server.uri("/data/cub.tgz"), Optional.empty(), store), store);
      assertEquals(List.of(""), server.ranges());
    }
    try (var left = Files.list(spool)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void resumesABrokenDownloadWithARangeRequest() throws IOException {
    BlobStore store = store();
    try (ScriptedHttpServer server =
        ScriptedHttpServer.start(ARCHIVE, cutAfter(70_000), ranged())) {
      assertStored(fetcher().fetch(server.uri("/cub.tgz"), Optional.empty(), store), store);
      assertEquals(List.of("", "bytes=70000-"), server.ranges());
    }
  }

  @Test
  void startsOverWhenTheServerIgnoresTheRange() throws IOException {
    BlobStore store = store();
    List<Long> progress = new ArrayList<>();
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, cutAfter(70_000), full())) {
      FetchResult result =
          fetcher()
              .fetch(
                  server.uri("/cub.tgz"),
                  Optional.empty(),
                  store,
                  (bytes, total) -> {
                    assertEquals(OptionalLong.of(200_000), total);
                    progress.add(bytes);
                  });
      assertStored(result, store);
      assertEquals(List.of("", "bytes=70000-"), server.ranges());
    }
    assertEquals(200_000L, progress.get(progress.size() - 1));
    assertTrue(progress.contains(70_000L), "progress reached the break: " + progress);
  }

  @Test
  void resumesADownloadThatStalls() throws IOException {
    BlobStore store = store();
    HttpSourceConfig impatient =
        new HttpSourceConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200));
    DatasetFetcher fetcher =
        new DatasetFetcher(Sources.defaults(impatient), spool, FetchFixtures.QUICK_RETRY);
    try (ScriptedHttpServer server =
        ScriptedHttpServer.start(ARCHIVE, stallAfter(90_000), ranged())) {
      assertStored(fetcher.fetch(server.uri("/cub.tgz"), Optional.empty(), store), store);
      assertEquals(List.of("", "bytes=90000-"), server.ranges());
    }
  }

  @Test
  void retriesServerErrorsWithBackoff() throws IOException {
    BlobStore store = store();
    try (ScriptedHttpServer server =
        ScriptedHttpServer.start(ARCHIVE, status(503), status(503), full())) {
      assertStored(fetcher().fetch(server.uri("/cub.tgz"), Optional.empty(), store), store);
      assertEquals(3, server.ranges().size());
    }
  }

  @Test
  void givesUpAfterTheConfiguredAttempts() throws IOException {
    TransientStorageException e = failsWith(429, TransientStorageException.class, 4);
    assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
  }

  @Test
  void aMissingArchiveFailsAtOnceWithoutRetrying() throws IOException {
    BlobNotFoundException e = failsWith(404, BlobNotFoundException.class, 1);
    assertTrue(e.getMessage().endsWith("/cub.tgz' answered HTTP 404"), e.getMessage());
  }

  /** Fetches from a server that always answers {@code status}; checks it stored nothing. */
  private <T extends RuntimeException> T failsWith(int status, Class<T> type, int requests)
      throws IOException {
    BlobStore store = store();
    T e;
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, status(status))) {
      e =
          assertThrows(
              type, () -> fetcher().fetch(server.uri("/cub.tgz"), Optional.empty(), store));
      assertEquals(requests, server.ranges().size());
    }
    assertEquals(List.of(), store.list(""));
    return e;
  }

  @Test
  void rejectsAnUnknownSchemeOrAPathWithoutAFileNameBeforeAnyRequest() throws IOException {
    BlobStore store = store();
    ValidationException scheme =
        assertThrows(
            ValidationException.class,
            () -> fetcher().fetch(java.net.URI.create("ftp://h/a.tgz"), Optional.empty(), store));
    assertTrue(scheme.getMessage().contains("ftp://h/a.tgz"), scheme.getMessage());
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, full())) {
      ValidationException name =
          assertThrows(
              ValidationException.class,
              () -> fetcher().fetch(server.uri("/data/"), Optional.empty(), store));
      assertTrue(name.getMessage().contains("/data/"), name.getMessage());
      assertEquals(List.of(), server.ranges());
    }
  }
}
