/** The {@code RllPipeline} workflow: {@link org.rll.workflows.pipeline.RllPipelineImpl}. */
package org.rll.workflows.pipeline;
