package org.rll.cli.ui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.rll.db.RunSummary;

/** A {@link RunSummary} as the API gives it, with its live status and its spec's facts. */
final class RunJson {
  private final ObjectMapper json;
  private final LiveStatus live;

  RunJson(ObjectMapper json, LiveStatus live) {
    this.json = json;
    this.live = live;
  }

  ObjectNode of(RunSummary summary) {
    LiveStatus.Shown shown = live.of(summary.run());
    SpecFacts facts = SpecFacts.of(summary.run());
    ObjectNode node = json.createObjectNode();
    node.put("runId", summary.run().runId());
    node.put("status", shown.status());
    node.put("liveStatus", shown.live());
    node.put("waiting", shown.waiting().orElse(null));
    node.put("dataset", summary.run().dataset());
    node.put("backbone", facts.backbone().orElse(null));
    node.put("loss", facts.loss().orElse(null));
    node.put("iterationsDone", done(summary.lastIteration()));
    if (facts.iterations().isPresent()) {
      node.put("iterationsTotal", facts.iterations().getAsInt());
    } else {
      node.putNull("iterationsTotal");
    }
    put(node, "imagesPerSecond", summary.imagesPerSecond());
    put(node, "bestRecallAt1", summary.bestRecallAt1());
    put(node, "bestMapAtR", summary.bestMapAtR());
    node.put("createdAt", summary.run().createdAt().toString());
    node.put("updatedAt", summary.run().updatedAt().toString());
    node.put("sweepId", summary.sweepId().orElse(null));
    return node;
  }

  /** Iterations done: the log's iterations count from 0, so the newest one plus one. */
  private static long done(OptionalLong lastIteration) {
    return lastIteration.isPresent() ? lastIteration.getAsLong() + 1 : 0;
  }

  private static void put(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }
}
