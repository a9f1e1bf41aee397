package org.rll.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.workflows.pipeline.Progress;
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
}
