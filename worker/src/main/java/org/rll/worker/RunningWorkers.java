package org.rll.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.rll.workflows.pipeline.RllPipelineImpl;
import org.rll.workflows.sweep.RllSweepImpl;

/**
 * Workers polling some of rll's task queues until closed. On {@code rll-cpu} they run the pipeline
 * workflow (unless activities only) and its CPU stages; on {@code rll-gpu} training, one chunk at a
 * time, since a process trains on one device.
 *
 * <p>Closing asks every worker to stop: a running training chunk sees the shutdown at its next
 * heartbeat, stops after its iteration and leaves a checkpoint; closing waits for that, up to the
 * grace period, then interrupts what is left and gives it {@link #UNWIND} to end. Whatever stops
 * the process (Docker, Kubernetes) must wait at least {@link #longestClose} after its SIGTERM.
 */
public final class RunningWorkers implements AutoCloseable {
  /** How long interrupted activities get to end once the grace period is over. */
  public static final Duration UNWIND = Duration.ofSeconds(30);

  private final WorkerFactory factory;
  private final List<String> description;
  private final Duration grace;

  private RunningWorkers(WorkerFactory factory, List<String> description, Duration grace) {
    this.factory = factory;
    this.description = List.copyOf(description);
    this.grace = grace;
  }

  /**
   * Starts workers on {@code queues}.
   *
   * @param workflows whether the {@code rll-cpu} worker also runs workflows; on the Temporal test
   *     server only the process that runs the server may (a killed process's workflow tasks are
   *     never handed to another worker there)
   */
  public static RunningWorkers start(
      WorkflowClient client,
      Set<Queue> queues,
      boolean workflows,
      Activities activities,
      Duration grace) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    List<String> description = new ArrayList<>();
    if (queues.contains(Queue.CPU)) {
      Worker worker = factory.newWorker(Queue.CPU.taskQueue());
      if (workflows) {
        worker.registerWorkflowImplementationTypes(RllPipelineImpl.class, RllSweepImpl.class);
      }
      worker.registerActivitiesImplementations(activities.pipeline(), activities.sweep());
      description.add(
          "polling "
              + Queue.CPU.taskQueue()
              + ": "
              + (workflows ? "the RllPipeline and RllSweep workflows and " : "")
              + "the pipeline and sweep stages");
    }
    if (queues.contains(Queue.GPU)) {
      Worker worker =
          factory.newWorker(
              Queue.GPU.taskQueue(),
              WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
      worker.registerActivitiesImplementations(activities.training());
      description.add("polling " + Queue.GPU.taskQueue() + ": training, one chunk at a time");
    }
    factory.start();
    return new RunningWorkers(factory, description, grace);
  }

  /** Why the workers do not poll, or empty while they run. */
  public Optional<String> problem() {
    if (factory.isShutdown() || factory.isTerminated()) {
      return Optional.of("the workers are shut down");
    }
    return factory.isStarted() ? Optional.empty() : Optional.of("the workers have not started");
  }

  /** One line per polled queue: what it runs there. */
  public List<String> description() {
    return description;
  }

  /** The longest {@link #close} of workers started with {@code grace}. */
  public static Duration longestClose(Duration grace) {
    return grace.plus(UNWIND);
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    factory.shutdownNow();
    factory.awaitTermination(UNWIND.toMillis(), TimeUnit.MILLISECONDS);
  }
}
