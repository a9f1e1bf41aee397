package org.rll.workstation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.worker.Queue;

/**
 * {@code rll status} of a run on a stack whose worker polls only {@code rll-cpu}, as {@code rll dev
 * --queues cpu} starts it: the training chunk waits on {@code rll-gpu}, and the JSON says so from
 * the moment it was scheduled (the text adds the notice after five minutes, which {@code
 * ProgressLineTest} checks).
 */
class QueueWaitStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void aChunkNoWorkerTakesShowsAsWaitingOnRllGpu() throws Exception {
    try (FakeStack stack = FakeStack.start(home, 1, EnumSet.of(Queue.CPU))) {
      Cli.Captured train =
          stack.rll("train", "--source", "file:///data/fake", "--run-id", "idle", "--detach");
      assertEquals(0, train.exit(), train.toString());

      JsonNode[] waiting = new JsonNode[1];
      FakeStack.await(
          () -> {
            waiting[0] = status(stack, "idle").get("workflow").get("waiting");
            return !waiting[0].isNull();
          });
      assertEquals("rll-gpu", waiting[0].get("taskQueue").asText(), waiting[0].toString());
      assertEquals("TrainChunk", waiting[0].get("activity").asText());
      assertFalse(waiting[0].get("overdue").asBoolean(), "seconds are within the notice");
      assertTrue(waiting[0].get("seconds").asLong() < 300, waiting[0].toString());

      Cli.Captured text = stack.rll("status", "idle");
      assertTrue(text.out().contains("workflow idle is running: train"), text.out());
      assertFalse(text.out().contains("waiting for a worker"), text.out());
    }
  }

  private static JsonNode status(FakeStack stack, String runId) {
    Cli.Captured status = stack.rll("status", runId, "--format", "json");
    assertEquals(0, status.exit(), status.toString());
    try {
      return JSON.readTree(status.out());
    } catch (Exception e) {
      throw new AssertionError(status.out(), e);
    }
  }
}
