package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.RawValue;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RootCause;
import org.rll.workflows.RunStatus;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.sweep.RllSweep;
import org.rll.workflows.sweep.SweepResult;

/** Sweeps with the real pipeline and activities: each run is an ordinary run. */
class SweepRunTest extends PipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  SweepRunTest(DataSource dataSource) {
    super(dataSource);
  }

  private RllSweep sweep(String id) {
    return harness.client.newWorkflowStub(
        RllSweep.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  private RawValue sweepOf(String axes) throws Exception {
    ObjectNode sweep = (ObjectNode) JSON.readTree("{\"maxParallel\": 2, \"seeds\": [0]}");
    sweep.set(
        "base",
        JSON.readTree(
            PipelineHarness.tinyTree("unused", fashionMnist, 4, null)
                .set("runId", null)
                .toString()));
    sweep.set("axes", JSON.readTree(axes));
    return SpecCodec.encode(sweep);
  }

  @Test
  void eachSettingIsAnOrdinaryRunWithItsOwnLoss() throws Exception {
    SweepResult result =
        sweep("sw")
            .run(
                sweepOf("[{\"path\": \"loss.type\", \"values\": [\"ranked-list\", \"triplet\"]}]"));

    assertEquals(2, result.progress().succeeded(), result.toString());
    assertEquals(List.of(), result.failedRuns());
    List<String> runs =
        repository.runs(Optional.empty()).stream()
            .map(r -> r.runId())
            .filter(id -> id.startsWith("sw-"))
            .sorted()
            .toList();
    assertEquals(2, runs.size(), runs.toString());
    for (String run : runs) {
      assertEquals(RunStatus.SUCCEEDED, repository.run(run).orElseThrow().status());
      assertEquals(4, repository.trainingLog(run).size());
      assertTrue(run.endsWith("-s0"), run);
    }
    List<Double> first =
        repository.trainingLog(runs.get(0)).stream().map(TrainingLogRow::loss).toList();
    List<Double> second =
        repository.trainingLog(runs.get(1)).stream().map(TrainingLogRow::loss).toList();
    assertTrue(!first.equals(second), "two losses train differently: " + first + " " + second);
  }

  @Test
  void aSettingTheRunsWouldRefuseFailsTheSweepBeforeAnyRunStarts() throws Exception {
    WorkflowFailedException e =
        assertThrows(
            WorkflowFailedException.class,
            () ->
                sweep("bad")
                    .run(
                        sweepOf(
                            "[{\"path\": \"loss.type\", \"values\": [\"triplet\", \"arcface\"]}]")));
    String message = RootCause.message(e);
    assertTrue(
        message.startsWith("setting loss.type=\"arcface\": loss.type must be one of ranked-list,"),
        message);
    assertTrue(
        repository.runs(Optional.empty()).stream().noneMatch(r -> r.runId().startsWith("bad-")));
  }
}
