package org.rll.db;

import java.time.Instant;
import java.util.List;

/**
 * A sweep as a list of sweeps shows it.
 *
 * @param axes the spec paths of its axes, in order
 * @param runs how many runs it recorded
 */
public record SweepListing(String sweepId, List<String> axes, int runs, Instant createdAt) {

  public SweepListing {
    axes = List.copyOf(axes);
  }
}
