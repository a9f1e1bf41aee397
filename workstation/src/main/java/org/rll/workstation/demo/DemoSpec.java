package org.rll.workstation.demo;

import java.nio.file.Path;
import org.rll.core.storage.Sha256Counter;
import org.rll.workflows.spec.DatasetSection;
import org.rll.workflows.spec.EvaluationSection;
import org.rll.workflows.spec.ModelSection;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SamplerSection;
import org.rll.workflows.spec.TrainingSection;

/**
 * The demo's run as a pipeline spec: the small conv net (one 128-d head) on Fashion-MNIST, scored
 * untrained and trained. Its run id is a hash of the settings and the source, so running the same
 * settings again continues, or finds, the same run.
 */
final class DemoSpec {
  /** Iterations between checkpoints, and of each training chunk. */
  static final int CHUNK = 100;

  private DemoSpec() {}

  static PipelineSpec of(DemoSettings settings, Path source) {
    PipelineSpec spec =
        new PipelineSpec(
            null,
            new DatasetSection(source.toUri().toString(), null, "fashion-mnist", null, null),
            null,
            new SamplerSection(settings.classesPerBatch(), settings.imagesPerClass()),
            new ModelSection("small-conv", null, null, null),
            new TrainingSection(
                settings.iterations(),
                settings.learningRate(),
                null,
                null,
                null,
                null,
                null,
                settings.seed(),
                CHUNK,
                CHUNK),
            new EvaluationSection(null, null, null, true),
            null,
            null);
    String identity = spec + "|" + settings.fullSet();
    return spec.withRunId("demo-" + Sha256Counter.hex(identity).substring(0, 16));
  }
}
