package org.rll.cli.results;

import static org.rll.core.exceptions.ValidationException.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/**
 * {@code rll report <run>}: PNG plots of a run's training log and evaluations; {@code rll report
 * --sweep <id>}: a sweep's metrics along each of its axes.
 */
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
          + " runs/<run>/report/<name>.png. A run without a training log gets no training plots.",
      "With --sweep <id> instead of a run: one plot per axis, <axis path>.png, with R@1 and"
          + " MAP@R (%%) against the axis's values, error bars one std over the seeds (head"
          + " L,M,H, else the first head); uploaded as sweeps/<id>/report/<axis path>.png."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<run>",
      description = "The run's id; leave it out with --sweep.")
  String runId;

  @Option(
      names = "--sweep",
      paramLabel = "<id>",
      description = "Plot this sweep's settings instead of a run.")
  String sweepId;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "Folder for the PNG files (default: ./rll-report-<run or sweep>).")
  Path outDirectory;

  @Option(names = "--no-upload", description = "Do not upload the plots to the artifact store.")
  boolean noUpload;

  @Mixin DatabaseOptions database;

  @Mixin StoreOptions store;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    check(
        (runId == null) != (sweepId == null),
        "give a run id or --sweep <id>, one of them; got run '%s' and sweep '%s'",
        runId,
        sweepId);
    System.setProperty("java.awt.headless", "true");
    PrintWriter out = spec.commandLine().getOut();
    List<RunReport.Plot> plots;
    try (ResultsConnection connection = database.open()) {
      ResultsRepository repository = new ResultsRepository(connection.dataSource());
      if (sweepId != null) {
        plots = SweepReport.of(sweepId, SweepTable.load(repository, sweepId, connection.address()));
      } else {
        check(
            repository.run(runId).isPresent(),
            "no run '%s' in the %s",
            runId,
            connection.address());
        RunReport report =
            RunReport.of(runId, repository.trainingLog(runId), repository.metrics(runId));
        report.notes().forEach(out::println);
        plots = report.plots();
      }
    }
    String subject = sweepId != null ? "sweep '" + sweepId + "'" : "run '" + runId + "'";
    if (plots.isEmpty()) {
      spec.commandLine().getErr().printf("rll: nothing to plot for %s%n", subject);
      return 1;
    }
    write(plots, out);
    return 0;
  }

  private void write(List<RunReport.Plot> plots, PrintWriter out) {
    String id = sweepId != null ? sweepId : runId;
    Path directory = outDirectory != null ? outDirectory : Path.of("rll-report-" + id);
    BlobStore blobs = noUpload ? null : store.open();
    try {
      Files.createDirectories(directory);
      for (RunReport.Plot plot : plots) {
        String fileName = plot.name() + ".png";
        byte[] png = ReportCharts.png(plot.chart());
        Path file = Files.write(directory.resolve(fileName), png);
        out.println("wrote " + file);
        if (blobs != null) {
          String key = BlobKeys.join(sweepId != null ? "sweeps" : "runs", id, "report", fileName);
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
