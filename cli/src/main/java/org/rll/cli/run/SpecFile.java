package org.rll.cli.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.spec.PipelineSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a {@link PipelineSpec} from a YAML or JSON file (JSON is read as the YAML it also is).
 * Unknown fields are ignored, as everywhere specs are read; a value of the wrong type fails with
 * the file and the field named.
 */
public final class SpecFile {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SpecFile() {}

  /** The spec in {@code file}. */
  public static PipelineSpec read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ValidationException("spec file " + file + " does not exist");
    }
    try {
      return parse(Files.readString(file), "spec file " + file);
    } catch (IOException e) {
      throw new ValidationException("cannot read spec file " + file + ": " + e.getMessage());
    }
  }

  /** The spec in {@code text}; {@code origin} names where it comes from in messages. */
  public static PipelineSpec parse(String text, String origin) {
    Object tree;
    try {
      tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new ValidationException(origin + " is not valid YAML or JSON: " + e.getMessage());
    }
    if (!(tree instanceof Map)) {
      throw new ValidationException(
          origin + " must hold a mapping such as {\"dataset\": {\"source\": ...}}");
    }
    try {
      return MAPPER.convertValue(tree, PipelineSpec.class);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        String field =
            mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        throw new ValidationException(
            origin + ": bad value for " + field + ": " + firstLine(mapping));
      }
      throw new ValidationException(origin + ": " + e.getMessage());
    }
  }

  private static String firstLine(JsonMappingException e) {
    return e.getOriginalMessage().lines().findFirst().orElse("");
  }
}
