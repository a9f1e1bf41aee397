/**
 * The sweep's own activity ({@link org.rll.activities.sweep.SweepActivitiesImpl}): every run of a
 * sweep resolved before the first starts, and the runs that succeeded before found in the results
 * database.
 */
package org.rll.activities.sweep;
