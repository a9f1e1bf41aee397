package org.rll.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueWaitTest {
  private static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void theLongestWaitOfAnActivityNoWorkerStartedIsChosen() {
    List<PendingActivityInfo> pending =
        List.of(
            pending("Evaluate", PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED, 60),
            pending("TrainChunk", PendingActivityState.PENDING_ACTIVITY_STATE_STARTED, 3600),
            pending("TrainChunk", PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED, 420));

    QueueWait wait = QueueWait.longest(pending).orElseThrow();

    assertEquals(new QueueWait("rll-gpu", "TrainChunk", NOON.minusSeconds(420)), wait);
    assertEquals(Duration.ofMinutes(7), wait.waited(NOON));
  }

  @Test
  void aStageOtherThanTrainingWaitsOnTheCpuQueue() {
    QueueWait wait =
        QueueWait.longest(
                List.of(
                    pending(
                        "PrepareDataset",
                        PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED,
                        5)))
            .orElseThrow();

    assertEquals("rll-cpu", wait.taskQueue());
  }

  @Test
  void startedActivitiesAreNoWait() {
    assertTrue(
        QueueWait.longest(
                List.of(
                    pending("TrainChunk", PendingActivityState.PENDING_ACTIVITY_STATE_STARTED, 900),
                    pending(
                        "TrainChunk",
                        PendingActivityState.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED,
                        900)))
            .isEmpty());
  }

  @Test
  void theNoticeStartsAtFiveMinutes() {
    QueueWait wait = new QueueWait("rll-gpu", "TrainChunk", NOON);

    assertFalse(wait.overdue(NOON.plusSeconds(299)));
    assertTrue(wait.overdue(NOON.plusSeconds(300)));
    assertFalse(wait.overdue(NOON.minusSeconds(30)), "a clock behind the server's is no wait");
    assertTrue(wait.notice(NOON.plusSeconds(299)).isEmpty());
    assertEquals(
        Optional.of(wait.describe(NOON.plusSeconds(300))), wait.notice(NOON.plusSeconds(300)));
  }

  @Test
  void longWaitsAreGivenInHoursAndMinutes() {
    QueueWait wait = new QueueWait("rll-gpu", "TrainChunk", NOON);

    assertEquals(
        "waiting for a worker on rll-gpu for 119 min"
            + " (TrainChunk: no worker polls rll-gpu, or all are busy)",
        wait.describe(NOON.plus(Duration.ofMinutes(119)).plusSeconds(59)));
    assertEquals(
        "waiting for a worker on rll-gpu for 3 h 5 min"
            + " (TrainChunk: no worker polls rll-gpu, or all are busy)",
        wait.describe(NOON.plus(Duration.ofMinutes(185))));
  }

  private static PendingActivityInfo pending(
      String type, PendingActivityState state, long secondsAgo) {
    return PendingActivityInfo.newBuilder()
        .setActivityType(ActivityType.newBuilder().setName(type))
        .setState(state)
        .setScheduledTime(Timestamp.newBuilder().setSeconds(NOON.getEpochSecond() - secondsAgo))
        .build();
  }
}
