package org.rll.activities.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random damage to a spec's JSON, as a property test needs it: a value's type swapped, a
 * value nulled, a value wrapped in an extra array or object, a key duplicated, a brace or bracket
 * removed. The same seed always gives the same document.
 */
final class SpecMutations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonNode[] REPLACEMENTS = {
    NODES.textNode("hot"),
    NODES.numberNode(-1),
    NODES.numberNode(1.5),
    NODES.booleanNode(true),
    NODES.arrayNode().add(1),
    NODES.objectNode().put("x", 1),
    NODES.numberNode(1e300),
    NODES.textNode(""),
    NODES.numberNode(Long.MAX_VALUE)
  };

  private SpecMutations() {}

  /** {@code spec} with one to three mutations drawn from {@code seed}. */
  static String mutate(String spec, long seed) {
    Random random = new Random(seed);
    try {
      JsonNode tree = JSON.readTree(spec);
      int count = 1 + random.nextInt(3);
      String duplicated = null;
      for (int i = 0; i < count; i++) {
        List<JsonNode> parents = containers(tree);
        JsonNode parent = parents.get(random.nextInt(parents.size()));
        switch (random.nextInt(4)) {
          case 0 -> replaceChild(parent, random, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
          case 1 -> replaceChild(parent, random, NODES.nullNode());
          case 2 -> wrapChild(parent, random);
          default ->
              duplicated = parent.isObject() && parent.size() > 0 ? pick(parent, random) : null;
        }
      }
      String text = write(tree, duplicated);
      return random.nextInt(4) == 0 ? removeBrace(text, random) : text;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + spec, e);
    }
  }

  private static List<JsonNode> containers(JsonNode tree) {
    List<JsonNode> all = new ArrayList<>();
    collect(tree, all);
    return all;
  }

  private static void collect(JsonNode node, List<JsonNode> all) {
    if (node.isContainerNode() && node.size() > 0) {
      all.add(node);
      node.forEach(child -> collect(child, all));
    }
  }

  private static void replaceChild(JsonNode parent, Random random, JsonNode value) {
    if (parent instanceof ObjectNode object) {
      object.set(pick(object, random), value);
    } else {
      ((ArrayNode) parent).set(random.nextInt(parent.size()), value);
    }
  }

  private static void wrapChild(JsonNode parent, Random random) {
    boolean inArray = random.nextBoolean();
    if (parent instanceof ObjectNode object) {
      String key = pick(object, random);
      JsonNode child = object.get(key);
      object.set(key, inArray ? NODES.arrayNode().add(child) : NODES.objectNode().set(key, child));
    } else {
      int index = random.nextInt(parent.size());
      JsonNode child = parent.get(index);
      ((ArrayNode) parent).set(index, NODES.arrayNode().add(child));
    }
  }

  private static String pick(JsonNode object, Random random) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.get(random.nextInt(names.size()));
  }

  /** {@code node} as JSON text, the field {@code duplicated} written twice wherever it occurs. */
  private static String write(JsonNode node, String duplicated) throws java.io.IOException {
    if (!node.isContainerNode()) {
      return JSON.writeValueAsString(node);
    }
    StringBuilder text = new StringBuilder(node.isObject() ? "{" : "[");
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String pair =
            JSON.writeValueAsString(field.getKey()) + ":" + write(field.getValue(), duplicated);
        text.append(pair).append(field.getKey().equals(duplicated) ? "," + pair : "");
        text.append(it.hasNext() ? "," : "");
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        text.append(i > 0 ? "," : "").append(write(node.get(i), duplicated));
      }
    }
    return text.append(node.isObject() ? "}" : "]").toString();
  }

  private static String removeBrace(String text, Random random) {
    List<Integer> braces = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if ("{}[]".indexOf(text.charAt(i)) >= 0) {
        braces.add(i);
      }
    }
    int at = braces.get(random.nextInt(braces.size()));
    return text.substring(0, at) + text.substring(at + 1);
  }
}
