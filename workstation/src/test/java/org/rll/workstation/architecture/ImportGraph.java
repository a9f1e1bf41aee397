package org.rll.workstation.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which rll package imports which, read from the main sources: an edge per {@code import} of
 * another {@code org.rll} package, static imports included.
 */
final class ImportGraph {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?(org\\.rll\\.[\\w.]+?)\\.[A-Z][\\w.]*(?:\\.\\*)?;");

  private final Map<String, Set<String>> edges;

  ImportGraph(Map<String, Set<String>> edges) {
    this.edges = edges;
  }

  /** The graph of every {@code .java} file under {@code sourceRoots}. */
  static ImportGraph read(List<Path> sourceRoots) {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (Path root : sourceRoots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          add(Files.readString(file), edges);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ImportGraph(edges);
  }

  private static void add(String source, Map<String, Set<String>> edges) {
    Matcher declared = PACKAGE.matcher(source);
    if (!declared.find()) {
      return;
    }
    Set<String> imported = edges.computeIfAbsent(declared.group(1), p -> new TreeSet<>());
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      if (!imports.group(1).equals(declared.group(1))) {
        imported.add(imports.group(1));
      }
    }
  }

  /** Every package read. */
  Set<String> packages() {
    return edges.keySet();
  }

  /** The graph with each package replaced by {@code group(package)}, self-edges dropped. */
  ImportGraph grouped(UnaryOperator<String> group) {
    Map<String, Set<String>> merged = new TreeMap<>();
    edges.forEach(
        (from, targets) -> {
          Set<String> out = merged.computeIfAbsent(group.apply(from), g -> new TreeSet<>());
          targets.stream().map(group).filter(to -> !to.equals(group.apply(from))).forEach(out::add);
        });
    return new ImportGraph(merged);
  }

  /** The strongly connected components with more than one package (Tarjan), each sorted. */
  List<Set<String>> cycles() {
    return new Tarjan().run();
  }

  private final class Tarjan {
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<Set<String>> components = new ArrayList<>();

    List<Set<String>> run() {
      edges.keySet().stream().filter(p -> !index.containsKey(p)).forEach(this::visit);
      return components;
    }

    private void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      for (String next : edges.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (stack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }
}
