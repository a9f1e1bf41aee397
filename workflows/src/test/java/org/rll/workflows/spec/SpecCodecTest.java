package org.rll.workflows.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecCodecTest {
  @Test
  void aSpecSurvivesEncodingAndDecoding() {
    PipelineSpec spec =
        SpecTree.parse(
                """
                {"runId": "run-1",
                 "dataset": {"source": "file:///data/cub.tgz", "format": "cub200",
                             "trainClasses": ["1", "2"], "minImagesPerClass": 3},
                 "loss": {"alpha": 1.2, "margin": 0.4, "temperature": 10.0},
                 "sampler": {"classesPerBatch": 60, "imagesPerClass": 3},
                 "evaluation": {"ks": [1, 2, 4, 8], "seed": 7, "untrained": true}}
                """)
            .toSpec();

    assertEquals(spec, SpecCodec.decode(SpecCodec.encode(spec)));
  }

  @Test
  void encodingLeavesNullFieldsOut() {
    RawValue input =
        SpecCodec.encode(
            SpecTree.parse("{\"dataset\": {\"source\": \"s\", \"format\": null}}").toSpec());

    assertEquals("{\"dataset\":{\"source\":\"s\"}}", input.getPayload().getData().toStringUtf8());
  }

  @Test
  void unknownFieldsAreIgnoredAndNumbersReadAsClassNames() {
    PipelineSpec spec =
        decode("{\"dataset\":{\"source\":\"s\",\"trainClasses\":[1,2],\"x\":1},\"future\":{}}");

    assertEquals(List.of("1", "2"), spec.dataset().trainClasses());
    assertNull(spec.loss());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"loss":{"temperature":"hot"}}       | spec field loss.temperature must be a number, got the string "hot"
          {"loss":{"alpha":"1.2"}}             | spec field loss.alpha must be a number, got the string "1.2"
          {"loss":{"alpha":true}}              | spec field loss.alpha must be a number, got the value true
          {"loss":{"alpha":1e400}}             | spec field loss.alpha must be a finite number, got 1E+400
          {"model":{"heads":["H",null]}}       | spec field model.heads[1] must not be null
          {"loss":[1]}                         | spec field loss must be an object, got an array
          {"loss":"ranked"}                    | spec field loss must be an object, got the string "ranked"
          {"training":{"iterations":1.5}}      | spec field training.iterations must be an integer that fits 32 bits, got the number 1.5
          {"training":{"iterations":99999999999}} | spec field training.iterations must be an integer that fits 32 bits, got the number 99999999999
          {"training":{"seed":99999999999999999999}} | spec field training.seed must be an integer that fits 64 bits, got the number 99999999999999999999
          {"training":{"lrSteps":[1,"x"]}}     | spec field training.lrSteps[1] must be an integer that fits 32 bits, got the string "x"
          {"training":{"lrSteps":5}}           | spec field training.lrSteps must be an array, got the number 5
          {"evaluation":{"untrained":"yes"}}   | spec field evaluation.untrained must be true or false, got the string "yes"
          {"evaluation":{"untrained":1}}       | spec field evaluation.untrained must be true or false, got the number 1
          {"dataset":{"source":{"a":1}}}       | spec field dataset.source must be a string, got an object
          {"runId":["a"]}                      | spec field runId must be a string, got an array
          [1,2]                                | the spec must be a JSON object such as {"dataset":{"source":"..."}}, got an array
          "cub"                                | the spec must be a JSON object such as {"dataset":{"source":"..."}}, got the string "cub"
          null                                 | the spec must be a JSON object such as {"dataset":{"source":"..."}}, got null
          {"loss":{"alpha":1,"alpha":2}}       | the spec is not valid JSON: Duplicate field 'alpha' (line 1, column 27)
          {"loss":{"alpha":1}                  | the spec is not valid JSON: Unexpected end-of-input: expected close marker for Object (opened at line 1, column 1) (line 1, column 20)
          {"loss":{}} x                        | the spec is not valid JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 13)
          {"loss":{"alpha":NaN}}               | the spec is not valid JSON: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow (line 1, column 21)
          {"loss":{"ks":[1}}                    | the spec is not valid JSON: Unexpected close marker '}': expected ']' (opened at line 1, column 15) (line 1, column 17)
          ''                                   | the spec is empty; give a spec such as {"dataset":{"source":"..."}}
          """)
  void badDocumentsAreRefusedNamingTheProblem(String json, String message) {
    assertEquals(message, refusal(json == null ? "" : json));
  }

  @Test
  void deepNestingIsRefused() {
    String json = "{\"x\":".repeat(40) + "1" + "}".repeat(40);

    assertEquals(
        "the spec is not valid JSON: Document nesting depth (17) exceeds the maximum allowed (16)",
        refusal(json));
  }

  @Test
  void anEmptyOrForeignPayloadIsRefused() {
    assertEquals(
        "the workflow input is empty; give a spec such as {\"dataset\":{\"source\":\"...\"}}",
        assertThrows(InvalidSpecException.class, () -> SpecCodec.decode((RawValue) null))
            .getMessage());
    Payload binary =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("binary/plain"))
            .setData(ByteString.copyFromUtf8("x"))
            .build();
    assertEquals(
        "the workflow input must be a json/plain payload, got encoding 'binary/plain'",
        assertThrows(InvalidSpecException.class, () -> SpecCodec.decode(new RawValue(binary)))
            .getMessage());
  }

  @Test
  void anOversizedDocumentIsRefusedBeforeParsing() {
    String json = "{\"dataset\":{\"source\":\"" + "a".repeat(10 << 20) + "\"}}";

    assertEquals(
        "the spec is 10,485,785 bytes; a spec is at most 262,144",
        assertThrows(InvalidSpecException.class, () -> SpecCodec.decode(json(json))).getMessage());
  }

  private static PipelineSpec decode(String json) {
    return SpecCodec.decode(json(json));
  }

  private static String refusal(String json) {
    return assertThrows(InvalidSpecException.class, () -> decode(json)).getMessage();
  }

  private static RawValue json(String json) {
    return new RawValue(
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
            .build());
  }
}
