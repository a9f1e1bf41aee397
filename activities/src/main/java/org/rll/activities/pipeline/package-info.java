/**
 * The CPU stages of the pipeline workflow: {@link
 * org.rll.activities.pipeline.PipelineActivitiesImpl} prepares the dataset, writes the batch
 * manifest, exports, extracts and evaluates.
 */
package org.rll.activities.pipeline;
