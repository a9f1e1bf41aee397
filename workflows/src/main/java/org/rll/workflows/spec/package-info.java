/** A run's spec as plain JSON records: {@link org.rll.workflows.spec.PipelineSpec}. */
package org.rll.workflows.spec;
