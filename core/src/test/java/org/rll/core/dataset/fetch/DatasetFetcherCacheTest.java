package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.full;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.storage.Sha256Counter;

/** The cache index: a second fetch of a source and pin never reads the source again. */
class DatasetFetcherCacheTest {
  private static final byte[] ARCHIVE = FetchFixtures.archive();
  private static final String SHA256 = FetchFixtures.hex(Algorithm.SHA256, ARCHIVE);
  private static final Optional<Checksum> PIN = Optional.of(new Checksum(Algorithm.SHA256, SHA256));

  @TempDir Path storeRoot;
  @TempDir Path spool;
  private BlobStore store;
  private ScriptedHttpServer server;
  private URI uri;

  @BeforeEach
  void startServer() throws IOException {
    store = new FileSystemBlobStore(storeRoot);
    server = ScriptedHttpServer.start(ARCHIVE, full());
    uri = server.uri("/cub.tgz");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private DatasetFetcher fetcher() {
    return new DatasetFetcher(
        Sources.defaults(HttpSourceConfig.defaults()), spool, FetchFixtures.QUICK_RETRY);
  }

  private JsonObject json(String key) {
    return JsonParser.parseString(new String(store.readAllBytes(key), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  @Test
  void aSecondFetchAnswersFromTheIndexWithoutARequest() throws IOException {
    FetchResult first = fetcher().fetch(uri, PIN, store);
    FetchResult second = fetcher().fetch(uri, PIN, store);
    assertEquals(1, server.ranges().size());
    assertFalse(first.cached());
    assertEquals(new FetchResult(first.key(), SHA256, 200_000, true), second);

    String indexKey =
        "datasets/by-source/" + Sha256Counter.hex(uri + "\nsha256:" + SHA256) + ".json";
    assertEquals(
        Set.of(indexKey, "datasets/" + SHA256 + "/cub.tgz"), Set.copyOf(store.list("datasets/")));
    JsonObject entry = json(indexKey);
    assertEquals(first.key(), entry.get("key").getAsString());
    assertEquals(SHA256, entry.get("sha256").getAsString());
    assertEquals(200_000, entry.get("size").getAsLong());
    assertEquals(uri.toString(), entry.get("uri").getAsString());
  }

  @Test
  void aDeletedArchiveOrABrokenIndexIsFetchedAgain() throws IOException {
    FetchResult first = fetcher().fetch(uri, PIN, store);
    store.delete(first.key());
    assertFalse(fetcher().fetch(uri, PIN, store).cached());
    String indexKey = ArchiveKeys.index(uri, PIN);
    store.put(indexKey, "{not json".getBytes(StandardCharsets.UTF_8));
    assertFalse(fetcher().fetch(uri, PIN, store).cached());
    assertEquals(3, server.ranges().size());
    assertEquals(first.key(), json(indexKey).get("key").getAsString());
    assertArrayEquals(ARCHIVE, store.readAllBytes(first.key()));
  }

  @Test
  void anotherPinOrNoPinIsAnotherIndexEntryForTheSameArchive() throws IOException {
    Optional<Checksum> md5 =
        Optional.of(new Checksum(Algorithm.MD5, FetchFixtures.hex(Algorithm.MD5, ARCHIVE)));
    FetchResult pinned = fetcher().fetch(uri, PIN, store);
    Object stored = archiveFileKey(pinned);
    FetchResult unpinned = fetcher().fetch(uri, Optional.empty(), store);
    FetchResult md5Pinned = fetcher().fetch(uri, md5, store);
    assertEquals(3, server.ranges().size());
    assertEquals(pinned.key(), unpinned.key());
    assertEquals(pinned.key(), md5Pinned.key());
    assertNotEquals(ArchiveKeys.index(uri, PIN), ArchiveKeys.index(uri, Optional.empty()));
    assertEquals(4, store.list("datasets/").size());
    assertEquals(stored, archiveFileKey(pinned), "the same archive is not uploaded again");
  }

  /** The identity (device and inode) of the file holding an archive blob: a put replaces it. */
  private Object archiveFileKey(FetchResult result) throws IOException {
    return Files.readAttributes(storeRoot.resolve(result.key()), BasicFileAttributes.class)
        .fileKey();
  }

  @Test
  void fetchesAFileUri(@TempDir Path source) throws IOException {
    Path file = Files.write(source.resolve("cub.tgz"), ARCHIVE);
    FetchResult result = fetcher().fetch(file.toUri(), PIN, store);
    assertEquals(
        new FetchResult("datasets/" + SHA256 + "/cub.tgz", SHA256, 200_000, false), result);
    assertArrayEquals(ARCHIVE, store.readAllBytes(result.key()));
    Files.delete(file);
    assertTrue(fetcher().fetch(file.toUri(), PIN, store).cached());
  }
}
