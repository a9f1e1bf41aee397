package org.rll.workstation.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.sweep.SweepSpec;

/**
 * A sweep of short runs of the small conv net on Fashion-MNIST (classes 0-4 trained, 5-9 scored),
 * each run one training chunk: the shape the sweep benchmark and the sweep's process tests share.
 */
public final class ShortSweep {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShortSweep() {}

  /**
   * The sweep over {@code axes} (a JSON array of axes) and {@code seeds} of runs of {@code
   * iterations} iterations on the IDX files in {@code source}.
   */
  public static SweepSpec of(
      Path source,
      int iterations,
      int checkpointEvery,
      String axes,
      List<Long> seeds,
      int maxParallel) {
    String base =
        SpecTree.parse(
                """
                {"dataset": {"format": "fashion-mnist"},
                 "sampler": {"classesPerBatch": 5, "imagesPerClass": 36},
                 "model": {"backbone": "small-conv"}}
                """)
            .set("dataset.source", source.toUri().toString())
            .set("training.iterations", iterations)
            .set("training.chunkIterations", iterations)
            .set("training.checkpointEvery", checkpointEvery)
            .toString();
    try {
      ObjectNode sweep = JSON.createObjectNode();
      sweep.set("base", JSON.readTree(base));
      sweep.set("axes", JSON.readTree(axes));
      sweep.set("seeds", JSON.valueToTree(seeds));
      sweep.put("maxParallel", maxParallel);
      return JSON.treeToValue(sweep, SweepSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a sweep: axes " + axes, e);
    }
  }
}
