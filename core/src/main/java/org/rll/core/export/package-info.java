/**
 * ONNX export of trained models: {@link org.rll.core.export.OnnxExporter} writes an {@link
 * org.rll.core.model.EmbeddingModel} as an ONNX graph (BatchNorm folded into convolutions), checks
 * it against the DJL model with ONNX Runtime, and records in the file what a service needs to use
 * it ({@link org.rll.core.export.ExportMetadata}); {@link org.rll.core.export.OnnxEmbedder} runs
 * such a file.
 */
package org.rll.core.export;
