package org.rll.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.spec.PipelineSpec;
import picocli.CommandLine;

class SpecFileTest {
  @TempDir Path dir;

  @Test
  void readsJsonIgnoringUnknownFields() throws Exception {
    PipelineSpec spec =
        SpecFile.read(
            write(
                "spec.json",
                """
                {"dataset": {"source": "s3://b/cub.tgz", "format": "cub200", "colour": "red"},
                 "model": {"backbone": "resnet50", "heads": ["L", "H"]},
                 "training": {"iterations": 3000, "seed": 7},
                 "scheduler": {"kind": "cosine"}}
                """));
    assertEquals("s3://b/cub.tgz", spec.dataset().source());
    assertEquals("cub200", spec.dataset().format());
    assertEquals(List.of("L", "H"), spec.model().heads());
    assertEquals(3000, spec.training().iterations());
    assertEquals(7L, spec.training().seed());
    assertNull(spec.runId());
    assertNull(spec.loss());
  }

  @Test
  void readsYamlIgnoringUnknownFields() throws Exception {
    PipelineSpec spec =
        SpecFile.read(
            write(
                "spec.yaml",
                """
                runId: cub-1
                dataset:
                  source: https://example.org/CUB_200_2011.tgz
                  checksum: md5:97eceeb196236b17998738112f37df78
                  trainClasses: [1, 2, 3]
                loss: {alpha: 1.2, margin: 0.4, futureKnob: 3}
                sampler: {classesPerBatch: 60, imagesPerClass: 3}
                comment: anything
                """));
    assertEquals("cub-1", spec.runId());
    assertEquals("md5:97eceeb196236b17998738112f37df78", spec.dataset().checksum());
    assertEquals(List.of("1", "2", "3"), spec.dataset().trainClasses());
    assertEquals(0.4, spec.loss().margin());
    assertEquals(60, spec.sampler().classesPerBatch());
  }

  @Test
  void aBadValueNamesTheFileAndTheField() throws Exception {
    Path file = write("bad.yaml", "dataset: {source: x}\ntraining: {iterations: many}\n");
    ValidationException e = assertThrows(ValidationException.class, () -> SpecFile.read(file));
    assertTrue(
        e.getMessage().startsWith("spec file " + file + ": bad value for training.iterations: "),
        e.getMessage());
  }

  @Test
  void refusesWhatIsNotASpec() throws Exception {
    Path list = write("list.yaml", "- a\n- b\n");
    assertTrue(
        assertThrows(ValidationException.class, () -> SpecFile.read(list))
            .getMessage()
            .contains("must hold a mapping"));
    Path broken = write("broken.json", "{\"dataset\": {");
    assertTrue(
        assertThrows(ValidationException.class, () -> SpecFile.read(broken))
            .getMessage()
            .contains("is not valid YAML or JSON"));
    assertEquals(
        "spec file " + dir.resolve("none.yaml") + " does not exist",
        assertThrows(ValidationException.class, () -> SpecFile.read(dir.resolve("none.yaml")))
            .getMessage());
  }

  @Test
  void flagsOverrideTheFileAndKeepTheRest() throws Exception {
    PipelineSpec file =
        SpecFile.read(
            write(
                "spec.yaml",
                """
                dataset: {source: file:///a, format: cub200, minImagesPerClass: 5}
                model: {backbone: bn-inception, embeddingDim: 128}
                training: {iterations: 100, learningRate: 0.001, momentum: 0.8}
                """));
    TrainCommand train = new TrainCommand();
    new CommandLine(train)
        .parseArgs(
            "--source",
            "file:///b",
            "--iterations",
            "5",
            "--backbone",
            "resnet50",
            "--classes",
            "4",
            "--run-id",
            "mine",
            "--evaluate-every",
            "50");
    PipelineSpec spec = train.flags.applyTo(file);
    assertEquals("mine", spec.runId());
    assertEquals("file:///b", spec.dataset().source());
    assertEquals("cub200", spec.dataset().format());
    assertEquals(5, spec.dataset().minImagesPerClass());
    assertEquals("resnet50", spec.model().backbone());
    assertEquals(128, spec.model().embeddingDim());
    assertEquals(5, spec.training().iterations());
    assertEquals(0.001, spec.training().learningRate());
    assertEquals(0.8, spec.training().momentum());
    assertEquals(4, spec.sampler().classesPerBatch());
    assertNull(spec.sampler().imagesPerClass());
    assertEquals(50, spec.evaluation().every());
  }

  @Test
  void trainExitsTwoOnBadInputBeforeTouchingTemporal() throws Exception {
    Path bad =
        write("bad.json", "{\"dataset\": {\"source\": \"x\"}, \"training\": {\"seed\": []}}");
    Cli.Captured run = Cli.rll("train", bad.toString(), "--temporal-target", "127.0.0.1:1");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(
        run.err().startsWith("rll: spec file " + bad + ": bad value for training.seed: "),
        run.err());

    Cli.Captured noSource = Cli.rll("train", "--iterations", "5");
    assertEquals(2, noSource.exit(), noSource.toString());
    assertEquals(
        "rll: a run needs a dataset source: --source, or dataset.source in the spec file\n",
        noSource.err());

    Cli.Captured badId = Cli.rll("train", "--source", "x", "--run-id", "../up");
    assertEquals(2, badId.exit(), badId.toString());
    assertTrue(badId.err().contains("got '../up'"), badId.err());
  }

  @Test
  void resumeNumbersItsWorkflows() {
    assertEquals("r-resume-1", ResumeCommand.nextWorkflowId("r", "r"));
    assertEquals("r-resume-1", ResumeCommand.nextWorkflowId("r", null));
    assertEquals("r-resume-3", ResumeCommand.nextWorkflowId("r", "r-resume-2"));
    assertEquals("r-resume-1", ResumeCommand.nextWorkflowId("r", "other-resume-2"));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
