package org.rll.activities.pipeline;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rll.workflows.pipeline.RllPipelineImpl;

/**
 * Replays a stored history of a whole run against today's {@link RllPipelineImpl}: a change to the
 * workflow code that would break running workflows fails here. The resource is regenerated as
 * {@link PipelineRunTest#HISTORY_OUT} describes, after a deliberate, versioned workflow change.
 */
class PipelineReplayTest {
  private static final String HISTORY = "rll-pipeline-history.json";

  @Test
  void aStoredRunReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(), RllPipelineImpl.class);
  }

  private static String history() throws IOException {
    try (InputStream in = PipelineReplayTest.class.getResourceAsStream(HISTORY)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
