/**
 * The activity interfaces of the pipeline's stages and the small references they pass: store keys,
 * ids and counts, never tensors.
 */
package org.rll.workflows.stages;
