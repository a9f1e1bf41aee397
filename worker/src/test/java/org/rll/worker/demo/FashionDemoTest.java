package org.rll.worker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.CheckpointRow;
import org.rll.db.MetricRow;
import org.rll.db.ResultsDatabaseTest;
import org.rll.db.RunRow;
import org.rll.db.RunStatus;
import org.rll.db.TrainingLogRow;

/**
 * The demo end to end on a tiny configuration: 200 images of each split, 6 iterations of 5 x 4
 * images, through preparation, the batch manifest, training with checkpoints, ONNX export,
 * extraction and evaluation, with the run recorded in a real PostgreSQL.
 */
class FashionDemoTest extends ResultsDatabaseTest {
  private static final int ITERATIONS = 6;

  @TempDir Path first;
  @TempDir Path second;

  FashionDemoTest(DataSource dataSource) {
    super(dataSource);
  }

  private static DemoSettings tiny(Path workDir) {
    return new DemoSettings(ITERATIONS, 5, 4, 0.01, 3, 200, false, workDir);
  }

  private Outcome run(Path workDir) throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EvaluationReport[] scores =
        new FashionDemo(
                tiny(workDir), repository, new PrintStream(printed, true, StandardCharsets.UTF_8))
            .run();
    return new Outcome(scores, printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsProgressAndTheTableAndKeepsEveryArtifactInTheStore() throws IOException {
    String text = run(first).printed();
    assertTrue(text.contains("data: the bundled Fashion-MNIST test set, 10,000 images"), text);
    assertTrue(text.contains("dataset: prepared in "), text);
    assertTrue(text.contains("(train 5000 images, test 5000 images)"), text);
    assertTrue(text.contains("batch manifest: 6 iterations of 5 classes x 4 images"), text);
    assertTrue(text.contains("training from scratch"), text);
    assertTrue(text.contains("iteration     6/6  loss "), text);
    assertTrue(text.contains("trained 6 iterations in "), text);
    assertTrue(text.contains("ONNX Runtime matches the net to "), text);
    assertTrue(text.contains("ONNX model of iteration 6: 200 test images embedded in "), text);
    assertTrue(text.contains("test classes 5-9, unseen in training (200 images)"), text);
    assertTrue(
        text.matches("(?s).*run +dataset +head +iteration +R@1 +R@2 +R@4 +R@8 +NMI.*"), text);
    List<String> stored = storedFiles(first);
    for (String suffix :
        List.of(
            "/train-images.idx",
            "/manifest/batches.bin",
            "/000000000006/meta.json",
            "/untrained/embeddings/index.json",
            "/embeddings/H/shard-00000.npy",
            "/model.onnx")) {
      assertTrue(stored.stream().anyMatch(f -> f.endsWith(suffix)), suffix + " in " + stored);
    }
    assertTrue(Files.size(first.resolve("model.onnx")) > 0);
  }

  @Test
  void theRunItsLogCheckpointsAndMetricsAreRecordedOnce() throws IOException {
    run(first);
    run(first);
    RunRow run = repository.runs(Optional.empty()).get(0);
    assertEquals(RunStatus.SUCCEEDED, run.status());
    assertEquals("fashion-mnist", run.dataset());
    assertEquals(
        List.of(0L, 1L, 2L, 3L, 4L, 5L),
        repository.trainingLog(run.runId()).stream().map(TrainingLogRow::iteration).toList());
    assertEquals(
        List.of("runs/" + run.runId() + "/checkpoints/000000000006/"),
        repository.checkpoints(run.runId()).stream().map(CheckpointRow::blobKey).toList());
    List<MetricRow> metrics = repository.metrics(run.runId());
    assertEquals(12, metrics.size());
    assertEquals(
        List.of(0L, 6L), metrics.stream().map(MetricRow::checkpointIteration).distinct().toList());
  }

  @Test
  void aSeedGivesTheSameScoresAndASecondRunReusesTheDatasetAndTheCheckpoint() throws Exception {
    Outcome a = run(first);
    Path manifest = file(first, "manifest.csv");
    FileTime prepared = Files.getLastModifiedTime(manifest);
    Outcome b = run(second);
    assertEquals(a.scores()[0], b.scores()[0]);
    assertEquals(a.scores()[1], b.scores()[1]);

    Outcome again = run(first);
    assertTrue(again.printed().contains("dataset: reused "), again.printed());
    assertFalse(again.printed().contains("dataset: prepared"), again.printed());
    assertEquals(prepared, Files.getLastModifiedTime(manifest));
    assertTrue(again.printed().contains("resumed from checkpoint 6 of "), again.printed());
    assertFalse(again.printed().matches("(?s).*iteration +\\d+/.*"), again.printed());
    assertEquals(a.scores()[0], again.scores()[0]);
    assertEquals(a.scores()[1], again.scores()[1]);
  }

  @Test
  void settingsNameTheBadValue() {
    assertEquals(
        "classesPerBatch must be in [2, 5] (the training classes), got 6",
        assertThrows(
                ValidationException.class,
                () -> new DemoSettings(10, 6, 4, 0.01, 1, 0, false, first))
            .getMessage());
    assertEquals(
        "maxImages must be 0 (all) or >= 10, got 3",
        assertThrows(
                ValidationException.class,
                () -> new DemoSettings(10, 5, 4, 0.01, 1, 3, false, first))
            .getMessage());
    assertEquals(
        "learningRate must be a positive number, got NaN",
        assertThrows(
                ValidationException.class,
                () -> new DemoSettings(10, 5, 4, Double.NaN, 1, 0, false, first))
            .getMessage());
  }

  private static List<String> storedFiles(Path workDir) throws IOException {
    try (Stream<Path> walk = Files.walk(workDir.resolve("store"))) {
      return walk.filter(Files::isRegularFile).map(p -> p.toString().replace('\\', '/')).toList();
    }
  }

  private static Path file(Path workDir, String name) throws IOException {
    return Path.of(storedFiles(workDir).stream().filter(f -> f.endsWith(name)).findFirst().get());
  }

  private record Outcome(EvaluationReport[] scores, String printed) {}
}
