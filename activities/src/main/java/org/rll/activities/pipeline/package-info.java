/**
 * The CPU stages of the pipeline workflow ({@link
 * org.rll.activities.pipeline.PipelineActivitiesImpl}) and the resolution of a run's spec into core
 * configs ({@link org.rll.activities.resolve.SpecResolver}).
 */
package org.rll.activities.pipeline;
