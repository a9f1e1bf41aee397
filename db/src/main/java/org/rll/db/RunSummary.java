package org.rll.db;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A run with what a list of runs shows of it, read in one query: its row, where its training log
 * has got to, its best scores and the sweep it belongs to.
 *
 * @param run the {@code runs} row
 * @param lastIteration the newest logged iteration, if any was logged
 * @param imagesPerSecond the speed logged at that iteration
 * @param bestRecallAt1 the highest Recall@1 of any evaluation and head, as a fraction
 * @param bestMapAtR the highest MAP@R of any evaluation and head, as a fraction
 * @param sweepId the sweep that started the run, if one did
 */
public record RunSummary(
    RunRow run,
    OptionalLong lastIteration,
    OptionalDouble imagesPerSecond,
    OptionalDouble bestRecallAt1,
    OptionalDouble bestMapAtR,
    Optional<String> sweepId) {}
