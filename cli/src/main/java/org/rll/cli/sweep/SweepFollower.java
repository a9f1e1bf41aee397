package org.rll.cli.sweep;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.results.ResultsFormat;
import org.rll.cli.results.SweepTable;
import org.rll.db.ResultsRepository;
import org.rll.workflows.RootCause;
import org.rll.workflows.sweep.RllSweep;
import org.rll.workflows.sweep.SweepProgress;
import org.rll.workflows.sweep.SweepResult;

/**
 * Follows a sweep to its end, printing a line each time its progress changes, then its table (mean
 * and std over the seeds of each setting) from the results database.
 */
public final class SweepFollower {

  private SweepFollower() {}

  /** 0 when every run succeeded; 1 when a run failed, the sweep was cancelled or failed. */
  public static int follow(
      WorkflowClient client,
      String sweepId,
      PrintWriter out,
      Duration poll,
      DatabaseOptions database)
      throws InterruptedException {
    RllSweep sweep = client.newWorkflowStub(RllSweep.class, sweepId);
    WorkflowStub stub = WorkflowStub.fromTyped(sweep);
    String last = "";
    while (true) {
      try {
        SweepResult result =
            stub.getResult(poll.toMillis(), TimeUnit.MILLISECONDS, SweepResult.class);
        out.println(line(sweepId, result.progress()));
        result.failedRuns().forEach(f -> out.println("  failed " + f));
        printTable(sweepId, out, database);
        SweepProgress end = result.progress();
        return end.succeeded() == end.total() ? 0 : 1;
      } catch (TimeoutException e) {
        SweepProgress progress = sweep.progress();
        String now = line(sweepId, progress);
        if (progress.total() > 0 && !now.equals(last)) {
          out.println(now);
          out.flush();
          last = now;
        }
      } catch (WorkflowFailedException e) {
        out.println("sweep " + sweepId + " failed: " + RootCause.message(e));
        out.flush();
        return 1;
      }
    }
  }

  private static void printTable(String sweepId, PrintWriter out, DatabaseOptions database) {
    try (ResultsConnection connection = database.open()) {
      SweepTable table =
          SweepTable.load(
              new ResultsRepository(connection.dataSource()), sweepId, connection.address());
      if (!table.rows().isEmpty()) {
        out.print(ResultsFormat.TABLE.write(table));
      }
      out.flush();
    }
  }

  /** {@code sweep s: 10 runs, 4 succeeded, 2 running, 0 failed, 0 cancelled; best R@1 ...}. */
  static String line(String sweepId, SweepProgress p) {
    String best =
        p.best() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; best R@1 %.1f (%s, head %s)",
                100 * p.best().recallAt1(),
                p.best().setting(),
                p.best().head());
    return String.format(
        Locale.ROOT,
        "sweep %s: %d runs, %d succeeded, %d running, %d pending, %d failed, %d cancelled%s",
        sweepId,
        p.total(),
        p.succeeded(),
        p.running(),
        p.pending(),
        p.failed(),
        p.cancelled(),
        best);
  }
}
