package org.rll.worker;

import org.rll.core.exceptions.RllException;

/** The Temporal frontend did not answer. */
public final class TemporalUnreachableException extends RllException {
  private static final long serialVersionUID = 1L;

  TemporalUnreachableException(String target, Throwable cause) {
    super(
        "Temporal is not reachable at "
            + target
            + " (`rll dev` starts one there; --temporal-target or RLL_TEMPORAL_TARGET names"
            + " another): "
            + cause.getMessage(),
        cause);
  }
}
