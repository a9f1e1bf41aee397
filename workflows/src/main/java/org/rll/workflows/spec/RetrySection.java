package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How often a stage that fails for a transient reason (storage, database, a lost worker) is tried
 * before the run fails naming the last error; a null field takes the default. Waits double from
 * {@code initialIntervalSeconds} up to {@code maxIntervalSeconds}: with the defaults, ten tries
 * span about eight minutes. Bad input is never retried.
 *
 * @param maxAttempts tries of one stage or one training chunk, the first included (10)
 * @param initialIntervalSeconds the wait before the second try (2)
 * @param maxIntervalSeconds the longest wait between two tries (120)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetrySection(
    Integer maxAttempts, Integer initialIntervalSeconds, Integer maxIntervalSeconds) {}
