package org.rll.workflows.sweep;

import org.rll.workflows.spec.PipelineSpec;

/**
 * One run of a sweep: a setting with one seed.
 *
 * @param runId {@code <sweep>-<setting hash>-s<seed>}, also its workflow id
 * @param setting the axes' values
 * @param seed its {@code training.seed}
 * @param spec the base spec with the setting, the seed and the run id applied
 */
public record SweepRun(String runId, SweepSetting setting, long seed, PipelineSpec spec) {}
