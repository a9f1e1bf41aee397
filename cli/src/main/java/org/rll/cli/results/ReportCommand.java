package org.rll.cli.results;

import static org.rll.core.exceptions.ValidationException.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.options.StoreOptions;
import org.rll.core.storage.BlobKeys;
import org.rll.core.storage.BlobStore;
import org.rll.db.ResultsRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rll report <run>}: PNG plots of a run's training log and evaluations. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Plots a run's training and evaluation from the results database as PNG files.",
      "  loss.png         the loss per iteration (non-finite losses left out)",
      "  mined-pairs.png  non-trivial positive and negative pairs mined per iteration",
      "  throughput.png   training images per second",
      "  recall.png       Recall@K (%%) per evaluated checkpoint, one line per K,",
      "                   of head L,M,H (else of the first head evaluated); drawn",
      "                   only when two or more checkpoints were evaluated",
      "Writes them to --out and uploads them to the artifact store as"
          + " runs/<run>/report/<name>.png. A run without a training log gets no training plots."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<run>", description = "The run's id.")
  String runId;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Folder for the PNG files (default: ./rll-report-<run>).")
  Path outDirectory;

  @Option(names = "--no-upload", description = "Do not upload the plots to the artifact store.")
  boolean noUpload;

  @Mixin DatabaseOptions database;

  @Mixin StoreOptions store;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = spec.commandLine().getOut();
    RunReport report;
    try (ResultsConnection connection = database.open()) {
      ResultsRepository repository = new ResultsRepository(connection.dataSource());
      check(
          repository.run(runId).isPresent(), "no run '%s' in the %s", runId, connection.address());
      report = RunReport.of(runId, repository.trainingLog(runId), repository.metrics(runId));
    }
    report.notes().forEach(out::println);
    if (report.plots().isEmpty()) {
      spec.commandLine().getErr().printf("rll: nothing to plot for run '%s'%n", runId);
      return 1;
    }
    write(report, out);
    return 0;
  }

  private void write(RunReport report, PrintWriter out) {
    Path directory = outDirectory != null ? outDirectory : Path.of("rll-report-" + runId);
    BlobStore blobs = noUpload ? null : store.open();
    try {
      Files.createDirectories(directory);
      for (RunReport.Plot plot : report.plots()) {
        String fileName = plot.name() + ".png";
        byte[] png = ReportCharts.png(plot.chart());
        Path file = Files.write(directory.resolve(fileName), png);
        out.println("wrote " + file);
        if (blobs != null) {
          String key = BlobKeys.join("runs", runId, "report", fileName);
          blobs.put(key, png);
          out.println("uploaded " + blobs.describe(key));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + directory, e);
    }
    out.flush();
  }
}
