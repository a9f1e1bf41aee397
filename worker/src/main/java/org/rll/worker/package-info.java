/**
 * The Temporal worker: registers the pipeline workflow and the activities on their task queues
 * ({@link org.rll.worker.RunningWorkers}) over collaborators it is given, and connects to the
 * Temporal frontend with rll's data converter ({@link org.rll.worker.TemporalConnection}).
 */
package org.rll.worker;
