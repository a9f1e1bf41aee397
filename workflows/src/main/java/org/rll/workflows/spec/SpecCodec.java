package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.RawValue;
import java.io.IOException;
import java.util.Locale;

/**
 * The one way a {@link PipelineSpec} becomes a workflow input and back. The workflow takes its
 * input as a {@link RawValue}, so the SDK never decodes it: decoding happens here, inside the
 * workflow, and any input that is not a spec ends in an {@link InvalidSpecException} that fails the
 * run with its message, instead of failing the workflow task over and over.
 *
 * <p>Decoding is strict where leniency would hide a mistake: duplicate keys, a number where a
 * string of digits was written, a fraction for an integer, trailing content, non-finite numbers and
 * nulls inside arrays are refused; unknown fields are ignored, so specs written for a newer version
 * still start. Size and nesting are bounded before anything is built.
 */
public final class SpecCodec {
  /** The largest input accepted, in bytes. */
  public static final int MAX_BYTES = 256 * 1024;

  static final int MAX_DEPTH = 16;
  private static final String JSON = "json/plain";
  private static final String EXAMPLE = "{\"dataset\":{\"source\":\"...\"}}";

  /**
   * Reads and writes specs; its trees, read from a parser of any format, hold numbers as a workflow
   * input holds them.
   */
  static final ObjectMapper MAPPER = mapper();

  private SpecCodec() {}

  /** {@code spec} as a JSON workflow input; null fields are left out. */
  public static RawValue encode(PipelineSpec spec) {
    return encode((Object) spec);
  }

  /** The spec {@code input} holds; null or a JSON {@code null} is refused like any bad input. */
  public static PipelineSpec decode(RawValue input) {
    return decode(tree(input));
  }

  /**
   * The JSON document a workflow input holds, checked as every input is: present, a {@code
   * json/plain} payload, at most {@link #MAX_BYTES}, well-formed JSON within the limits.
   */
  public static JsonNode tree(RawValue input) {
    Payload payload = input == null ? null : input.getPayload();
    String encoding =
        payload == null
            ? ""
            : payload.getMetadataOrDefault("encoding", ByteString.EMPTY).toStringUtf8();
    if (payload == null || encoding.equals("binary/null")) {
      throw new InvalidSpecException("the workflow input is empty; give a spec such as " + EXAMPLE);
    }
    if (!encoding.equals(JSON)) {
      throw new InvalidSpecException(
          "the workflow input must be a json/plain payload, got encoding '"
              + printable(encoding)
              + "'");
    }
    if (payload.getData().size() > MAX_BYTES) {
      throw new InvalidSpecException(
          String.format(
              Locale.ROOT,
              "the spec is %,d bytes; a spec is at most %,d",
              payload.getData().size(),
              MAX_BYTES));
    }
    return parse(payload.getData().toByteArray());
  }

  /** {@code value} as a JSON workflow input; null fields are left out. */
  public static RawValue encode(Object value) {
    try {
      return new RawValue(
          Payload.newBuilder()
              .putMetadata("encoding", ByteString.copyFromUtf8(JSON))
              .setData(ByteString.copyFrom(MAPPER.writeValueAsBytes(value)))
              .build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The {@code type} that the JSON object {@code tree} holds, decoded as strictly as a spec: a
   * value of the wrong type is refused, naming its field.
   */
  public static <T> T decode(JsonNode tree, Class<T> type) {
    if (!tree.isObject()) {
      throw new InvalidSpecException(
          "the input must be a JSON object, got " + JsonValues.describe(tree));
    }
    JsonValues.requireSound(tree, "");
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException | IllegalArgumentException e) {
      throw FieldErrors.describe(e, tree);
    }
  }

  /** The spec the JSON document {@code json} holds. */
  public static PipelineSpec decode(byte[] json) {
    return decode(parse(json));
  }

  /**
   * The spec {@code tree} holds, decoded as strictly as a workflow input: a spec file, flags or
   * settings merged into a tree fail here as the workflow would fail them.
   */
  public static PipelineSpec decode(JsonNode tree) {
    if (!tree.isObject()) {
      throw new InvalidSpecException(
          "the spec must be a JSON object such as "
              + EXAMPLE
              + ", got "
              + JsonValues.describe(tree));
    }
    return decode(tree, PipelineSpec.class);
  }

  private static JsonNode parse(byte[] json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw new InvalidSpecException("the spec is empty; give a spec such as " + EXAMPLE);
      }
      return tree;
    } catch (IOException e) {
      throw new InvalidSpecException("the spec is not valid JSON: " + FieldErrors.original(e));
    }
  }

  private static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  /**
   * {@code format} (a JSON, YAML or other Jackson factory builder) limited as workflow input is:
   * duplicate keys refused, numbers, strings and nesting bounded.
   */
  static <B extends TSFBuilder<?, B>> B limited(B format) {
    return format
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(64)
                .maxStringLength(MAX_BYTES)
                .build());
  }

  private static ObjectMapper mapper() {
    JsonFactory factory = limited(new JsonFactoryBuilder()).build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
    refuse(
        mapper, LogicalType.Collection, CoercionInputShape.String, CoercionInputShape.EmptyString);
    return mapper;
  }

  /** Makes a value of {@code shapes} where {@code type} belongs an error, not a conversion. */
  private static void refuse(JsonMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }
}
