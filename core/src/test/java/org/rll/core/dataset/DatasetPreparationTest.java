package org.rll.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.archive.ExtractionLimits;
import org.rll.core.dataset.fetch.Checksum;
import org.rll.core.dataset.fetch.DatasetFetcher;
import org.rll.core.dataset.fetch.FetchProgress;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.RetryPolicy;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.Fixtures;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.prepare.DatasetManifest;
import org.rll.core.dataset.prepare.PreparedDataset;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.storage.Sha256Counter;

/** The whole stage: an archive served over HTTP, fetched, extracted, validated and listed. */
class DatasetPreparationTest {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private byte[] archive;

  @BeforeEach
  void serveACubArchive() throws IOException {
    archive = Fixtures.tarGz(Fixtures.cub(dir.resolve("src").resolve("CUB_200_2011")).getParent());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/CUB_200_2011.tgz",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, archive.length);
          exchange.getResponseBody().write(archive);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/CUB_200_2011.tgz");
  }

  private DatasetPreparation preparation(BlobStore store) {
    DatasetFetcher fetcher =
        new DatasetFetcher(
            Sources.defaults(HttpSourceConfig.defaults()),
            dir.resolve("spool"),
            RetryPolicy.defaults());
    return new DatasetPreparation(
        fetcher, store, dir.resolve("scratch"), ExtractionLimits.DEFAULTS, 2);
  }

  @Test
  void preparesOnceAndThenFindsTheManifestWithoutDownloading() throws IOException {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    DatasetSpec spec =
        DatasetSpec.of(url(), DatasetFormat.CUB200)
            .withChecksum(Checksum.parse("sha256:" + Sha256Counter.hex(archive)));
    PreparedDataset first = preparation(store).prepare(spec, FetchProgress.NONE);
    assertEquals(4, first.counts(Split.TRAIN).images());
    assertEquals(2, first.counts(Split.TEST).classes());
    String prefix = "datasets/" + Sha256Counter.hex(archive) + "/prepared-" + spec.preparationId();
    assertEquals(prefix + "/manifest.csv", first.manifestKey());
    try (InputStream in = store.open(first.manifestKey())) {
      DatasetManifest manifest = DatasetManifest.read(in);
      assertArrayEquals(new int[] {101, 101, 102, 102}, manifest.classIds(Split.TEST));
      assertTrue(store.exists(manifest.imageKeys(Split.TEST).get(0)));
    }
    assertEquals(1, requests.get());

    PreparedDataset second = preparation(store).prepare(spec, FetchProgress.NONE);
    assertEquals(first, second);
    assertEquals(1, requests.get(), "the second preparation downloads nothing");
    try (var scratch = Files.list(dir.resolve("scratch"))) {
      assertEquals(0, scratch.count(), "scratch directories are removed");
    }
  }

  @Test
  void aChecksumMismatchFailsAndStoresNothing() {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    DatasetSpec spec =
        DatasetSpec.of(url(), DatasetFormat.CUB200)
            .withChecksum(Checksum.parse("sha256:" + "0".repeat(64)));
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class, () -> preparation(store).prepare(spec, FetchProgress.NONE));
    assertTrue(e.getMessage().contains(Sha256Counter.hex(archive)), e.getMessage());
    assertEquals(List.of(), store.list("datasets/"));
  }

  @Test
  void theOfficialArchiveNameIsPinnedToItsPublishedChecksum() {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    DatasetSpec spec = DatasetSpec.of(url(), DatasetFormat.CUB200);
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class, () -> preparation(store).prepare(spec, FetchProgress.NONE));
    assertTrue(e.getMessage().contains("97eceeb196236b17998738112f37df78"), e.getMessage());
    assertEquals(List.of(), store.list("datasets/"));
  }

  @Test
  void anExtractedDirectoryIsPreparedInPlaceAndHashedByContent() {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    Path root = Fixtures.cub(dir.resolve("local").resolve("CUB_200_2011"));
    DatasetSpec spec = DatasetSpec.of(root.toUri(), DatasetFormat.CUB200);
    PreparedDataset prepared = preparation(store).prepare(spec, FetchProgress.NONE);
    assertEquals(4, prepared.counts(Split.TEST).images());
    Fixtures.image(root.resolve("images/101.Bird101/b5.jpg"), "jpg", 99);
    PreparedDataset changed = preparation(store).prepare(spec, FetchProgress.NONE);
    assertFalse(
        prepared.manifestKey().equals(changed.manifestKey()), "a changed image is new data");
    assertEquals(0, requests.get());
  }

  @Test
  void aChecksumOnADirectorySourceIsRefusedNotIgnored() {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    Path root = Fixtures.cub(dir.resolve("local").resolve("CUB_200_2011"));
    DatasetSpec spec =
        DatasetSpec.of(root.toUri(), DatasetFormat.CUB200)
            .withChecksum(Checksum.parse("sha256:" + "0".repeat(64)));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> preparation(store).prepare(spec, FetchProgress.NONE));
    assertEquals(
        "dataset source "
            + root
            + " is a directory: a checksum pins an archive, and a directory is identified by its"
            + " content; drop the checksum or point at the archive",
        e.getMessage());
    assertEquals(List.of(), store.list("datasets/"));
  }

  /** Preparing {@code source} as CUB-200 fails with a {@code type}, which is returned. */
  private <T extends RuntimeException> T refusedAsCub(Class<T> type, Path source, BlobStore store) {
    DatasetSpec spec = DatasetSpec.of(source.toUri(), DatasetFormat.CUB200);
    return assertThrows(type, () -> preparation(store).prepare(spec, FetchProgress.NONE));
  }

  @Test
  void aSourceThatIsNotAnArchiveFailsForGoodSayingWhatItIs() throws IOException {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    Path source = Files.write(dir.resolve("x.tgz"), new byte[] {(byte) 0x8f, 0x3a, 0x11, 0x07, 0});
    CorruptDataException e = refusedAsCub(CorruptDataException.class, source, store);
    assertEquals(
        "'x.tgz' is not a gzip stream (first bytes 8f 3a 11 07 00); expected .tgz, .tar.gz, .tar"
            + " or .zip",
        e.getMessage());
    try (var scratch = Files.list(dir.resolve("scratch"))) {
      assertEquals(0, scratch.count(), "scratch directories are removed");
    }
  }

  @Test
  void aZipWithoutTheFormatsLabelFilesNamesTheFormatAndTheFilesLookedFor() {
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    Path images = dir.resolve("pngs");
    Fixtures.image(images.resolve("a.png"), "png", 1);
    Fixtures.image(images.resolve("b.png"), "png", 2);
    Path source = Fixtures.bytes(dir.resolve("pngs.zip"), Fixtures.zip(images));
    ValidationException e = refusedAsCub(ValidationException.class, source, store);
    assertEquals(
        "cub200 dataset: missing label file images.txt (looked for CUB_200_2011/images.txt and"
            + " images.txt; the top level holds a.png, b.png)",
        e.getMessage());
    assertTrue(store.list("datasets/").stream().noneMatch(key -> key.contains("/prepared-")));
  }
}
