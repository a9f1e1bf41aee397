/**
 * Training chunks as activities ({@link org.rll.activities.training.TrainingActivitiesImpl}):
 * checkpointed, heartbeating, resumable and cancellable.
 */
package org.rll.activities.training;
