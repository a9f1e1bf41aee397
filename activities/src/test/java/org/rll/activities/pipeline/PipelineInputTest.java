package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecTree;

/** What the workflow accepts as input and how it refuses bad input: at once, naming the problem. */
class PipelineInputTest extends PipelineTest {
  PipelineInputTest(DataSource dataSource) {
    super(dataSource);
  }

  @Test
  void rawJsonAsTheTemporalCliSendsItRuns() {
    String json =
        "{\"dataset\":{\"source\":\""
            + fashionMnist.toUri()
            + "\"},\"sampler\":{\"classesPerBatch\":5,\"imagesPerClass\":4},"
            + "\"model\":{\"backbone\":\"small-conv\"},"
            + "\"training\":{\"iterations\":2,\"checkpointEvery\":2,\"chunkIterations\":2},"
            + "\"someUnknownField\":1}";
    harness.startRaw("wf-cli", PipelineHarness.json(json));

    PipelineResult result =
        harness.client.newUntypedWorkflowStub("wf-cli").getResult(PipelineResult.class);

    assertEquals("wf-cli", result.runId());
    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertEquals(2, result.iterationsDone());
    assertTrue(harness.store.exists("runs/wf-cli/model.onnx"));
  }

  @Test
  void anInvalidSpecFailsAtOnceNamingTheValue() {
    PipelineSpec spec =
        SpecTree.parse(
                "{\"runId\": \"bad\", \"sampler\": {\"classesPerBatch\": 1, \"imagesPerClass\": 4}}")
            .set("dataset.source", fashionMnist.toUri().toString())
            .toSpec();

    ApplicationFailure failure = failure(() -> harness.run("wf-bad", spec));

    assertEquals("sampler.classesPerBatch must be >= 2, got 1", failure.getOriginalMessage());
    assertEquals("ValidationException", failure.getType());
    assertTrue(repository.run("bad").isEmpty());
  }

  @Test
  void aChecksumMismatchFailsTheRunAtOnce() throws IOException {
    Path archive = Files.writeString(dir.resolve("fashion-mnist.tgz"), "not the archive");
    String pin = "sha256:" + "0".repeat(64);
    PipelineSpec spec =
        SpecTree.empty()
            .set("runId", "pinned")
            .set("dataset.source", archive.toUri().toString())
            .set("dataset.checksum", pin)
            .toSpec();

    ApplicationFailure failure = failure(() -> harness.run("wf-pin", spec));

    assertEquals("CorruptDataException", failure.getType());
    assertTrue(failure.getOriginalMessage().contains("0".repeat(64)), failure.getOriginalMessage());
    assertEquals(RunStatus.FAILED, repository.run("pinned").orElseThrow().status());
  }

  @Test
  void aSourceThatIsNotAnArchiveFailsTheRunAtOnceSayingWhatItIs() throws IOException {
    Path text = Files.writeString(dir.resolve("fashion-mnist.tgz"), "not the archive");
    PipelineSpec spec =
        SpecTree.empty()
            .set("runId", "text")
            .set("dataset.source", text.toUri().toString())
            .toSpec();

    ApplicationFailure failure = failure(() -> harness.run("wf-text", spec));

    assertEquals("CorruptDataException", failure.getType());
    assertEquals(
        "'fashion-mnist.tgz' is a text file, not a gzip stream (it starts \"not the archive\");"
            + " expected .tgz, .tar.gz, .tar or .zip",
        failure.getOriginalMessage());
    assertEquals(RunStatus.FAILED, repository.run("text").orElseThrow().status());
  }

  /** The non-retryable application failure that failed the workflow {@code run} starts. */
  private static ApplicationFailure failure(Runnable run) {
    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, run::run);
    ActivityFailure activity = assertInstanceOf(ActivityFailure.class, failed.getCause());
    ApplicationFailure failure = assertInstanceOf(ApplicationFailure.class, activity.getCause());
    assertTrue(failure.isNonRetryable());
    return failure;
  }
}
