package org.rll.core.export;

import java.util.Locale;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.model.ModelConfig;

/**
 * What an export is of, and what its file records so that a service can use it with no other
 * context: the network, the preprocessing its input needs, which checkpoint of which run it came
 * from, and how closely ONNX Runtime must reproduce the DJL model. Immutable; build it with {@link
 * #builder()}.
 *
 * @param model the network: backbone, heads, embedding size
 * @param transform the test-time preprocessing (no random crop, no flip); its crop is the input
 *     size
 * @param runId the run the checkpoint belongs to
 * @param checkpointIteration iterations completed at the checkpoint
 * @param configHash the SHA-256 (lower-case hex) of the run's canonical config
 * @param softwareVersion the rll version that exports
 * @param tolerance the largest absolute difference allowed between ONNX Runtime and DJL outputs
 */
public record ExportSpec(
    ModelConfig model,
    ImageTransformConfig transform,
    String runId,
    long checkpointIteration,
    String configHash,
    String softwareVersion,
    double tolerance) {

  /** The parity tolerance unless one is given. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  /** Validates every field; messages name the bad value. */
  public ExportSpec {
    ValidationException.check(model != null, "export spec needs a model config");
    ValidationException.check(transform != null, "export spec needs an image transform");
    ValidationException.check(
        !transform.randomCrop() && !transform.flip(),
        "export needs the test-time transform (no random crop, no flip), got %s",
        transform);
    ValidationException.check(
        transform.channels() == model.backbone().channels(),
        "transform outputs %d channels but %s takes %d",
        transform.channels(),
        model.backbone().cliName(),
        model.backbone().channels());
    ValidationException.check(
        runId != null && !runId.isBlank(), "export spec needs a run id, got '%s'", runId);
    ValidationException.check(
        checkpointIteration >= 0, "checkpoint iteration must be >= 0, got %d", checkpointIteration);
    ValidationException.check(
        configHash != null && configHash.matches("[0-9a-f]{64}"),
        "config hash must be 64 lower-case hex digits, got '%s'",
        configHash);
    ValidationException.check(
        softwareVersion != null && !softwareVersion.isBlank(),
        "software version must not be blank, got '%s'",
        softwareVersion);
    ValidationException.check(
        Double.isFinite(tolerance) && tolerance > 0,
        "parity tolerance must be positive and finite, got %s",
        tolerance);
  }

  /** A builder; model, transform, run id, checkpoint iteration and config hash are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The version in rll's jar manifest, or {@code dev} when running from classes. */
  public static String currentVersion() {
    String version = ExportSpec.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Builds an {@link ExportSpec}. */
  public static final class Builder {
    private ModelConfig model;
    private ImageTransformConfig transform;
    private String runId;
    private Long checkpointIteration;
    private String configHash;
    private String softwareVersion = currentVersion();
    private double tolerance = DEFAULT_TOLERANCE;

    private Builder() {}

    /** The network (required). */
    public Builder setModel(ModelConfig model) {
      this.model = model;
      return this;
    }

    /** The test-time preprocessing (required). */
    public Builder setTransform(ImageTransformConfig transform) {
      this.transform = transform;
      return this;
    }

    /** The run's id (required). */
    public Builder setRunId(String runId) {
      this.runId = runId;
      return this;
    }

    /** The checkpoint's iteration (required). */
    public Builder setCheckpointIteration(long iteration) {
      this.checkpointIteration = iteration;
      return this;
    }

    /** The run's config hash (required). */
    public Builder setConfigHash(String configHash) {
      this.configHash = configHash == null ? null : configHash.toLowerCase(Locale.ROOT);
      return this;
    }

    /** The exporting rll version (default {@link ExportSpec#currentVersion()}). */
    public Builder optSoftwareVersion(String softwareVersion) {
      this.softwareVersion = softwareVersion;
      return this;
    }

    /** The parity tolerance (default {@value ExportSpec#DEFAULT_TOLERANCE}). */
    public Builder optTolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Validates the settings and returns the spec. */
    public ExportSpec build() {
      ValidationException.check(
          checkpointIteration != null, "export spec needs a checkpoint iteration");
      return new ExportSpec(
          model, transform, runId, checkpointIteration, configHash, softwareVersion, tolerance);
    }
  }
}
