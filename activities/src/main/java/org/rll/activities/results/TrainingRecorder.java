package org.rll.activities.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.loss.MinedCounts;
import org.rll.core.train.StepLog;
import org.rll.core.train.TrainingListener;
import org.rll.db.CheckpointRow;
import org.rll.db.ResultsRepository;
import org.rll.db.TrainingLogRow;

/**
 * Records a run's training in the results database: the log of every iteration, written in one
 * batch when a checkpoint completes, then the checkpoint itself.
 *
 * <p>Rows wait for the checkpoint because a run resumes from its newest checkpoint: the iterations
 * after it run again and are logged then, so the database never holds a log row of an iteration
 * that no checkpoint follows, except through {@link #flush()}. Every write is an upsert, so a
 * retried chunk rewrites the same rows without duplicating them.
 */
public final class TrainingRecorder implements TrainingListener {
  private final ResultsRepository repository;
  private final String runId;
  private final CheckpointStore checkpoints;
  private final Clock clock;
  private final List<TrainingLogRow> pending = new ArrayList<>();

  /** Records the training of {@code runId}, whose checkpoints {@code checkpoints} holds. */
  public TrainingRecorder(
      ResultsRepository repository, String runId, CheckpointStore checkpoints, Clock clock) {
    this.repository = repository;
    this.runId = runId;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  @Override
  public void onStep(StepLog log, double imagesPerSecond) {
    long positives = 0;
    long negatives = 0;
    for (MinedCounts head : log.mined()) {
      positives += head.positives();
      negatives += head.negatives();
    }
    pending.add(
        new TrainingLogRow(
            runId,
            log.iteration(),
            log.loss(),
            positives,
            negatives,
            log.learningRate(),
            imagesPerSecond));
  }

  @Override
  public void onCheckpoint(CheckpointMeta meta) {
    flush();
    repository.recordCheckpoint(
        new CheckpointRow(
            runId,
            meta.iteration(),
            checkpoints.location(meta.iteration()),
            meta.configHash(),
            clock.instant()));
  }

  /** Writes the log rows not written yet. */
  public void flush() {
    if (!pending.isEmpty()) {
      repository.appendTrainingLog(List.copyOf(pending));
      pending.clear();
    }
  }
}
