package org.rll.workflows.stages;

/**
 * A prepared dataset: where its manifest lies and what it holds.
 *
 * @param manifestPrefix the store prefix of the prepared dataset ({@code manifest.csv} under it)
 * @param format the dataset format's id
 */
public record DatasetRef(
    String manifestPrefix,
    String format,
    int trainImages,
    int trainClasses,
    int testImages,
    int testClasses) {}
