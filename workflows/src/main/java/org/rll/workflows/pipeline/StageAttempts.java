package org.rll.workflows.pipeline;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ServerFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs a stage's activity until it succeeds, fails for good, or has used every try its {@link
 * StageRetryPolicy} allows. Retries live here, in the workflow, rather than in Temporal's activity
 * retry options, so the run itself knows that it is retrying, why and for which time: the {@code
 * progress} query reports it, and the failure that ends the run names the stage, the tries and the
 * last error. A failure the activity marked non-retryable (bad input) ends the stage at once. Each
 * retry is one line in the log; the SDK logs the failure that ends the run once, with its stack
 * trace, which the activity's exception carries as its cause.
 */
final class StageAttempts {
  private static final Logger LOG = Workflow.getLogger(StageAttempts.class);

  private final StageRetryPolicy policy;
  private final Consumer<Retrying> onRetry;
  private final BooleanSupplier wakeEarly;

  /**
   * Tries under {@code policy}; {@code onRetry} hears of every retry before its wait, which ends
   * early once {@code wakeEarly} holds (a cancellation the next try should see).
   */
  StageAttempts(StageRetryPolicy policy, Consumer<Retrying> onRetry, BooleanSupplier wakeEarly) {
    this.policy = policy;
    this.onRetry = onRetry;
    this.wakeEarly = wakeEarly;
  }

  /** The result of {@code activity}, the stage {@code stage}, tried as the policy allows. */
  <T> T run(String stage, Supplier<T> activity) {
    for (int attempt = 1; ; attempt++) {
      try {
        return activity.get();
      } catch (ActivityFailure e) {
        if (!retryable(e)) {
          throw e;
        }
        String error = describe(e);
        if (attempt >= policy.maxAttempts()) {
          throw ApplicationFailure.newNonRetryableFailureWithCause(
              stage + " failed after " + attempt + " attempts; last error: " + error,
              "StageFailedException",
              e);
        }
        Duration wait = policy.waitAfter(attempt);
        Retrying retrying = new Retrying(stage, attempt + 1, policy.maxAttempts(), error);
        LOG.warn("{} in {} s", retrying, wait.toSeconds());
        onRetry.accept(retrying);
        Workflow.await(wait, wakeEarly::getAsBoolean);
      }
    }
  }

  /**
   * Whether another try may succeed: a transient application failure, a timeout, a server fault.
   */
  static boolean retryable(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure application) {
      return !application.isNonRetryable();
    }
    if (cause instanceof ServerFailure server) {
      return !server.isNonRetryable();
    }
    return cause instanceof TimeoutFailure;
  }

  /** What went wrong, in one line. */
  static String describe(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    if (cause instanceof TimeoutFailure timeout) {
      return switch (timeout.getTimeoutType()) {
        case TIMEOUT_TYPE_HEARTBEAT -> "no heartbeat in time: the worker stopped or was lost";
        case TIMEOUT_TYPE_START_TO_CLOSE -> "the attempt ran past its time limit";
        default -> "timed out (" + timeout.getTimeoutType() + ")";
      };
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }
}
