package org.rll.cli.ui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.OptionalInt;
import org.rll.activities.resolve.SpecResolver;
import org.rll.cli.results.RunLoss;
import org.rll.core.model.Backbone;
import org.rll.db.RunRow;

/**
 * What a run list shows of a run's recorded spec: its backbone, loss type and iterations, each the
 * spec's value or the default a run takes without one. Read from the JSON alone, so a list of 1,000
 * runs resolves no spec; a spec that is not JSON shows none of them.
 */
record SpecFacts(Optional<String> backbone, Optional<String> loss, OptionalInt iterations) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SpecFacts NONE =
      new SpecFacts(Optional.empty(), Optional.empty(), OptionalInt.empty());

  static SpecFacts of(RunRow run) {
    JsonNode spec;
    try {
      spec = JSON.readTree(run.specJson());
    } catch (JsonProcessingException e) {
      return NONE;
    }
    JsonNode iterations = spec.path("training").path("iterations");
    return new SpecFacts(
        Optional.of(spec.path("model").path("backbone").asText(Backbone.BN_INCEPTION.cliName())),
        Optional.of(RunLoss.of(spec)),
        OptionalInt.of(
            iterations.canConvertToInt()
                ? iterations.intValue()
                : SpecResolver.DEFAULT_ITERATIONS));
  }
}
