package org.rll.workflows.stages;

/**
 * An exported, checked ONNX model.
 *
 * @param key its store key
 * @param iteration the checkpoint iteration it was exported from
 * @param parityMaxAbsDiff the largest difference between ONNX Runtime and the net on the check
 */
public record ModelRef(String key, long iteration, double parityMaxAbsDiff) {}
