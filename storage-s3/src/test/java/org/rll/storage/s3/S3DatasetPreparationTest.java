package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.DatasetPreparation;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.dataset.archive.ExtractionLimits;
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
import software.amazon.awssdk.core.sync.RequestBody;

/** The prepare-dataset stage with the archive at an s3:// URI and every output in S3. */
class S3DatasetPreparationTest {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();
  @TempDir Path dir;

  @Test
  void anArchiveInS3IsPreparedIntoS3AndThenFoundWithoutReadingTheSource() throws Exception {
    String sourceBucket = S3.newBucket();
    byte[] archive = Fixtures.tarGz(Fixtures.cub(dir.resolve("src/CUB_200_2011")).getParent());
    S3.client()
        .putObject(
            b -> b.bucket(sourceBucket).key("public/cub-mini.tgz"), RequestBody.fromBytes(archive));
    S3BlobStore store = S3.newStore("rll/");
    DatasetSpec spec =
        DatasetSpec.of(
            URI.create("s3://" + sourceBucket + "/public/cub-mini.tgz"), DatasetFormat.CUB200);

    PreparedDataset first = preparation(store).prepare(spec, FetchProgress.NONE);
    assertEquals(4, first.counts(Split.TRAIN).images());
    try (InputStream in = store.open(first.manifestKey())) {
      DatasetManifest manifest = DatasetManifest.read(in);
      assertArrayEquals(new int[] {1, 1, 2, 2}, manifest.classIds(Split.TRAIN));
      for (String key : manifest.imageKeys(Split.TRAIN)) {
        assertTrue(store.exists(key), key);
      }
    }

    S3.client().deleteObject(b -> b.bucket(sourceBucket).key("public/cub-mini.tgz"));
    assertEquals(first, preparation(store).prepare(spec, FetchProgress.NONE));
  }

  private DatasetPreparation preparation(S3BlobStore store) {
    Sources sources =
        Sources.defaults(HttpSourceConfig.defaults()).with("s3", new S3Source(S3.client()));
    DatasetFetcher fetcher =
        new DatasetFetcher(sources, dir.resolve("spool"), RetryPolicy.defaults());
    return new DatasetPreparation(
        fetcher, store, dir.resolve("scratch"), ExtractionLimits.DEFAULTS, 2);
  }
}
