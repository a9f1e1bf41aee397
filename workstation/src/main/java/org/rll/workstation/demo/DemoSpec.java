package org.rll.workstation.demo;

import java.nio.file.Path;
import org.rll.core.storage.Sha256Counter;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecTree;

/**
 * The demo's run as a pipeline spec: the small conv net (one 128-d head) on Fashion-MNIST, scored
 * untrained and trained, with the demo's settings set at their spec paths. Its run id is a hash of
 * the settings and the source, so running the same settings again continues, or finds, the same
 * run.
 */
final class DemoSpec {
  /** Iterations between checkpoints, and of each training chunk. */
  static final int CHUNK = 100;

  private DemoSpec() {}

  static PipelineSpec of(DemoSettings settings, Path source) {
    PipelineSpec spec =
        SpecTree.parse(
                """
                {"dataset": {"format": "fashion-mnist"},
                 "model": {"backbone": "small-conv"},
                 "evaluation": {"untrained": true}}
                """)
            .set("dataset.source", source.toUri().toString())
            .set("sampler.classesPerBatch", settings.classesPerBatch())
            .set("sampler.imagesPerClass", settings.imagesPerClass())
            .set("training.iterations", settings.iterations())
            .set("training.learningRate", settings.learningRate())
            .set("training.seed", settings.seed())
            .set("training.checkpointEvery", CHUNK)
            .set("training.chunkIterations", CHUNK)
            .toSpec();
    String identity = spec + "|" + settings.fullSet();
    return spec.withRunId("demo-" + Sha256Counter.hex(identity).substring(0, 16));
  }
}
