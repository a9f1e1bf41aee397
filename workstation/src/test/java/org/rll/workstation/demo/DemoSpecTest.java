package org.rll.workstation.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;

class DemoSpecTest {
  private static final Path SOURCE = Path.of("/d/fashion-mnist");

  private static DemoSettings settings(int iterations, boolean fullSet) {
    return new DemoSettings(iterations, 5, 4, 0.01, 3, fullSet, Path.of("/h"));
  }

  @Test
  void theSettingsLandAtTheirSpecPaths() {
    PipelineSpec spec = DemoSpec.of(settings(4, false), SOURCE);

    assertTrue(spec.runId().matches("demo-[0-9a-f]{16}"), spec.runId());
    assertEquals(
        """
        {"dataset":{"source":"file:///d/fashion-mnist","format":"fashion-mnist"},\
        "sampler":{"classesPerBatch":5,"imagesPerClass":4},\
        "model":{"backbone":"small-conv"},\
        "training":{"iterations":4,"learningRate":0.01,"seed":3,"checkpointEvery":100,\
        "chunkIterations":100},\
        "evaluation":{"untrained":true}}""",
        SpecCodec.encode(spec.withRunId(null)).getPayload().getData().toStringUtf8());
  }

  /** A demo run again with the same settings continues, or finds, the run it started. */
  @Test
  void theRunIdFollowsTheSettings() {
    String runId = DemoSpec.of(settings(4, false), SOURCE).runId();

    assertEquals(runId, DemoSpec.of(settings(4, false), SOURCE).runId());
    assertNotEquals(runId, DemoSpec.of(settings(5, false), SOURCE).runId());
    assertNotEquals(runId, DemoSpec.of(settings(4, true), SOURCE).runId());
  }
}
