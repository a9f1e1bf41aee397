package org.rll.activities.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.loss.MinedCounts;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.train.StepLog;
import org.rll.db.CheckpointRow;
import org.rll.db.ResultsDatabaseTest;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;

class TrainingRecorderTest extends ResultsDatabaseTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;
  private TrainingRecorder recorder;

  TrainingRecorderTest(DataSource dataSource) {
    super(dataSource);
  }

  @BeforeEach
  void run() {
    repository.upsertRun(new RunRow("r1", null, "cub", "{}", "h1", RunStatus.RUNNING, T0, T0));
    CheckpointStore checkpoints = new CheckpointStore(new FileSystemBlobStore(dir), "runs/r1/");
    recorder = new TrainingRecorder(repository, "r1", checkpoints, Clock.fixed(T0, ZoneOffset.UTC));
  }

  /** Iteration i mined (10 + i, 100 + i) on head L and (1, 2) on head H, at loss 1/(i+1). */
  private void steps(int first, int end) {
    for (int i = first; i < end; i++) {
      List<MinedCounts> mined = List.of(new MinedCounts(10 + i, 100 + i), new MinedCounts(1, 2));
      recorder.onStep(new StepLog(i, 1f / (i + 1), mined, 0.01), 500 + i);
    }
  }

  private static CheckpointMeta checkpoint(long iteration) {
    return new CheckpointMeta(CheckpointMeta.FORMAT, iteration, "h1", "cfg", Map.of(), Map.of());
  }

  @Test
  void logRowsSumTheHeadsAndWaitForTheCheckpoint() {
    steps(0, 3);
    assertEquals(List.of(), repository.trainingLog("r1"));
    recorder.onCheckpoint(checkpoint(3));
    steps(3, 4);

    assertEquals(
        List.of(
            new TrainingLogRow("r1", 0, 1f, 11, 102, 0.01, 500),
            new TrainingLogRow("r1", 1, 1f / 2, 12, 103, 0.01, 501),
            new TrainingLogRow("r1", 2, 1f / 3, 13, 104, 0.01, 502)),
        repository.trainingLog("r1"));
    assertEquals(
        List.of(new CheckpointRow("r1", 3, "runs/r1/checkpoints/000000000003/", "h1", T0)),
        repository.checkpoints("r1"));
  }

  @Test
  void aRetriedChunkRewritesItsRowsWithoutDuplicates() {
    steps(0, 2);
    recorder.onCheckpoint(checkpoint(2));
    steps(2, 3); // the worker dies here; the retry starts again from checkpoint 2
    for (int attempt = 0; attempt < 2; attempt++) {
      steps(2, 4);
      recorder.onCheckpoint(checkpoint(4));
    }

    assertEquals(
        List.of(0L, 1L, 2L, 3L),
        repository.trainingLog("r1").stream().map(TrainingLogRow::iteration).toList());
    assertEquals(
        List.of(2L, 4L),
        repository.checkpoints("r1").stream().map(CheckpointRow::iteration).toList());
  }

  @Test
  void flushWritesRowsWithoutACheckpoint() {
    steps(0, 2);
    recorder.flush();
    recorder.flush();
    assertEquals(2, repository.trainingLog("r1").size());
    assertEquals(List.of(), repository.checkpoints("r1"));
  }
}
