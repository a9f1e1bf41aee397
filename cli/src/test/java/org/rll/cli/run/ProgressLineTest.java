package org.rll.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rll.workflows.pipeline.Progress;
import org.rll.workflows.pipeline.QueueWait;
import org.rll.workflows.pipeline.Retrying;

class ProgressLineTest {
  @Test
  void aTrainingLineShowsTheBarLossAndThroughput() {
    Progress progress = new Progress("r", "train", 50, 200, 0.51234, 940.4, "k", List.of(), null);

    assertEquals(
        "train              [#####...............] 50/200  loss 0.5123  940 images/s",
        ProgressLine.format(progress));
  }

  @Test
  void aRetryShowsTheStageTheErrorAndTheAttempt() {
    Retrying retrying =
        new Retrying("prepare dataset", 3, 10, "cannot read s3://b/k: HTTP 503 SlowDown");
    Progress progress =
        new Progress("r", "prepare dataset", 0, 200, null, null, null, List.of(), retrying);

    assertEquals(
        "prepare dataset    [....................] 0/200  retrying prepare dataset: cannot read"
            + " s3://b/k: HTTP 503 SlowDown, attempt 3 of 10",
        ProgressLine.format(progress));
  }

  @Test
  void aWaitForAWorkerIsShownOnceItIsOverdue() {
    Progress progress = new Progress("r", "train", 0, 200, null, null, null, List.of(), null);
    Instant scheduled = Instant.parse("2026-12-06T12:00:00Z");
    Optional<QueueWait> wait = Optional.of(new QueueWait("rll-gpu", "TrainChunk", scheduled));
    String line = "train              [....................] 0/200";

    assertEquals(line, ProgressLine.format(progress, wait, scheduled.plusSeconds(299)));
    assertEquals(
        line
            + "  waiting for a worker on rll-gpu for 5 min"
            + " (TrainChunk: no worker polls rll-gpu, or all are busy)",
        ProgressLine.format(progress, wait, scheduled.plusSeconds(300)));
    assertEquals(line, ProgressLine.format(progress, Optional.empty(), scheduled.plusSeconds(900)));
  }
}
