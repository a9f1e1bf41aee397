package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.RllPipeline;

/**
 * A property of the workflow's input handling: whatever 200 seeded random mutations do to a valid
 * spec (types swapped, values nulled, extra nesting, keys duplicated, braces removed), each run
 * either ends FAILED with a message or passes validation; none is left running with a workflow task
 * that cannot succeed. A failing case names its seed, which reproduces it.
 */
class SpecMutationPropertyTest extends PipelineTest {
  private static final int CASES = 200;
  private static final long SEED = 2026_12_05L;
  private static final long DEADLINE_MILLIS = 30_000;
  private static final Set<String> BEFORE_VALIDATION = Set.of("starting", "plan");

  SpecMutationPropertyTest(DataSource dataSource) {
    super(dataSource);
  }

  enum Outcome {
    FAILED_WITH_MESSAGE,
    PASSED_VALIDATION
  }

  @Test
  void everyMutatedSpecFailsWithAMessageOrPassesValidation() throws InterruptedException {
    String valid =
        "{\"runId\":\"mutant\",\"dataset\":{\"source\":\""
            + fashionMnist.toUri()
            + "\",\"format\":\"fashion-mnist\",\"minImagesPerClass\":2},"
            + "\"loss\":{\"alpha\":1.2,\"margin\":0.4,\"temperature\":10},"
            + "\"sampler\":{\"classesPerBatch\":5,\"imagesPerClass\":4},"
            + "\"model\":{\"backbone\":\"small-conv\",\"heads\":[\"H\"],\"embeddingDim\":16},"
            + "\"training\":{\"iterations\":2,\"lrSteps\":[1],\"seed\":7,\"chunkIterations\":2},"
            + "\"evaluation\":{\"ks\":[1,2],\"untrained\":false},\"retry\":{\"maxAttempts\":2}}";
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (int i = 0; i < CASES; i++) {
      long seed = SEED + i;
      String json = SpecMutations.mutate(valid, seed).replace("mutant", "mutant-" + i);
      outcomes.merge(outcome("mutant-" + i, json, seed), 1, Integer::sum);
    }
    System.out.println("mutated specs: " + outcomes);
    assertEquals(Set.of(Outcome.values()), outcomes.keySet(), "the mutations reach both ends");
  }

  private Outcome outcome(String workflowId, String json, long seed) throws InterruptedException {
    harness.startRaw(workflowId, PipelineHarness.json(json));
    WorkflowStub stub = harness.client.newUntypedWorkflowStub(workflowId);
    RllPipeline pipeline = harness.client.newWorkflowStub(RllPipeline.class, workflowId);
    long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      WorkflowExecutionStatus status = stub.describe().getWorkflowExecutionInfo().getStatus();
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return closed(stub, status, json, seed);
      }
      if (!BEFORE_VALIDATION.contains(pipeline.progress().stage())) {
        stub.terminate("passed validation");
        return Outcome.PASSED_VALIDATION;
      }
      Thread.sleep(10);
    }
    stub.terminate("wedged");
    return fail("seed " + seed + " left the workflow running: " + json);
  }

  private static Outcome closed(
      WorkflowStub stub, WorkflowExecutionStatus status, String json, long seed) {
    assertNotEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, status, "seed " + seed);
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      return Outcome.PASSED_VALIDATION;
    }
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
        status,
        "seed " + seed + ": " + json);
    try {
      stub.getResult(PipelineResult.class);
      return fail("seed " + seed + " failed without a failure");
    } catch (WorkflowFailedException e) {
      String message = messageOf(e);
      assertFalse(
          message == null || message.isBlank() || message.endsWith(": null"),
          "seed " + seed + ": " + message);
      return Outcome.FAILED_WITH_MESSAGE;
    }
  }

  private static String messageOf(WorkflowFailedException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure application) {
        return application.getOriginalMessage();
      }
      if (!(cause instanceof TemporalFailure)) {
        break;
      }
    }
    return null;
  }
}
