package org.rll.workflows.spec;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The field paths a {@link PipelineSpec} has, such as {@code loss.alpha}, read from its records: an
 * override that must reach a field (a sweep's axis) is checked here, since the spec itself ignores
 * unknown fields.
 */
public final class SpecPaths {
  private static final Set<String> FIELDS = fields(PipelineSpec.class, "");

  private SpecPaths() {}

  /** Every field path, sections excluded. */
  public static Set<String> fields() {
    return FIELDS;
  }

  /** Fails unless {@code path} names a field; the message lists the fields beside it. */
  public static void require(String path) {
    if (FIELDS.contains(path)) {
      return;
    }
    int dot = path.lastIndexOf('.');
    String section = dot < 0 ? "" : path.substring(0, dot + 1);
    Set<String> siblings =
        FIELDS.stream()
            .filter(f -> f.startsWith(section) && f.indexOf('.', section.length()) < 0)
            .map(f -> f.substring(section.length()))
            .collect(Collectors.toCollection(TreeSet::new));
    throw new InvalidSpecException(
        path
            + " is not a spec field"
            + (siblings.isEmpty()
                ? ""
                : "; the fields "
                    + (section.isEmpty() ? "at the top" : "of " + section.substring(0, dot))
                    + " are "
                    + String.join(", ", siblings)),
        path);
  }

  private static Set<String> fields(Class<?> type, String prefix) {
    Set<String> fields = new TreeSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String path = prefix + component.getName();
      if (component.getType().isRecord()) {
        fields.addAll(fields(component.getType(), path + "."));
      } else {
        fields.add(path);
      }
    }
    return Set.copyOf(fields);
  }
}
