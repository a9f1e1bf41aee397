package org.rll.workflows.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One axis of a sweep: the values a spec field takes, such as {@code loss.alpha} over {@code [1.0,
 * 1.2, 1.4]}.
 *
 * @param path the spec field, names joined by dots
 * @param values the values, each any JSON value the field accepts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SweepAxis(String path, List<JsonNode> values) {}
