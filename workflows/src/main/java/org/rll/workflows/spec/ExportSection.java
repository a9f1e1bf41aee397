package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The ONNX export and its check; a null field takes the default.
 *
 * @param tolerance the largest absolute difference allowed between ONNX Runtime and the trained net
 *     (1e-4)
 * @param checkImages test images the check runs (32)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportSection(Double tolerance, Integer checkImages) {}
