package org.rll.cli.ui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rll.db.TrainingLogRow;

/**
 * A training log in columns, one array per field, as charts take it: 100,000 rows are six arrays,
 * not 100,000 objects. A loss that is not finite is null, which JSON can carry.
 */
final class LogJson {
  private LogJson() {}

  static ObjectNode of(ObjectMapper json, String runId, List<TrainingLogRow> rows) {
    ObjectNode node = json.createObjectNode();
    node.put("runId", runId);
    ArrayNode iteration = node.putArray("iteration");
    ArrayNode loss = node.putArray("loss");
    ArrayNode positives = node.putArray("minedPositives");
    ArrayNode negatives = node.putArray("minedNegatives");
    ArrayNode lr = node.putArray("lr");
    ArrayNode speed = node.putArray("imagesPerSecond");
    for (TrainingLogRow row : rows) {
      iteration.add(row.iteration());
      if (Double.isFinite(row.loss())) {
        loss.add(row.loss());
      } else {
        loss.addNull();
      }
      positives.add(row.minedPositives());
      negatives.add(row.minedNegatives());
      lr.add(row.lr());
      speed.add(row.imagesPerSecond());
    }
    return node;
  }
}
