package org.rll.workflows.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.RawValue;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.SpecCodec;

/**
 * The sweep workflow over scripted child pipelines on Temporal's test server: every run once, at
 * most maxParallel at a time, runs that succeeded before skipped, failures counted without stopping
 * the others, bad sweeps refused before any run starts, cancellation passed on to the children.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RllSweepTest {
  private static final String SWEEP =
      """
      {"base": {"dataset": {"source": "/d"}},
       "axes": [{"path": "loss.alpha", "values": [1, 2, 9, 4, 5]}],
       "seeds": [0, 1], "maxParallel": 3}
      """;

  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;
  private volatile Set<String> succeededBefore = Set.of();
  private final List<String> prepared = new CopyOnWriteArrayList<>();

  /**
   * Prepares by recording the sweep's id and answering the runs that succeeded before, those of
   * earlier executions included.
   */
  final class Preparation implements SweepActivities {
    @Override
    public Set<String> prepare(String sweepId, SweepSpec sweep) {
      prepared.add(sweepId);
      Set<String> succeeded = new TreeSet<>(succeededBefore);
      succeeded.addAll(ScriptedPipeline.SUCCEEDED);
      return succeeded;
    }
  }

  @BeforeEach
  void start() {
    ScriptedPipeline.reset();
    temporal = TestWorkflowEnvironment.newInstance();
    Worker cpu = temporal.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(RllSweepImpl.class, ScriptedPipeline.class);
    cpu.registerActivitiesImplementations(new Preparation());
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    temporal.close();
  }

  private RllSweep sweep(String id) {
    return client.newWorkflowStub(
        RllSweep.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CPU).build());
  }

  private static RawValue input(String json) throws Exception {
    return SpecCodec.encode(new ObjectMapper().readTree(json));
  }

  @Test
  void runsEverySettingAndSeedAtMostMaxParallelAtOnce() throws Exception {
    SweepResult result = sweep("sw").run(input(SWEEP));

    assertEquals(10, ScriptedPipeline.STARTED.get());
    assertEquals(3, ScriptedPipeline.MOST_RUNNING.get());
    assertEquals(List.of("sw"), prepared);
    SweepProgress progress = result.progress();
    assertEquals(List.of(10, 0, 0, 8, 2, 0), counts(progress));
    assertEquals(0.5, progress.best().recallAt1());
    assertEquals("loss.alpha=5", progress.best().setting());
    assertTrue(
        progress.best().runId().startsWith("sw-") && progress.best().runId().endsWith("-s0"));
    assertEquals(2, result.failedRuns().size());
    assertTrue(
        result.failedRuns().get(0).endsWith(": alpha 9 diverged"), result.failedRuns().toString());

    WorkflowExecutionHistory history = client.fetchHistory("sw");
    WorkflowReplayer.replayWorkflowExecution(history, RllSweepImpl.class);
  }

  @Test
  void runsThatSucceededBeforeAreNotRunAgain() throws Exception {
    SweepPlan plan =
        SweepPlan.of("again", SpecCodec.decode(SpecCodec.tree(input(SWEEP)), SweepSpec.class));
    succeededBefore = Set.of(plan.runs().get(0).runId(), plan.runs().get(1).runId());

    SweepResult result = sweep("again").run(input(SWEEP));

    assertEquals(8, ScriptedPipeline.STARTED.get());
    assertEquals(List.of(10, 0, 0, 8, 2, 0), counts(result.progress()));
  }

  @Test
  void aBadSweepFailsBeforeAnyRunStarts() throws Exception {
    String bad = SWEEP.replace("\"maxParallel\": 3", "\"maxParallel\": 0");
    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> sweep("bad").run(input(bad)));

    assertEquals(
        "maxParallel must be at least 1, got 0",
        ((ApplicationFailure) e.getCause()).getOriginalMessage());
    assertEquals(0, ScriptedPipeline.STARTED.get());
    assertEquals(List.of(), prepared);
  }

  @Test
  void cancellingTheSweepStopsItsRunsAndStartsNoMore() throws Exception {
    RllSweep sweep = sweep("stopped");
    WorkflowClient.start(sweep::run, input(SWEEP));
    temporal.sleep(Duration.ofMinutes(30));
    assertEquals(List.of(10, 7, 3, 0, 0, 0), counts(sweep.progress()));

    sweep.cancel();
    SweepResult result = WorkflowStub.fromTyped(sweep).getResult(SweepResult.class);

    assertEquals(3, ScriptedPipeline.STARTED.get());
    assertEquals(List.of(10, 7, 0, 0, 0, 3), counts(result.progress()));
  }

  @Test
  void aLargeSweepContinuesAsNewWithoutRunningAnyRunTwice() throws Exception {
    String values =
        IntStream.range(10, 10 + RllSweepImpl.RUNS_PER_EXECUTION + 1)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(", "));
    String large =
        "{\"base\": {\"dataset\": {\"source\": \"/d\"}}, \"maxParallel\": 50,"
            + " \"axes\": [{\"path\": \"loss.alpha\", \"values\": ["
            + values
            + "]}]}";

    SweepResult result = sweep("large").run(input(large));

    assertEquals(List.of("large", "large"), prepared, "one preparation per execution");
    assertEquals(RllSweepImpl.RUNS_PER_EXECUTION + 1, ScriptedPipeline.STARTED.get());
    assertEquals(
        List.of(
            RllSweepImpl.RUNS_PER_EXECUTION + 1, 0, 0, RllSweepImpl.RUNS_PER_EXECUTION + 1, 0, 0),
        counts(result.progress()));
  }

  private static List<Integer> counts(SweepProgress p) {
    return List.of(p.total(), p.pending(), p.running(), p.succeeded(), p.failed(), p.cancelled());
  }
}
