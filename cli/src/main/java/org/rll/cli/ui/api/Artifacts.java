package org.rll.cli.ui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.regex.Pattern;
import org.rll.core.storage.BlobStore;

/**
 * The files of a run that the dashboard offers for download: the ONNX model, each embeddings index
 * and each PNG in the run's folder of the store ({@code runs/<run>/}). Checkpoints are listed
 * apart; nothing outside the run's folder is served.
 */
final class Artifacts {
  private static final Pattern OFFERED =
      Pattern.compile(
          "model(-\\d+)?\\.onnx|embeddings-\\d+/embeddings/index\\.json|[A-Za-z0-9._-]+\\.png");

  private final BlobStore store;

  Artifacts(BlobStore store) {
    this.store = store;
  }

  /** {@code [{"name", "url", "bytes"}]} of the run's offered files. */
  ArrayNode list(ObjectMapper json, String runId) {
    String prefix = prefix(runId);
    ArrayNode list = json.createArrayNode();
    for (String key : store.list(prefix)) {
      String name = key.substring(prefix.length());
      if (OFFERED.matcher(name).matches()) {
        list.addObject()
            .put("name", name)
            .put("url", "/api/runs/" + runId + "/artifacts/" + name)
            .put("bytes", store.size(key).orElse(-1));
      }
    }
    return list;
  }

  /** The store key of the offered file {@code name} of {@code runId}; 404 for any other. */
  String key(String runId, String name) {
    String key = prefix(runId) + name;
    if (!OFFERED.matcher(name).matches() || !store.exists(key)) {
      throw new HttpStatusException(404, "run " + runId + " has no artifact " + name);
    }
    return key;
  }

  BlobStore store() {
    return store;
  }

  private static String prefix(String runId) {
    return "runs/" + runId + "/";
  }
}
