package org.rll.core.train;

/**
 * Told as each phase of a training step ends, so a profiler can time the phases. On a CPU the
 * engine runs every operation before returning, so the time between two calls is that phase's cost;
 * on an asynchronous device it is only the time to queue the work.
 */
@FunctionalInterface
public interface StepPhases {
  /** Ignores every phase. */
  StepPhases NONE = phase -> {};

  /** The phases of one step, in the order they run. */
  enum Phase {
    /** Clearing the gradients left by the previous step. */
    ZERO_GRADIENTS,
    /** The network's forward pass in training mode. */
    FORWARD,
    /** The loss of every head, forward only. */
    LOSS,
    /** Back-propagation through the loss and the network. */
    BACKWARD,
    /** The parameter update. */
    OPTIMIZER
  }

  /** Called when {@code phase} has finished. */
  void ended(Phase phase);
}
