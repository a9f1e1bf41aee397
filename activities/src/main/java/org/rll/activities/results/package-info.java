/** Writing a run's training log, checkpoints and metrics to the results database. */
package org.rll.activities.results;
