package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One sweep as stored in {@code sweeps}: its spec and the spec paths its axes vary, in the order
 * the sweep lists them (the first axis is the outermost of its settings).
 *
 * <p>{@code specJson} is stored as {@code jsonb} and reads back in PostgreSQL's normal form, as
 * {@link RunRow#specJson()} does; times keep microseconds.
 *
 * @param axes the axis paths, such as {@code loss.alpha}; at least one, each once
 */
public record SweepRow(
    String sweepId, String specJson, List<String> axes, Instant createdAt, Instant updatedAt) {

  public SweepRow {
    check(sweepId != null && !sweepId.isBlank(), "sweep id must not be blank, got '%s'", sweepId);
    check(specJson != null && !specJson.isBlank(), "sweep %s: spec must not be blank", sweepId);
    check(
        axes != null && !axes.isEmpty(),
        "sweep %s: axes must name at least one path, got %s",
        sweepId,
        axes);
    Set<String> seen = new HashSet<>();
    for (String axis : axes) {
      check(
          axis != null && !axis.isBlank(),
          "sweep %s: axis paths must not be blank, got '%s'",
          sweepId,
          axis);
      check(seen.add(axis), "sweep %s: axis '%s' appears twice in %s", sweepId, axis, axes);
    }
    check(createdAt != null && updatedAt != null, "sweep %s: times must not be null", sweepId);
    axes = List.copyOf(axes);
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
  }
}
