package org.rll.activities.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.rll.db.ResultsDatabaseTest;

/**
 * A base for tests of whole runs: the bundled Fashion-MNIST test set copied once per class, and a
 * fresh {@link PipelineHarness} over its own store for each test.
 */
abstract class PipelineTest extends ResultsDatabaseTest {
  @TempDir static Path sources;
  static Path fashionMnist;
  @TempDir Path dir;
  PipelineHarness harness;

  PipelineTest(DataSource dataSource) {
    super(dataSource);
  }

  @BeforeAll
  static void copyDataset() throws IOException {
    fashionMnist = PipelineHarness.fashionMnist(sources);
  }

  @BeforeEach
  void startHarness() {
    harness = newHarness();
  }

  /** The harness of one test: the real activities over a filesystem store under {@code dir}. */
  PipelineHarness newHarness() {
    return new PipelineHarness(dir, repository);
  }

  @AfterEach
  void stopHarness() {
    harness.close();
  }
}
