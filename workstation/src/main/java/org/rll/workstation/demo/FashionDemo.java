package org.rll.workstation.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rll.cli.options.RllHome;
import org.rll.cli.results.ResultsFormat;
import org.rll.cli.results.ResultsTable;
import org.rll.cli.run.RunFollower;
import org.rll.cli.run.TrainCommand;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.idx.FashionMnist;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;

/**
 * The offline demo of the paper's method, run as a product run: it starts the embedded stack
 * (Temporal's test server, PostgreSQL, S3Proxy and a worker for both queues) and runs the {@code
 * RllPipeline} workflow on Fashion-MNIST. The small conv net trains with the Ranked List Loss on
 * classes 0-4; it is exported to ONNX, checked, and scored on classes 5-9, which it never sees,
 * from the embeddings the ONNX model extracts, untrained (iteration 0) and trained.
 *
 * <p>Everything stays under the home directory, so running the same settings again finds the
 * prepared dataset, the checkpoints and the embeddings, and resumes an interrupted run.
 */
public final class FashionDemo {
  private static final Duration POLL = Duration.ofSeconds(2);

  private final DemoSettings settings;
  private final PrintStream out;

  /** A demo that reports its progress and results to {@code out}. */
  public FashionDemo(DemoSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Runs the pipeline and prints the results table and where the ONNX model is.
   *
   * @return the trained net's test Recall@1 minus the untrained net's, in points
   * @throws IllegalStateException when the run does not succeed
   */
  public double run() throws IOException, InterruptedException {
    PipelineSpec spec = DemoSpec.of(settings, source());
    String runId = spec.runId();
    out.printf(Locale.ROOT, "starting the embedded stack under %s%n", settings.home());
    try (DevStack stack = DevStack.start(settings.home(), DevPorts.free())) {
      out.printf(
          Locale.ROOT,
          "Temporal %s, S3 %s, PostgreSQL %s%nrun %s: workflow RllPipeline on task queue rll-cpu%n",
          stack.temporalTarget(),
          stack.s3Settings().endpoint().map(Object::toString).orElse("-"),
          stack.databaseUrl(),
          runId);
      TrainCommand.start(stack.temporal().client(), spec, runId);
      PrintWriter writer = new PrintWriter(out, true);
      if (RunFollower.follow(stack.temporal().client(), runId, writer, POLL) != 0) {
        throw new IllegalStateException("the demo run " + runId + " did not succeed");
      }
      ResultsRepository results = new ResultsRepository(stack.dataSource());
      printResults(results, runId);
      printModel(runId);
      return recallGain(results, runId);
    }
  }

  private Path source() throws IOException {
    if (!settings.fullSet()) {
      out.println(
          "data: the bundled Fashion-MNIST test set, 10,000 images (--full uses all 70,000 from "
              + FashionMnist.DEBIAN_DIRECTORY
              + ")");
      return FashionMnist.copyBundledTestSet(home().demo().resolve("fashion-mnist-t10k"));
    }
    Optional<Path> full = FashionMnist.locateFullSet();
    ValidationException.check(
        full.isPresent(),
        "--full needs Debian's dataset-fashion-mnist package, which is not installed in %s",
        FashionMnist.DEBIAN_DIRECTORY);
    out.println("data: all 70,000 Fashion-MNIST images from " + full.get());
    return full.get();
  }

  private void printResults(ResultsRepository results, String runId) {
    RunRow run = results.run(runId).orElseThrow();
    out.printf(
        Locale.ROOT,
        "%nRecall@K, NMI and MAP@R (%%) on test classes 5-9, unseen in training;"
            + " iteration 0 is the untrained net:%n");
    out.print(
        ResultsFormat.TABLE.write(ResultsTable.of(List.of(run), results.metrics(runId), true)));
  }

  private void printModel(String runId) {
    String key = "runs/" + runId + "/model.onnx";
    Path file = home().s3().resolve(DevStack.BUCKET).resolve(key);
    out.printf(
        Locale.ROOT,
        "%nONNX model: %s%n  (s3://%s/%s; `./rll results` and `./rll report %s` read this run"
            + " again)%n",
        Files.isRegularFile(file) ? file : key,
        DevStack.BUCKET,
        key,
        runId);
  }

  private RllHome home() {
    return new RllHome(settings.home());
  }

  /** Recall@1 of the last evaluated iteration minus that of the first, in points. */
  private static double recallGain(ResultsRepository results, String runId) {
    List<Double> recalls =
        results.metrics(runId).stream()
            .filter(m -> m.metric().equals("recall") && m.k() == 1)
            .map(MetricRow::value)
            .toList();
    return 100 * (recalls.get(recalls.size() - 1) - recalls.get(0));
  }
}
