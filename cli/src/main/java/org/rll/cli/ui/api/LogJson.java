package org.rll.cli.ui.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import org.rll.db.TrainingLogColumns;

/**
 * Writes a training log as JSON in columns, one array per field, straight from the primitive
 * columns to the response: a 100,000-row log builds no tree. A loss that is not finite is written
 * as null, which JSON can carry.
 */
final class LogJson {
  /** Doubles written with Schubfach, several times faster than {@code Double.toString}. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private LogJson() {}

  static void write(OutputStream out, String runId, TrainingLogColumns log) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("runId", runId);
      longs(json, "iteration", log, log::iteration);
      doubles(json, "loss", log, log::loss);
      longs(json, "minedPositives", log, log::minedPositives);
      longs(json, "minedNegatives", log, log::minedNegatives);
      doubles(json, "lr", log, log::lr);
      doubles(json, "imagesPerSecond", log, log::imagesPerSecond);
      json.writeEndObject();
    }
  }

  private static void longs(
      JsonGenerator json, String field, TrainingLogColumns log, IntToLongFunction column)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (int row = 0; row < log.size(); row++) {
      json.writeNumber(column.applyAsLong(row));
    }
    json.writeEndArray();
  }

  private static void doubles(
      JsonGenerator json, String field, TrainingLogColumns log, IntToDoubleFunction column)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (int row = 0; row < log.size(); row++) {
      double value = column.applyAsDouble(row);
      if (Double.isFinite(value)) {
        json.writeNumber(value);
      } else {
        json.writeNull();
      }
    }
    json.writeEndArray();
  }
}
