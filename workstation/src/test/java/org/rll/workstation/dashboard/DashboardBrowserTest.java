package org.rll.workstation.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;
import org.rll.workstation.run.FakeStack;

/**
 * The dashboard in a real browser: the dev stack holds one finished run and one running run (100 ms
 * an iteration); the runs table must show what the database holds, the run page's charts must draw
 * every logged point, and the live run's chart must grow without a reload. Screenshots go to {@code
 * target/dashboard-*.png}.
 */
class DashboardBrowserTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir static Path home;

  private static FakeStack fake;
  private static ResultsRepository results;
  private static HeadlessChromium chromium;
  private static String base;

  @BeforeAll
  static void startStackAndBrowser() throws Exception {
    chromium = HeadlessChromium.start();
    fake = TwoRuns.start(home, 5);
    results = fake.results();
    base = fake.stack().dashboard().toString();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void runsTableShowsWhatTheDatabaseHolds() throws Exception {
    chromium.driver.get(base);
    chromium.waiting(PATIENCE).until(d -> rows().size() >= 2);
    List<WebElement> rows =
        rows().stream()
            .filter(r -> List.of("live", "done").contains(r.getAttribute("data-run-id")))
            .toList();
    assertEquals("live", rows.get(0).getAttribute("data-run-id"), "newest first");
    assertEquals("done", rows.get(1).getAttribute("data-run-id"));

    assertEquals("RUNNING", cell(rows.get(0), "status"));
    assertEquals(RunStatus.SUCCEEDED.name(), cell(rows.get(1), "status"));
    List<TrainingLogRow> log = results.trainingLog("done");
    assertEquals(log.get(log.size() - 1).iteration() + 1 + " / 5", cell(rows.get(1), "iterations"));
    assertEquals("87.5", cell(rows.get(1), "recall-at-1"));
    assertEquals("900.0", cell(rows.get(1), "images-per-second"));
    assertEquals("", cell(rows.get(0), "recall-at-1"));
    assertEquals("ranked-list", cell(rows.get(1), "loss"));
    chromium.screenshot("dashboard-runs");
  }

  @Test
  void runPageDrawsEveryLoggedPoint() throws Exception {
    chromium.driver.get(base + "run?id=done");
    int logged = results.trainingLog("done").size();
    chromium.waiting(PATIENCE).until(d -> points("chart-loss") == logged);
    for (String chart : List.of("chart-mined", "chart-lr", "chart-speed")) {
      assertEquals(logged, points(chart), chart);
      WebElement canvas = chromium.driver.findElement(By.cssSelector("#" + chart + " canvas"));
      assertTrue(canvas.getSize().getWidth() > 100, chart + " has no canvas");
    }
    assertEquals(1, points("chart-recall-H"));
  }

  @Test
  void liveRunsChartGrowsWithoutAReload() throws Exception {
    chromium.driver.get(base + "run?id=live");
    chromium.waiting(PATIENCE).until(d -> points("chart-loss") >= 2);
    int first = points("chart-loss");
    Object page = chromium.driver.executeScript("return window.performance.timeOrigin;");
    chromium.waiting(PATIENCE).until(d -> points("chart-loss") > first);
    assertEquals(page, chromium.driver.executeScript("return window.performance.timeOrigin;"));
    assertTrue(
        chromium.driver.findElement(By.id("cancel")).isEnabled(), "a running run can be cancelled");
    chromium.screenshot("dashboard-run-live");
  }

  @Test
  void aHundredThousandPointCurveDrawsWhole() throws Exception {
    Instant created = Instant.parse("2020-01-01T00:00:00Z");
    results.upsertRun(
        new RunRow("long", "long", "sop", "{}", "hash", RunStatus.SUCCEEDED, created, created));
    List<TrainingLogRow> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      rows.add(new TrainingLogRow("long", i, 1.0 / (1 + i), i % 50, i % 70, 0.01, 1000));
    }
    results.appendTrainingLog(rows);

    long start = System.nanoTime();
    chromium.driver.get(base + "run?id=long");
    chromium.waiting(PATIENCE).until(d -> points("chart-loss") == 100_000);
    System.out.printf(
        Locale.ROOT,
        "run page with 100,000 log rows: all four charts drawn %.0f ms after the request%n",
        (System.nanoTime() - start) / 1e6);
    for (String chart : List.of("chart-mined", "chart-lr", "chart-speed")) {
      assertEquals(100_000, points(chart), chart);
    }
    chromium.screenshot("dashboard-run-100k");
  }

  private static List<WebElement> rows() {
    return chromium.driver.findElements(By.cssSelector("#runs tr[data-run-id]"));
  }

  private static String cell(WebElement row, String column) {
    String text = row.findElement(By.cssSelector("[data-col='" + column + "']")).getText().strip();
    return column.equals("status") ? text.split("\\s")[0].toUpperCase(Locale.ROOT) : text;
  }

  private static int points(String chart) {
    List<WebElement> found = chromium.driver.findElements(By.id(chart));
    if (found.isEmpty()) {
      return -1;
    }
    String value = found.get(0).getAttribute("data-points");
    return value == null ? -1 : Integer.parseInt(value);
  }
}
