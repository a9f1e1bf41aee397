package org.rll.cli.spec;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.sweep.SweepSpec;

/**
 * A spec file, JSON when its name ends in {@code .json} and YAML otherwise, read as a {@link
 * SpecTree} that flags are then set in. Unknown fields are ignored, as everywhere specs are read. A
 * refusal names the file and the line: {@code spec file run.yaml, line 7: spec field
 * training.iterations must be an integer that fits 32 bits, got the string "many"}; a value a flag
 * set is refused by the same message, without the file. YAML anchors may be written but aliases are
 * refused.
 */
public final class SpecFile {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String origin;
  private final SpecTree tree;

  private SpecFile(String origin, SpecTree tree) {
    this.origin = origin;
    this.tree = tree;
  }

  /** No file: a spec from flags alone. */
  public static SpecFile none() {
    return new SpecFile(null, SpecTree.empty());
  }

  /** The spec in {@code file}. */
  public static SpecFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ValidationException("spec file " + file + " does not exist");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ValidationException("cannot read spec file " + file + ": " + e.getMessage());
    }
    String origin = "spec file " + file;
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
        return new SpecFile(origin, SpecTree.read(text, new JsonFactoryBuilder()));
      }
      SpecTree tree = SpecTree.read(text, YAMLFactory.builder());
      refuseAliases(text, origin);
      return new SpecFile(origin, tree);
    } catch (InvalidSpecException e) {
      throw refusal(origin, e);
    }
  }

  /**
   * Refuses the YAML aliases ({@code *name}) in {@code text}, which Jackson reads as the string
   * {@code name} rather than as the value the anchor names.
   */
  private static void refuseAliases(String text, String origin) {
    try (YAMLParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        if (parser.isCurrentAlias()) {
          throw new ValidationException(
              origin
                  + ", line "
                  + parser.currentTokenLocation().getLineNr()
                  + ": YAML aliases such as *"
                  + parser.getText()
                  + " are not read in spec files; write the value out");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("a spec file that was read once cannot be read again", e);
    }
  }

  /** The spec in the JSON text {@code json}; {@code origin} names it in messages. */
  public static SpecFile json(String json, String origin) {
    try {
      return new SpecFile(origin, SpecTree.parse(json));
    } catch (InvalidSpecException e) {
      throw refusal(origin, e);
    }
  }

  /**
   * The spec this file holds once {@code overrides} has set its values in the file's tree, decoded
   * as the workflow decodes its input.
   */
  public PipelineSpec toSpec(Consumer<SpecTree> overrides) {
    try {
      overrides.accept(tree);
      return tree.toSpec();
    } catch (InvalidSpecException e) {
      throw e.line().isPresent() ? refusal(origin, e) : new ValidationException(e.getMessage());
    }
  }

  /** The sweep this file holds. */
  public SweepSpec toSweep() {
    try {
      return tree.decode(SweepSpec.class);
    } catch (InvalidSpecException e) {
      throw refusal(origin, e);
    }
  }

  /** {@code e} as a refusal of the text {@code origin} names, at its line when known. */
  private static ValidationException refusal(String origin, InvalidSpecException e) {
    String line = e.line().isPresent() ? ", line " + e.line().getAsInt() : "";
    return new ValidationException(origin + line + ": " + e.getMessage());
  }
}
