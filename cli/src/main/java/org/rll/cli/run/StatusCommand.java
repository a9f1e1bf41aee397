package org.rll.cli.run;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.spec.RunIds;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.ResultsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll status}: what the results database knows of a run (its row, newest checkpoint, last
 * logged iteration, latest metrics) and what Temporal knows of its workflow (its progress while it
 * runs, else how it ended and why). A run that failed before its row was written is found in
 * Temporal under the run id.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a run: its status, newest checkpoint, last logged iteration and latest metrics from"
          + " the results database, and from Temporal the live progress of its workflow while it"
          + " runs, else how the workflow ended with the chain of failures that ended it.",
      "Works without Temporal too, saying so, and without a database row, for a run that failed"
          + " before writing one."
    })
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RunArguments arguments;

  @Option(
      names = "--format",
      description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  StatusFormat format;

  @Override
  public Integer call() {
    String runId = RunIds.check(arguments.runId);
    String database;
    Optional<RunRecord> record;
    try (ResultsConnection db = arguments.database.open()) {
      database = db.address();
      record = RunRecord.read(new ResultsRepository(db.dataSource()), runId);
    }
    WorkflowState workflow =
        WorkflowState.read(arguments.temporal, arguments.workflowId(record.map(RunRecord::run)));
    StatusReport report = new StatusReport(runId, database, record, workflow);
    if (!report.known()) {
      throw new ValidationException("no run " + runId + " in the results database or in Temporal");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.write(report));
    out.flush();
    return 0;
  }
}
