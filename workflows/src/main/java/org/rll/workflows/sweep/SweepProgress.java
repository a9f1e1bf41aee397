package org.rll.workflows.sweep;

/**
 * Where a sweep stands.
 *
 * @param total runs in the sweep
 * @param pending runs not started yet
 * @param running runs training or evaluating now
 * @param succeeded runs that ended well, those of earlier executions included
 * @param failed runs that failed
 * @param cancelled runs that were cancelled
 * @param best the finished run with the highest Recall@1 so far; null before the first
 */
public record SweepProgress(
    int total, int pending, int running, int succeeded, int failed, int cancelled, SweepBest best) {

  /** A sweep of {@code total} runs that has started none. */
  public static SweepProgress starting(int total) {
    return new SweepProgress(total, total, 0, 0, 0, 0, null);
  }
}
