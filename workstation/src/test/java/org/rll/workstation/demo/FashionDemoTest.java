package org.rll.workstation.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.ValidationException;

/**
 * The demo end to end on a tiny configuration: the embedded stack started in a temporary home, the
 * workflow run on the bundled Fashion-MNIST test set for 4 iterations of 5 x 4 images, and a second
 * demo with the same settings finding the run's artifacts.
 */
class FashionDemoTest {
  @TempDir Path home;

  private static DemoSettings tiny(Path home) {
    return new DemoSettings(4, 5, 4, 0.01, 3, false, home);
  }

  private String run() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new FashionDemo(tiny(home), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsThePipelineOnTheStackAndPrintsTheTableAndTheModel() throws Exception {
    String text = run();
    assertTrue(text.contains("data: the bundled Fashion-MNIST test set, 10,000 images"), text);
    assertTrue(text.contains("starting the embedded stack under " + home), text);
    assertTrue(text.contains("workflow RllPipeline on task queue rll-cpu"), text);
    assertTrue(text.contains("SUCCEEDED after 4 iterations; model runs/demo-"), text);
    assertTrue(
        text.matches("(?s).*run +dataset +loss +head +iteration +R@1 +R@2 +R@4 +R@8 +NMI +MAP@R.*"),
        text);
    assertTrue(
        text.matches(
            "(?s).*fashion-mnist +ranked-list +H +0 .*fashion-mnist +ranked-list +H +4 .*"),
        text);
    String runId = text.replaceAll("(?s).*run (demo-[0-9a-f]{16}):.*", "$1");
    Path model = home.resolve("s3/rll/runs/" + runId + "/model.onnx");
    assertTrue(Files.size(model) > 0, model::toString);
    assertTrue(text.contains("ONNX model: " + model), text);

    String again = run();
    assertTrue(again.contains("run " + runId + ":"), again);
    assertEquals(
        text.substring(text.indexOf("Recall@K, NMI")),
        again.substring(again.indexOf("Recall@K, NMI")));
  }

  @Test
  void settingsNameTheBadValue() {
    assertEquals(
        "classesPerBatch must be in [2, 5] (the training classes), got 6",
        assertThrows(
                ValidationException.class, () -> new DemoSettings(10, 6, 4, 0.01, 1, false, home))
            .getMessage());
    assertEquals(
        "learningRate must be a positive number, got NaN",
        assertThrows(
                ValidationException.class,
                () -> new DemoSettings(10, 5, 4, Double.NaN, 1, false, home))
            .getMessage());
  }
}
