package org.rll.worker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class SyntheticDemoTest {
  private static final DemoSettings SMALL = new DemoSettings(20, 20, 150, 5, 3, 0.05, 3);

  @Test
  void trainingLiftsRecallOnUnseenClassesAndPrintsTheTable() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DemoScores[] scores =
        new SyntheticDemo(SMALL, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    double untrained = scores[0].recallAtK().get(1);
    double trained = scores[1].recallAtK().get(1);
    assertTrue(trained > untrained + 0.2, "R@1 untrained " + untrained + ", trained " + trained);
    assertTrue(scores[1].nmi() > scores[0].nmi(), "NMI should rise with training");
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("iteration   150/150"), text);
    assertTrue(text.contains("test classes 10-19"), text);
    assertTrue(text.contains("trained   "), text);
  }

  @Test
  void aSeedGivesTheSameScoresEveryRun() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    DemoSettings settings = new DemoSettings(8, 10, 40, 4, 2, 0.05, 11);
    DemoScores[] first = new SyntheticDemo(settings, quiet).run();
    DemoScores[] second = new SyntheticDemo(settings, quiet).run();
    assertEquals(first[0], second[0]);
    assertEquals(first[1], second[1]);
  }

  @Test
  void settingsNameTheBadValue() {
    assertEquals(
        "classes must be even and >= 4, got 5",
        assertThrows(ValidationException.class, () -> new DemoSettings(5, 20, 10, 2, 3, 0.1, 1))
            .getMessage());
    assertEquals(
        "classesPerBatch must be in [2, 10] (the training classes), got 11",
        assertThrows(ValidationException.class, () -> new DemoSettings(20, 20, 10, 11, 3, 0.1, 1))
            .getMessage());
    assertEquals(
        "learningRate must be a positive number, got NaN",
        assertThrows(
                ValidationException.class, () -> new DemoSettings(20, 20, 10, 2, 3, Double.NaN, 1))
            .getMessage());
  }
}
