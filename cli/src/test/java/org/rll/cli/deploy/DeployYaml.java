package org.rll.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The YAML files under {@code deploy/} as maps, lists and scalars: every document, with aliases and
 * merge keys ({@code <<: *worker}) resolved as Compose resolves them, and duplicate keys refused.
 */
final class DeployYaml {
  /** Surefire runs in the module directory; deploy/ sits next to it. */
  static final Path DEPLOY = Path.of("..", "deploy");

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private DeployYaml() {}

  /** Every {@code .yaml} and {@code .yml} file under deploy/, sorted. */
  static List<Path> files() throws IOException {
    assertTrue(Files.isDirectory(DEPLOY), "no directory " + DEPLOY.toAbsolutePath().normalize());
    try (Stream<Path> walk = Files.walk(DEPLOY)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml");
              })
          .sorted()
          .toList();
    }
  }

  /** Every document of {@code file}; a parse error fails naming the file. */
  static List<Object> loadAll(Path file) {
    List<Object> documents = new ArrayList<>();
    try (YAMLParser parser = YAML.getFactory().createParser(file.toFile())) {
      Map<String, Object> anchors = new HashMap<>();
      while (parser.nextToken() != null) {
        Object document = node(parser, anchors);
        // An empty document reads as null or as the empty string.
        if (document != null && !"".equals(document)) {
          documents.add(document);
        }
      }
    } catch (IOException | RuntimeException e) {
      fail(file + " does not parse: " + e.getMessage(), e);
    }
    return documents;
  }

  /** The one document of {@code file}, a mapping. */
  static Map<String, Object> single(Path file) {
    List<Object> documents = loadAll(file);
    assertEquals(1, documents.size(), file + " should hold one document");
    return map(documents.get(0), file.toString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String what) {
    if (!(node instanceof Map<?, ?>)) {
      fail(what + " is not a mapping: " + node);
    }
    return (Map<String, Object>) node;
  }

  /** The mapping at {@code path} below {@code node}, each step a key. */
  static Map<String, Object> at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = map(current, "the parent of " + key).get(key);
    }
    return map(current, String.join(".", path));
  }

  static List<?> list(Object node, String what) {
    if (!(node instanceof List<?> list)) {
      return fail(what + " is not a list: " + node);
    }
    return list;
  }

  /** The node at the parser's current token, as maps, lists and scalars. */
  private static Object node(YAMLParser parser, Map<String, Object> anchors) throws IOException {
    if (parser.isCurrentAlias()) {
      assertTrue(anchors.containsKey(parser.getText()), "unknown alias *" + parser.getText());
      return anchors.get(parser.getText());
    }
    String anchor = parser.getObjectId();
    Object node =
        switch (parser.currentToken()) {
          case START_OBJECT -> mapping(parser, anchors);
          case START_ARRAY -> {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              list.add(node(parser, anchors));
            }
            yield list;
          }
          default -> YAML.readValue(parser, Object.class);
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /** A mapping whose own keys win over those it merges in. */
  private static Map<String, Object> mapping(YAMLParser parser, Map<String, Object> anchors)
      throws IOException {
    Map<String, Object> mapping = new LinkedHashMap<>();
    Map<String, Object> own = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      Object value = node(parser, anchors);
      if (key.equals("<<")) {
        mapping.putAll(map(value, "the merge key's value"));
      } else {
        own.put(key, value);
      }
    }
    mapping.putAll(own);
    return mapping;
  }
}
