package org.rll.core.dataset.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.Fixtures;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

class DatasetPreparerTest {
  private static final String PREFIX = "datasets/abc/prepared/";
  private static final PrepareConfig CONFIG = new PrepareConfig(3, 2);

  @TempDir Path data;
  @TempDir Path blobs;
  private BlobStore store;

  /**
   * Classes ant, bee (train: first half) and cat, dog (test). ant keeps 2 of 3 (one truncated
   * JPEG), bee keeps 1 of 2 (one non-image) and is excluded, dog keeps 2 of 3 (one missing file).
   */
  @BeforeEach
  void writeDataset() throws Exception {
    store = new FileSystemBlobStore(blobs);
    Fixtures.image(data.resolve("ant/a1.jpg"), "jpg", 1);
    Fixtures.image(data.resolve("ant/a2.jpg"), "jpg", 2);
    Fixtures.truncate(Fixtures.image(data.resolve("ant/a3.jpg"), "jpg", 3));
    Fixtures.image(data.resolve("bee/b1.png"), "png", 4);
    Fixtures.text(data.resolve("bee/b2.png"), "not an image");
    Fixtures.image(data.resolve("cat/c1.png"), "png", 5);
    Fixtures.image(data.resolve("cat/c2.png"), "png", 6);
    Fixtures.image(data.resolve("dog/d1.jpg"), "jpg", 7);
    Fixtures.image(data.resolve("dog/d3.jpg"), "jpg", 8);
    Fixtures.text(
        data.resolve("labels.csv"),
        "path,label\nant/a1.jpg,ant\nant/a2.jpg,ant\nant/a3.jpg,ant\nbee/b1.png,bee\n"
            + "bee/b2.png,bee\ncat/c1.png,cat\ncat/c2.png,cat\ndog/d1.jpg,dog\n"
            + "dog/d2.jpg,dog\ndog/d3.jpg,dog\n");
  }

  private PreparedDataset prepare(BlobStore target) {
    return new DatasetPreparer(target, CONFIG)
        .prepare(data.resolve("labels.csv"), DatasetFormat.CSV, SplitRule.protocol(), PREFIX);
  }

  private String text(String key) {
    return new String(store.readAllBytes(key), StandardCharsets.UTF_8);
  }

  @Test
  void rejectsBadImagesExcludesSmallClassesAndWritesEveryBlob() throws Exception {
    PreparedDataset result = prepare(store);
    assertEquals(
        new PreparedDataset(
            PREFIX + "manifest.csv",
            Map.of(Split.TRAIN, new SplitCounts(2, 1), Split.TEST, new SplitCounts(4, 2)),
            3,
            List.of(new ExcludedClass(1, "bee", "1 valid image, fewer than the minimum 2"))),
        result);
    assertEquals(
        "image_key,class_id,class_name,split\n"
            + "datasets/abc/prepared/images/ant/a1.jpg,0,ant,train\n"
            + "datasets/abc/prepared/images/ant/a2.jpg,0,ant,train\n"
            + "datasets/abc/prepared/images/cat/c1.png,2,cat,test\n"
            + "datasets/abc/prepared/images/cat/c2.png,2,cat,test\n"
            + "datasets/abc/prepared/images/dog/d1.jpg,3,dog,test\n"
            + "datasets/abc/prepared/images/dog/d3.jpg,3,dog,test\n",
        text(PREFIX + "manifest.csv"));
    assertEquals(
        "path,reason\n"
            + "ant/a3.jpg,truncated or damaged: Truncated File - Missing EOI marker; Corrupt JPEG"
            + " data: premature end of data segment\n"
            + "bee/b2.png,not an image: no decoder recognises its bytes\n"
            + "dog/d2.jpg,missing file\n",
        text(PREFIX + "rejected.csv"));
    assertArrayEquals(
        Files.readAllBytes(data.resolve("cat/c2.png")),
        store.readAllBytes(PREFIX + "images/cat/c2.png"));
    assertFalse(store.exists(PREFIX + "images/bee/b1.png"));
    assertEquals(
        "{\n"
            + "  \"format\": \"csv\",\n"
            + "  \"split_rule\": \"protocol\",\n"
            + "  \"splits\": {\n"
            + "    \"train\": {\"images\": 2, \"classes\": 1},\n"
            + "    \"test\": {\"images\": 4, \"classes\": 2}\n"
            + "  },\n"
            + "  \"excluded_classes\": [\n"
            + "    {\"class_id\": 1, \"class_name\": \"bee\", \"reason\": \"1 valid image, fewer"
            + " than the minimum 2\"}\n"
            + "  ],\n"
            + "  \"rejected_images\": 3\n"
            + "}\n",
        text(PREFIX + "summary.json"));
  }

  @Test
  void aSecondPrepareReturnsTheRecordedResultWithoutWriting() {
    PreparedDataset first = prepare(store);
    RecordingBlobStore counting = new RecordingBlobStore(store, "");
    assertEquals(first, prepare(counting));
    assertEquals(0, counting.puts());
  }

  @Test
  void theManifestIsWrittenLastSoAFailedRunLeavesNoneAndARerunCompletes() {
    RecordingBlobStore failing = new RecordingBlobStore(store, PREFIX + "manifest.csv");
    assertThrows(TransientStorageException.class, () -> prepare(failing));
    assertFalse(store.exists(PREFIX + "manifest.csv"));
    assertEquals(
        List.of(
            PREFIX + "excluded.csv",
            PREFIX + "images/ant/a1.jpg",
            PREFIX + "images/ant/a2.jpg",
            PREFIX + "images/cat/c1.png",
            PREFIX + "images/cat/c2.png",
            PREFIX + "images/dog/d1.jpg",
            PREFIX + "images/dog/d3.jpg",
            PREFIX + "rejected.csv",
            PREFIX + "summary.json"),
        store.list(PREFIX));
    RecordingBlobStore rerun = new RecordingBlobStore(store, "");
    assertEquals(new SplitCounts(4, 2), prepare(rerun).counts(Split.TEST));
    assertEquals(4, rerun.puts(), "images already copied are kept; the four reports are written");
    assertEquals(
        6,
        DatasetManifest.read(new ByteArrayInputStream(store.readAllBytes(PREFIX + "manifest.csv")))
            .rows()
            .size());
  }

  @Test
  void aMalformedOrMissingLabelFileFailsBeforeAnyWrite() throws Exception {
    Fixtures.text(data.resolve("labels.csv"), "path,label\nant/a1.jpg,ant\n\"ant/a2.jpg,ant\n");
    CorruptDataException malformed = assertThrows(CorruptDataException.class, () -> prepare(store));
    assertEquals("labels.csv line 3: quoted field never closed", malformed.getMessage());
    Files.delete(data.resolve("labels.csv"));
    ValidationException missing = assertThrows(ValidationException.class, () -> prepare(store));
    assertEquals(
        "csv dataset: missing label file labels.csv (looked for "
            + data.resolve("labels.csv")
            + ")",
        missing.getMessage());
    assertEquals(List.of(), store.list(""));
  }

  @Test
  void configsAndPrefixesAreValidated() {
    assertThrows(ValidationException.class, () -> new PrepareConfig(0, 2));
    assertThrows(ValidationException.class, () -> new PrepareConfig(1, 0));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                new DatasetPreparer(store, CONFIG)
                    .prepare(data, DatasetFormat.IMAGE_FOLDER, SplitRule.protocol(), "no-slash"));
    assertEquals("prefix must end with '/', got 'no-slash'", e.getMessage());
  }
}
