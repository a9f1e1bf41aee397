package org.rll.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.cli.spec.SpecFile;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecTree;
import picocli.CommandLine;

class SpecFileTest {
  @TempDir Path dir;

  @Test
  void readsJsonIgnoringUnknownFields() throws Exception {
    PipelineSpec spec =
        spec(
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
        spec(
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
  void aBadValueNamesTheFileTheLineAndTheField() throws Exception {
    Path yaml =
        write(
            "bad.yaml",
            """
            dataset:
              source: file:///data/cub
            # the schedule
            training:
              seed: 7
              iterations: many
            """);
    assertEquals(
        "spec file "
            + yaml
            + ", line 6: spec field training.iterations must be an integer that fits 32 bits, got"
            + " the string \"many\"",
        refusal(yaml));
    Path json =
        write(
            "bad.json",
            """
            {"dataset": {"source": "file:///data/cub",
                         "trainClasses": ["a",
                                          null]}}
            """);
    assertEquals(
        "spec file " + json + ", line 3: spec field dataset.trainClasses[1] must not be null",
        refusal(json));
  }

  @Test
  void refusesWhatIsNotASpec() throws Exception {
    Path list = write("list.yaml", "- a\n- b\n");
    assertEquals(
        "spec file "
            + list
            + ": the spec must hold a mapping such as {\"dataset\": {\"source\": \"...\"}}, got an"
            + " array",
        refusal(list));
    Path broken = write("broken.json", "{\"dataset\": {\n  \"source\": \"x\"");
    assertEquals(
        "spec file "
            + broken
            + ", line 2: not valid JSON: Unexpected end-of-input: expected close marker for Object"
            + " (opened at line 1, column 13)",
        refusal(broken));
    Path yaml = write("broken.yaml", "dataset:\n  source: x\ntraining: {iterations: 5\n");
    assertEquals(
        "spec file "
            + yaml
            + ", line 3: not valid YAML: while parsing a flow mapping: expected ',' or '}', but got"
            + " <stream end>",
        refusal(yaml));
    Path twice = write("twice.yaml", "dataset:\n  source: x\n  source: y\n");
    assertEquals(
        "spec file " + twice + ", line 3: not valid YAML: Duplicate field 'source'",
        refusal(twice));
    Path alias = write("alias.yaml", "training: {seed: &seed 7}\nevaluation:\n  seed: *seed\n");
    assertEquals(
        "spec file "
            + alias
            + ", line 3: YAML aliases such as *seed are not read in spec files; write the value out",
        refusal(alias));
    assertEquals(
        "spec file " + dir.resolve("none.yaml") + " does not exist",
        assertThrows(ValidationException.class, () -> SpecFile.read(dir.resolve("none.yaml")))
            .getMessage());
  }

  @Test
  void flagsOverrideTheFileAndKeepTheRest() throws Exception {
    SpecFile file =
        SpecFile.read(
            write(
                "spec.yaml",
                """
                dataset: {source: file:///a, format: cub200, minImagesPerClass: 5}
                model: {backbone: bn-inception, embeddingDim: 128}
                training: {iterations: 100, learningRate: 0.001, momentum: 0.8}
                """));
    PipelineSpec spec =
        file.toSpec(
            flags(
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
                "50"));
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
  void setReachesAnyFieldAfterTheNamedFlags() throws Exception {
    SpecFile file =
        SpecFile.read(
            write(
                "spec.yaml",
                "dataset: {source: file:///a, format: cub200}\nloss: {margin: 0.3}\n"));
    PipelineSpec spec =
        file.toSpec(
            flags(
                "--iterations",
                "5",
                "--set",
                "training.iterations=7",
                "--set",
                "loss.alpha=1.3",
                "--set",
                "training.lrSteps=[4, 8]",
                "--set",
                "dataset.format=null",
                "--set",
                "runId=007"));
    assertEquals(7, spec.training().iterations());
    assertEquals(1.3, spec.loss().alpha());
    assertEquals(0.3, spec.loss().margin());
    assertEquals(List.of(4, 8), spec.training().lrSteps());
    assertNull(spec.dataset().format());
    assertEquals("007", spec.runId());
  }

  @Test
  void aFlagIsRefusedAsTheFileWouldBe() throws Exception {
    Path path = write("spec.yaml", "dataset: {source: file:///a}\ntraining: {iterations: many}\n");
    assertEquals(5, SpecFile.read(path).toSpec(flags("--iterations", "5")).training().iterations());
    assertEquals(
        "spec field training.seed must be an integer that fits 64 bits, got the string \"x\"",
        assertThrows(
                ValidationException.class,
                () -> SpecFile.none().toSpec(flags("--set", "training.seed=x")))
            .getMessage());
    Path scalar = write("scalar.yaml", "dataset: {source: file:///a}\ntraining: 5\n");
    assertEquals(
        "spec file "
            + scalar
            + ", line 2: cannot set training.iterations: training is the number 5, not an object",
        assertThrows(
                ValidationException.class,
                () -> SpecFile.read(scalar).toSpec(flags("--iterations", "3")))
            .getMessage());
  }

  @Test
  void trainExitsTwoOnBadInputBeforeTouchingTemporal() throws Exception {
    Path bad =
        write("bad.json", "{\"dataset\": {\"source\": \"x\"}, \"training\": {\"seed\": []}}");
    Cli.Captured run = Cli.rll("train", bad.toString(), "--temporal-target", "127.0.0.1:1");
    assertEquals(2, run.exit(), run.toString());
    assertEquals(
        "rll: spec file "
            + bad
            + ", line 1: spec field training.seed must be an integer that fits 64 bits, got an"
            + " array\n",
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
    assertEquals("r-resume-1", RunControl.nextWorkflowId("r", "r"));
    assertEquals("r-resume-1", RunControl.nextWorkflowId("r", null));
    assertEquals("r-resume-3", RunControl.nextWorkflowId("r", "r-resume-2"));
    assertEquals("r-resume-1", RunControl.nextWorkflowId("r", "other-resume-2"));
  }

  private static PipelineSpec spec(Path file) {
    return SpecFile.read(file).toSpec(tree -> {});
  }

  private static String refusal(Path file) {
    return assertThrows(ValidationException.class, () -> spec(file)).getMessage();
  }

  /** What {@code rll train} makes of {@code args}: the flags' values set in a spec tree. */
  private static Consumer<SpecTree> flags(String... args) {
    TrainCommand train = new TrainCommand();
    new CommandLine(train).parseArgs(args);
    return train.flags::applyTo;
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
