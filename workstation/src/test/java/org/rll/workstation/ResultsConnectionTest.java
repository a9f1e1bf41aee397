package org.rll.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.RllCommand;
import org.rll.cli.options.ResultsConnection;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.RunSelection;
import org.rll.workflows.RunStatus;
import picocli.CommandLine;

class ResultsConnectionTest {

  @TempDir Path dir;

  @Test
  void theEmbeddedDatabaseKeepsResultsAcrossRestarts() {
    Path data = dir.resolve("home/pg");
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    try (ResultsConnection first = ResultsConnection.embedded(data)) {
      ResultsRepository repository = new ResultsRepository(first.dataSource());
      repository.upsertRun(new RunRow("r1", null, "cub", "{}", "h", RunStatus.SUCCEEDED, t, t));
      repository.upsertMetrics(List.of(new MetricRow("r1", 7, "H", "recall", 1, 0.625)));
      assertEquals("embedded PostgreSQL in " + data, first.address());
    }

    StringWriter out = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    int exit = cli.execute("results", "--pg-dir", data.toString(), "--format", "csv");

    assertEquals(0, exit);
    assertEquals(
        "run,dataset,loss,head,iteration,R@1,NMI,MAP@R\nr1,cub,ranked-list,H,7,0.625,,\n",
        out.toString());
    assertTrue(dir.resolve("home/pg.log").toFile().isFile(), "the server's log beside its data");
  }

  @Test
  void aServerLeftRunningByAKilledProcessIsStoppedAtTheNextStart() throws Exception {
    Path data = dir.resolve("pg");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedHolder.class.getName(),
                data.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out = holder.inputReader()) {
      assertEquals("ready", out.readLine());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    assertTrue(Files.exists(data.resolve("postmaster.pid")), "the killed process's server runs on");

    try (ResultsConnection again = ResultsConnection.embedded(data)) {
      assertEquals(List.of(), new ResultsRepository(again.dataSource()).runs(RunSelection.ALL));
    }
  }

  @Test
  void anUnreachableServerIsNamedWithoutItsPassword() {
    StorageAccessException e =
        assertThrows(
            StorageAccessException.class,
            () ->
                ResultsConnection.remote(
                    "jdbc:postgresql://127.0.0.1:1/rll?password=hunter2&connectTimeout=2",
                    "rll",
                    "s3cret"));

    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot connect to the PostgreSQL at"
                    + " jdbc:postgresql://127.0.0.1:1/rll?password=***&connectTimeout=2: "),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cret"));
  }

  @Test
  void aUrlThatIsNotPostgresIsRefusedAtOnce() {
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("results", "--db-url", "jdbc:mysql://db/rll?PASSWORD=x");

    assertEquals(2, exit);
    assertEquals(
        "rll: the database URL must look like jdbc:postgresql://host:5432/database, got"
            + " jdbc:mysql://db/rll?PASSWORD=***\n",
        err.toString());
    assertThrows(ValidationException.class, () -> ResultsConnection.remote("nope", null, null));
  }
}
