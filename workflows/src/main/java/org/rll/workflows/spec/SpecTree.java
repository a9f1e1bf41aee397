package org.rll.workflows.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec as a JSON tree: where a spec file, command-line flags and settings meet before they become
 * a {@link PipelineSpec}. Values are set at dotted paths such as {@code training.iterations},
 * objects created on the way, and {@link #toSpec()} decodes the tree with {@link SpecCodec}, as
 * strictly as the workflow decodes its input. A tree read from text remembers the line of each
 * value, so that the refusal of a value written there names its line; a value set later has none.
 *
 * <p>A tree changes in place and is not thread-safe.
 */
public final class SpecTree {
  private static final String EXAMPLE = "{\"dataset\": {\"source\": \"...\"}}";

  private final ObjectNode root;
  private final Map<String, Integer> lines;

  private SpecTree(ObjectNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /** A tree with nothing set. */
  public static SpecTree empty() {
    return new SpecTree(JsonNodeFactory.instance.objectNode(), new HashMap<>());
  }

  /** The spec in the JSON text {@code json}. */
  public static SpecTree parse(String json) {
    return read(json, new JsonFactoryBuilder());
  }

  /**
   * The spec in {@code text}, of the format {@code format} builds (JSON, YAML, ...), read under the
   * limits of a workflow input; a syntax error names its line where the parser knows it.
   */
  public static <B extends TSFBuilder<?, B>> SpecTree read(String text, B format) {
    JsonFactory factory = SpecCodec.limited(format).build();
    JsonNode tree;
    try (JsonParser parser = factory.createParser(text)) {
      tree = SpecCodec.MAPPER.readTree(parser);
    } catch (IOException e) {
      InvalidSpecException refusal =
          new InvalidSpecException(
              "not valid " + factory.getFormatName() + ": " + FieldErrors.problem(e));
      JsonLocation at = e instanceof JacksonException jackson ? jackson.getLocation() : null;
      throw at == null ? refusal : InvalidSpecException.atLine(refusal, at.getLineNr());
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidSpecException(
          "the spec must hold a mapping such as " + EXAMPLE + ", got " + JsonValues.describe(tree));
    }
    return new SpecTree((ObjectNode) tree, lines(factory, text));
  }

  /**
   * Sets {@code value} at {@code path}, names joined by dots, creating the objects on the way (in
   * place of a null too). The value is a {@link JsonNode} or anything Jackson writes as JSON: a
   * string, a number, a boolean, a list, null. A name on the way that holds another value than an
   * object is refused, naming it.
   */
  public SpecTree set(String path, Object value) {
    List<String> names = names(path);
    ObjectNode parent = root;
    for (int i = 0; i < names.size() - 1; i++) {
      JsonNode child = parent.path(names.get(i));
      if (child.isMissingNode() || child.isNull()) {
        child = parent.putObject(names.get(i));
      } else if (!child.isObject()) {
        String field = String.join(".", names.subList(0, i + 1));
        throw located(
            new InvalidSpecException(
                "cannot set "
                    + path
                    + ": "
                    + field
                    + " is "
                    + JsonValues.describe(child)
                    + ", not an object",
                field));
      }
      parent = (ObjectNode) child;
    }
    parent.set(names.get(names.size() - 1), json(value));
    lines
        .keySet()
        .removeIf(f -> f.equals(path) || f.startsWith(path + ".") || f.startsWith(path + "["));
    return this;
  }

  /**
   * Sets the value of {@code assignment}, {@code path=value}. The value is read as JSON when it is
   * a JSON scalar or array ({@code 500}, {@code true}, {@code null}, {@code [1, 2]}, {@code "7"}),
   * and as the string it is otherwise ({@code file:///data/cub}).
   */
  public SpecTree assign(String assignment) {
    int equals = assignment.indexOf('=');
    if (equals < 0) {
      throw new InvalidSpecException(
          "a value to set is path=value, such as training.iterations=500, got '"
              + assignment
              + "'");
    }
    return set(assignment.substring(0, equals), value(assignment.substring(equals + 1)));
  }

  /** The {@code type} the tree holds, decoded as strictly as a spec. */
  public <T> T decode(Class<T> type) {
    try {
      return SpecCodec.decode(root, type);
    } catch (InvalidSpecException e) {
      throw located(e);
    }
  }

  /** The spec the tree holds, decoded as the workflow decodes its input. */
  public PipelineSpec toSpec() {
    try {
      return SpecCodec.decode(root);
    } catch (InvalidSpecException e) {
      throw located(e);
    }
  }

  /** The tree as JSON text. */
  @Override
  public String toString() {
    return root.toString();
  }

  /** {@code e} at the line its field was read from, if it was. */
  private InvalidSpecException located(InvalidSpecException e) {
    Integer line = e.field() == null ? null : lines.get(e.field());
    return line == null ? e : InvalidSpecException.atLine(e, line);
  }

  private static List<String> names(String path) {
    List<String> names = List.of(path.split("\\.", -1));
    if (names.contains("")) {
      throw new InvalidSpecException(
          "a spec path is field names joined by dots, such as training.iterations, got '"
              + path
              + "'");
    }
    return names;
  }

  private static JsonNode json(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    return value == null ? NullNode.getInstance() : SpecCodec.MAPPER.valueToTree(value);
  }

  private static JsonNode value(String text) {
    try (JsonParser parser = SpecCodec.MAPPER.createParser(text)) {
      JsonNode node = SpecCodec.MAPPER.readTree(parser);
      if (node != null && (node.isValueNode() || node.isArray())) {
        return node;
      }
    } catch (IOException e) {
      // Not JSON: the text is the value.
    }
    return TextNode.valueOf(text);
  }

  /** The line of each value in {@code text}, by the field name messages give it. */
  private static Map<String, Integer> lines(JsonFactory factory, String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isScalarValue() || token.isStructStart()) {
          JsonStreamContext context = parser.getParsingContext();
          JsonStreamContext at = token.isStructStart() ? context.getParent() : context;
          if (!at.inRoot()) {
            lines.put(name(at), parser.currentTokenLocation().getLineNr());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("a spec that was read once cannot be read again", e);
    }
    return lines;
  }

  /** {@code dataset.trainClasses[2]}: the field at {@code context}, named as messages name it. */
  private static String name(JsonStreamContext context) {
    StringBuilder name = new StringBuilder();
    for (JsonStreamContext at = context; !at.inRoot(); at = at.getParent()) {
      name.insert(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName());
    }
    return name.substring(1);
  }
}
