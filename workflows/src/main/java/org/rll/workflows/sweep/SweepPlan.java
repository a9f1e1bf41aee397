package org.rll.workflows.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.spec.SpecPaths;
import org.rll.workflows.spec.SpecTree;

/**
 * The runs of a sweep, every one decoded and named before any starts: a sweep that cannot run whole
 * fails at once with a message naming the problem.
 *
 * @param runs one run per setting and seed, settings in axis order (the first axis outermost),
 *     seeds inside
 * @param maxParallel how many runs train at once
 */
public record SweepPlan(List<SweepRun> runs, int maxParallel) {
  /** The most settings a grid may have unless the sweep allows more. */
  public static final int MAX_SETTINGS = 10_000;

  private static final int DEFAULT_MAX_PARALLEL = 4;
  private static final Set<String> SET_BY_THE_SWEEP = Set.of("runId", "training.seed");

  public SweepPlan {
    runs = List.copyOf(runs);
  }

  /** The plan of {@code spec} for the sweep {@code sweepId}. */
  public static SweepPlan of(String sweepId, SweepSpec spec) {
    check(
        spec != null && spec.base() != null && spec.base().isObject(),
        "a sweep needs a base spec: {\"base\": {\"dataset\": {...}}, \"axes\": [...]}");
    int maxParallel = spec.maxParallel() == null ? DEFAULT_MAX_PARALLEL : spec.maxParallel();
    check(maxParallel >= 1, "maxParallel must be at least 1, got " + maxParallel);
    List<SweepAxis> axes = axes(spec.axes());
    List<SweepSetting> settings =
        settings(axes, spec.combine(), Boolean.TRUE.equals(spec.allowLarge()));
    List<Long> seeds = seeds(spec);
    List<SweepRun> runs = new ArrayList<>(settings.size() * seeds.size());
    for (SweepSetting setting : settings) {
      for (long seed : seeds) {
        runs.add(run(sweepId, (ObjectNode) spec.base(), setting, seed));
      }
    }
    return new SweepPlan(runs, maxParallel);
  }

  private static List<SweepAxis> axes(List<SweepAxis> axes) {
    check(
        axes != null && !axes.isEmpty(),
        "a sweep needs at least one axis: \"axes\": [{\"path\": \"loss.alpha\", \"values\": [1.0, 1.4]}]");
    Set<String> paths = new HashSet<>();
    for (SweepAxis axis : axes) {
      check(
          axis != null && axis.path() != null && !axis.path().isBlank(),
          "every axis needs a path such as loss.alpha");
      check(
          !SET_BY_THE_SWEEP.contains(axis.path()),
          "axis " + axis.path() + " is set by the sweep itself: give seeds in \"seeds\"");
      SpecPaths.require(axis.path());
      check(paths.add(axis.path()), "axis " + axis.path() + " appears twice");
      check(
          axis.values() != null && !axis.values().isEmpty(),
          "axis " + axis.path() + " has no values");
    }
    return axes;
  }

  private static List<SweepSetting> settings(
      List<SweepAxis> axes, String combine, boolean allowLarge) {
    String mode = combine == null ? "grid" : combine;
    if (mode.equals("zip")) {
      int length = axes.get(0).values().size();
      for (SweepAxis axis : axes) {
        check(
            axis.values().size() == length,
            String.format(
                Locale.ROOT,
                "zip needs axes of one length: %s has %d values, %s has %d",
                axes.get(0).path(),
                length,
                axis.path(),
                axis.values().size()));
      }
      List<SweepSetting> settings = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        Map<String, JsonNode> overrides = new LinkedHashMap<>();
        for (SweepAxis axis : axes) {
          overrides.put(axis.path(), axis.values().get(i));
        }
        settings.add(new SweepSetting(overrides));
      }
      return settings;
    }
    check(mode.equals("grid"), "combine must be grid or zip, got '" + mode + "'");
    long size = 1;
    for (SweepAxis axis : axes) {
      size = Math.min(size * axis.values().size(), Long.MAX_VALUE / 2);
    }
    check(
        size <= MAX_SETTINGS || allowLarge,
        String.format(
            Locale.ROOT,
            "the grid has %,d settings; more than %,d need allowLarge (rll sweep --yes)",
            size,
            MAX_SETTINGS));
    List<SweepSetting> settings = new ArrayList<>();
    grid(axes, 0, new LinkedHashMap<>(), settings);
    return settings;
  }

  private static void grid(
      List<SweepAxis> axes, int next, Map<String, JsonNode> chosen, List<SweepSetting> out) {
    if (next == axes.size()) {
      out.add(new SweepSetting(chosen));
      return;
    }
    for (JsonNode value : axes.get(next).values()) {
      chosen.put(axes.get(next).path(), value);
      grid(axes, next + 1, chosen, out);
    }
    chosen.remove(axes.get(next).path());
  }

  private static List<Long> seeds(SweepSpec spec) {
    if (spec.seeds() == null) {
      JsonNode seed = spec.base().path("training").path("seed");
      return List.of(seed.canConvertToLong() ? seed.longValue() : 0L);
    }
    check(!spec.seeds().isEmpty(), "seeds must hold at least one seed");
    check(
        new HashSet<>(spec.seeds()).size() == spec.seeds().size(),
        "seeds must differ, got " + spec.seeds());
    return spec.seeds();
  }

  private static SweepRun run(String sweepId, ObjectNode base, SweepSetting setting, long seed) {
    String runId = sweepId + "-" + setting.hash() + "-s" + seed;
    SpecTree tree = SpecTree.parse(base.toString());
    setting.overrides().forEach(tree::set);
    tree.set("training.seed", seed).set("runId", runId);
    try {
      return new SweepRun(runId, setting, seed, tree.toSpec());
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException("setting " + setting.describe() + ": " + e.getMessage());
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidSpecException(message);
    }
  }
}
