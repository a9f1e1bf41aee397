package org.rll.cli.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rll.db.RunRow;

/** The loss a run trained with, as its stored spec names it: {@code loss.type}. */
public final class RunLoss {
  /** The type of a spec that names none. */
  static final String DEFAULT = "ranked-list";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunLoss() {}

  /** {@code run}'s {@code loss.type}, or {@link #DEFAULT}; a spec that is not JSON names none. */
  public static String of(RunRow run) {
    try {
      return of(JSON.readTree(run.specJson()));
    } catch (JsonProcessingException e) {
      return DEFAULT;
    }
  }

  /** The {@code loss.type} of a spec already read, or {@link #DEFAULT}. */
  public static String of(JsonNode spec) {
    return spec.path("loss").path("type").asText(DEFAULT);
  }
}
