package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rll.db.CheckpointRow;
import org.rll.db.MetricRow;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.RllPipelineImpl;
import org.rll.workflows.spec.PipelineSpec;

/** Whole runs of the pipeline workflow with the real activities on Temporal's test server. */
class PipelineRunTest extends PipelineTest {
  /**
   * Set to a file path to save the first run's history there, as the replay test's resource: {@code
   * ./mvnw -B -o -pl activities test -Dtest=PipelineRunTest#aRunSucceeds
   * -Drll.history.out=$PWD/activities/src/test/resources/org/rll/activities/pipeline/rll-pipeline-history.json}.
   */
  static final String HISTORY_OUT = "rll.history.out";

  PipelineRunTest(DataSource dataSource) {
    super(dataSource);
  }

  @Test
  void aRunSucceeds() throws Exception {
    PipelineResult result =
        harness.run("wf-a", PipelineHarness.tinySpec("run-a", fashionMnist, 6, null));

    assertEquals("run-a", result.runId());
    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertEquals(6, result.iterationsDone());
    assertEquals("runs/run-a/model.onnx", result.modelKey());
    assertTrue(harness.store.exists("runs/run-a/model.onnx"));
    assertEquals(1, result.evaluations().size());
    assertEquals(6, result.evaluations().get(0).iteration());
    assertEquals(RunStatus.SUCCEEDED, repository.run("run-a").orElseThrow().status());
    assertEquals("wf-a", repository.run("run-a").orElseThrow().workflowId());
    assertEquals(
        LongStream.range(0, 6).boxed().toList(),
        repository.trainingLog("run-a").stream().map(TrainingLogRow::iteration).toList());
    assertEquals(
        List.of(2L, 4L, 6L),
        repository.checkpoints("run-a").stream()
            .map(CheckpointRow::iteration)
            .distinct()
            .sorted()
            .toList());
    List<MetricRow> metrics = repository.metrics("run-a");
    assertTrue(
        metrics.stream()
            .anyMatch(
                m ->
                    m.checkpointIteration() == 6
                        && m.head().equals("H")
                        && m.metric().equals("recall")
                        && m.k() == 1
                        && m.value() > 0.5),
        metrics.toString());

    WorkflowExecutionHistory history = harness.client.fetchHistory("wf-a");
    WorkflowReplayer.replayWorkflowExecution(history, RllPipelineImpl.class);
    String out = System.getProperty(HISTORY_OUT);
    if (out != null) {
      Files.writeString(Path.of(out), history.toJson(true), StandardCharsets.UTF_8);
    }
  }

  @Test
  void runsOfOneSpecEndAlikeAndPeriodicEvaluationScoresTheMiddle() {
    PipelineResult periodic =
        harness.run("wf-p", PipelineHarness.tinySpec("run-p", fashionMnist, 8, 4));
    PipelineResult plain =
        harness.run("wf-q", PipelineHarness.tinySpec("run-q", fashionMnist, 8, null));

    assertEquals(List.of(4L, 8L), periodic.evaluations().stream().map(e -> e.iteration()).toList());
    assertTrue(repository.metrics("run-p").stream().anyMatch(m -> m.checkpointIteration() == 4));
    assertArrayEquals(harness.parameters("run-p", 8), harness.parameters("run-q", 8));
    assertEquals(periodic.evaluations().get(1).metrics(), plain.evaluations().get(0).metrics());
    assertEquals(
        repository.run("run-p").orElseThrow().configHash(),
        repository.run("run-q").orElseThrow().configHash());
  }

  @Test
  void theUntrainedNetIsScoredAsIterationZeroAndTrainingIsUnchanged() {
    PipelineResult baseline =
        harness.run("wf-u", PipelineHarness.tinySpec("run-u", fashionMnist, 4, null, true));
    PipelineResult plain =
        harness.run("wf-v", PipelineHarness.tinySpec("run-v", fashionMnist, 4, null));

    assertEquals(List.of(0L, 4L), baseline.evaluations().stream().map(e -> e.iteration()).toList());
    assertTrue(repository.metrics("run-u").stream().anyMatch(m -> m.checkpointIteration() == 0));
    assertTrue(harness.store.exists("runs/run-u/model-0.onnx"));
    assertArrayEquals(harness.parameters("run-u", 4), harness.parameters("run-v", 4));
    assertEquals(baseline.evaluations().get(1).metrics(), plain.evaluations().get(0).metrics());
  }

  @Test
  void aSecondWorkflowOfAFinishedRunFindsEveryStageOutput() throws Exception {
    PipelineSpec spec = PipelineHarness.tinySpec("run-w", fashionMnist, 4, null, true);
    PipelineResult first = harness.run("wf-w", spec);
    List<String> keys = harness.store.list("runs/run-w/");
    Map<String, FileTime> written = new HashMap<>();
    for (String key : keys) {
      written.put(key, harness.written(key));
    }
    List<MetricRow> metrics = repository.metrics("run-w");

    PipelineResult again = harness.run("wf-w-resume-1", spec);

    assertEquals(first.evaluations().get(1), again.evaluations().get(0));
    assertEquals(keys, harness.store.list("runs/run-w/"));
    for (String key : keys) {
      assertEquals(written.get(key), harness.written(key), key);
    }
    assertEquals(metrics, repository.metrics("run-w"));
  }

  @Test
  void aProxyLossTrainsAcrossChunksExactlyAsInOne() throws Exception {
    PipelineSpec chunked =
        PipelineHarness.tinyTree("proxy-chunked", fashionMnist, 6, null)
            .set("loss.type", "proxy-anchor")
            .toSpec();
    PipelineSpec whole =
        PipelineHarness.tinyTree("proxy-whole", fashionMnist, 6, null)
            .set("loss.type", "proxy-anchor")
            .set("training.chunkIterations", 6)
            .toSpec();

    assertEquals(RunStatus.SUCCEEDED, harness.run("wf-proxy-chunked", chunked).status());
    assertEquals(RunStatus.SUCCEEDED, harness.run("wf-proxy-whole", whole).status());

    List<Double> chunkedLosses =
        repository.trainingLog("proxy-chunked").stream().map(TrainingLogRow::loss).toList();
    assertEquals(6, chunkedLosses.size());
    assertEquals(
        repository.trainingLog("proxy-whole").stream().map(TrainingLogRow::loss).toList(),
        chunkedLosses,
        "the second chunk resumes the proxies from the checkpoint at iteration 4");
  }
}
