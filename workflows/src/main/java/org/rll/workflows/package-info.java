/**
 * The {@code RllPipeline} workflow, its activity interfaces and their input and output records.
 *
 * <p>Everything here replays deterministically: the build bans DJL, AWS, JDBC and the rll core, db
 * and activities modules from this module's dependencies.
 */
package org.rll.workflows;
