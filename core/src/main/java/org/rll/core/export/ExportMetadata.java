package org.rll.core.export;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;

/**
 * The {@code metadata_props} of an exported model: everything a service needs to feed it and read
 * it. Preprocessing: decode, convert to {@code channels}, resize to {@code resize_width} x {@code
 * resize_height} (bilinear, no aspect kept), centre-crop to the input size, order channels as
 * {@code channel_order}, then {@code (value x pixel_scale - mean[c]) / std[c]} from 0..255 values.
 * Lists are comma-separated, except {@code output_labels}, whose labels hold commas themselves and
 * are separated by semicolons ({@code L;M;H;L,M,H}); numbers are Java's {@code Double.toString}.
 */
public final class ExportMetadata {
  public static final String BACKBONE = "backbone";
  public static final String HEADS = "heads";
  public static final String EMBEDDING_DIM = "embedding_dim";
  public static final String INPUT_NAME = "input_name";
  public static final String INPUT_LAYOUT = "input_layout";
  public static final String INPUT_CHANNELS = "input_channels";
  public static final String INPUT_HEIGHT = "input_height";
  public static final String INPUT_WIDTH = "input_width";
  public static final String RESIZE_WIDTH = "resize_width";
  public static final String RESIZE_HEIGHT = "resize_height";
  public static final String CHANNEL_ORDER = "channel_order";
  public static final String PIXEL_SCALE = "pixel_scale";
  public static final String MEAN = "mean";
  public static final String STD = "std";
  public static final String OUTPUTS = "outputs";
  public static final String OUTPUT_LABELS = "output_labels";
  public static final String RUN_ID = "run_id";
  public static final String CHECKPOINT_ITERATION = "checkpoint_iteration";
  public static final String CONFIG_HASH = "config_hash";
  public static final String RLL_VERSION = "rll_version";
  public static final String OPSET = "opset";
  public static final String PARITY_BATCH = "parity_batch";
  public static final String PARITY_TOLERANCE = "parity_tolerance";

  /** Prefix of the per-output parity keys: {@code parity_max_abs_diff.embedding_H}. */
  public static final String PARITY_MAX_ABS_DIFF = "parity_max_abs_diff.";

  private ExportMetadata() {}

  /** The properties describing {@code spec} and a model with {@code outputs}. */
  static Map<String, String> describe(ExportSpec spec, List<String> outputs) {
    ImageTransformConfig transform = spec.transform();
    Normalization normalization = transform.normalization();
    Map<String, String> props = new LinkedHashMap<>();
    props.put(BACKBONE, spec.model().backbone().cliName());
    props.put(HEADS, String.join(",", spec.model().heads()));
    props.put(EMBEDDING_DIM, Integer.toString(spec.model().embeddingDim()));
    props.put(INPUT_NAME, ModelTranslator.INPUT);
    props.put(INPUT_LAYOUT, "NCHW");
    props.put(INPUT_CHANNELS, Integer.toString(transform.channels()));
    props.put(INPUT_HEIGHT, Integer.toString(transform.cropHeight()));
    props.put(INPUT_WIDTH, Integer.toString(transform.cropWidth()));
    props.put(RESIZE_WIDTH, Integer.toString(transform.resizeWidth()));
    props.put(RESIZE_HEIGHT, Integer.toString(transform.resizeHeight()));
    props.put(CHANNEL_ORDER, normalization.channelOrder().name());
    props.put(PIXEL_SCALE, Double.toString(normalization.scale()));
    props.put(MEAN, numbers(normalization.mean()));
    props.put(STD, numbers(normalization.std()));
    props.put(OUTPUTS, String.join(",", outputs));
    props.put(
        OUTPUT_LABELS, outputs.stream().map(OutputNames::label).collect(Collectors.joining(";")));
    props.put(RUN_ID, spec.runId());
    props.put(CHECKPOINT_ITERATION, Long.toString(spec.checkpointIteration()));
    props.put(CONFIG_HASH, spec.configHash());
    props.put(RLL_VERSION, spec.softwareVersion());
    props.put(OPSET, Integer.toString(OnnxGraph.OPSET));
    return props;
  }

  /** The properties recording a passed parity check. */
  static Map<String, String> parity(ParityReport report) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(PARITY_BATCH, Integer.toString(report.batchSize()));
    props.put(PARITY_TOLERANCE, Double.toString(report.tolerance()));
    report
        .maxAbsDiff()
        .forEach((output, diff) -> props.put(PARITY_MAX_ABS_DIFF + output, Double.toString(diff)));
    return props;
  }

  private static String numbers(double[] values) {
    return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
  }
}
