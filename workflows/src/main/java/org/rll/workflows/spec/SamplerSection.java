package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Class-balanced batches; a null field takes the paper's value.
 *
 * @param classesPerBatch C (60)
 * @param imagesPerClass K (3)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SamplerSection(Integer classesPerBatch, Integer imagesPerClass) {}
