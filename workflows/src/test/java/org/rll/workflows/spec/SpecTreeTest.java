package org.rll.workflows.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecTreeTest {
  private static final String FILE =
      """
      {"dataset": {"source": "file:///a", "format": "cub200"},
       "training": {"iterations": 100,
                    "seed": "seven",
                    "lrSteps": [10, 20]},
       "loss": 1.2}
      """;

  @Test
  void setCreatesObjectsAndKeepsTheRest() {
    PipelineSpec spec =
        SpecTree.parse("{\"dataset\": {\"source\": \"file:///a\", \"format\": \"cub200\"}}")
            .set("dataset.source", "file:///b")
            .set("training.iterations", 5)
            .set("training.lrSteps", List.of(2, 4))
            .set("evaluation.untrained", true)
            .toSpec();

    assertEquals("file:///b", spec.dataset().source());
    assertEquals("cub200", spec.dataset().format());
    assertEquals(5, spec.training().iterations());
    assertEquals(List.of(2, 4), spec.training().lrSteps());
    assertEquals(true, spec.evaluation().untrained());
  }

  @Test
  void aNullIsReplacedByAnObjectAndANullValueClearsAField() {
    PipelineSpec spec =
        SpecTree.parse("{\"dataset\": {\"source\": \"s\", \"format\": \"csv\"}, \"loss\": null}")
            .set("loss.alpha", 1.0)
            .set("dataset.format", null)
            .toSpec();

    assertEquals(1.0, spec.loss().alpha());
    assertNull(spec.dataset().format());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          training.iterations=500     | {"training":{"iterations":500}}
          loss.alpha=1.5              | {"loss":{"alpha":1.5}}
          evaluation.untrained=true   | {"evaluation":{"untrained":true}}
          training.lrSteps=[4, 8]     | {"training":{"lrSteps":[4,8]}}
          runId="7"                   | {"runId":"7"}
          runId=007                   | {"runId":"007"}
          dataset.source=file:///d=1  | {"dataset":{"source":"file:///d=1"}}
          dataset.format=null         | {"dataset":{"format":null}}
          runId=                      | {"runId":""}
          loss={"alpha": 1}           | {"loss":"{\\"alpha\\": 1}"}
          """)
  void anAssignedValueIsJsonWhenItIsAScalarOrAnArrayAndTextOtherwise(
      String assignment, String tree) {
    assertEquals(tree, SpecTree.empty().assign(assignment).toString());
  }

  @Test
  void aPathThroughAnotherValueThanAnObjectIsRefusedNamingIt() {
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class, () -> SpecTree.parse(FILE).set("loss.alpha.low", 1.0));

    assertEquals(
        "cannot set loss.alpha.low: loss is the number 1.2, not an object", e.getMessage());
    assertEquals("loss", e.field());
    assertEquals(OptionalInt.of(5), e.line());
  }

  @Test
  void badPathsAndAssignmentsAreRefused() {
    assertEquals(
        "a spec path is field names joined by dots, such as training.iterations, got 'a..b'",
        assertThrows(InvalidSpecException.class, () -> SpecTree.empty().set("a..b", 1))
            .getMessage());
    assertEquals(
        "a spec path is field names joined by dots, such as training.iterations, got ''",
        assertThrows(InvalidSpecException.class, () -> SpecTree.empty().assign("=1")).getMessage());
    assertEquals(
        "a value to set is path=value, such as training.iterations=500, got 'iterations'",
        assertThrows(InvalidSpecException.class, () -> SpecTree.empty().assign("iterations"))
            .getMessage());
  }

  @Test
  void aBadValueReadFromTextNamesItsLine() {
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SpecTree.parse(FILE).toSpec());

    assertEquals(
        "spec field training.seed must be an integer that fits 64 bits, got the string \"seven\"",
        e.getMessage());
    assertEquals("training.seed", e.field());
    assertEquals(OptionalInt.of(3), e.line());
  }

  @Test
  void aBadValueSetOverTheTextHasNoLine() {
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () ->
                SpecTree.parse(FILE)
                    .set("training", SpecTree.parse("{\"seed\": 1}").toSpec().training())
                    .set("training.lrSteps", List.of("x"))
                    .toSpec());

    assertEquals(
        "spec field training.lrSteps[0] must be an integer that fits 32 bits, got the string \"x\"",
        e.getMessage());
    assertEquals(OptionalInt.empty(), e.line());
  }

  @Test
  void anArrayElementNamesItsLine() {
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () -> SpecTree.parse("{\"model\": {\"heads\": [\"H\",\n null]}}").toSpec());

    assertEquals("spec field model.heads[1] must not be null", e.getMessage());
    assertEquals(OptionalInt.of(2), e.line());
  }

  @Test
  void textThatIsNotASpecIsRefused() {
    InvalidSpecException broken =
        assertThrows(
            InvalidSpecException.class, () -> SpecTree.parse("{\"loss\":\n {\"alpha\": }}"));
    assertEquals(
        "not valid JSON: Unexpected character ('}' (code 125)): expected a valid value (JSON String,"
            + " Number, Array, Object or token 'null', 'true' or 'false')",
        broken.getMessage());
    assertEquals(OptionalInt.of(2), broken.line());
    assertEquals(
        "the spec must hold a mapping such as {\"dataset\": {\"source\": \"...\"}}, got an array",
        assertThrows(InvalidSpecException.class, () -> SpecTree.parse("[1]")).getMessage());
    assertEquals(
        "the spec must hold a mapping such as {\"dataset\": {\"source\": \"...\"}}, got nothing",
        assertThrows(InvalidSpecException.class, () -> SpecTree.parse(" ")).getMessage());
  }
}
